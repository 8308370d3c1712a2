import { preprocess } from './preprocess';
import { parseHaUdi, parseUdi, type HaUdi } from './udi';
import type { ParseResult, Udi } from './types';

export interface ShowLicenseUdi {
  /** The active unit's UDI. */
  udi: Udi | null;
  /** Stack / HA members in order; empty on a standalone switch. */
  members: HaUdi[];
}

/** Parses `show license udi` (standalone or `HA UDI List`). */
export function parseShowLicenseUdi(text: string): ParseResult<ShowLicenseUdi> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const value: ShowLicenseUdi = { udi: null, members: [] };
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || t === 'HA UDI List:') continue;
    const m = /^UDI:\s*(.+)$/.exec(t);
    if (m) {
      value.udi = parseUdi(m[1]);
      if (!value.udi) warnings.push(`unrecognised UDI "${m[1]}"`);
      continue;
    }
    const ha = parseHaUdi(t);
    if (ha) value.members.push(ha);
    else warnings.push(`unrecognised line "${t}"`);
  }
  if (!value.udi && value.members.length === 0 && pre.lines.length > 0) warnings.push('no UDI found');
  return { value, warnings, syslog: pre.syslog };
}
