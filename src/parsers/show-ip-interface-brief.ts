import { preprocess } from './preprocess';
import type { ParseResult } from './types';

export interface InterfaceBriefRow {
  interface: string;
  /** null for `unassigned`. */
  ipAddress: string | null;
  ok: boolean;
  method: string;
  /** `up`, `down`, `administratively down`. */
  status: string;
  protocol: string;
}

// Status may be two words (`administratively down`), so the row is read from both ends.
const ROW_RE = /^(\S+)\s+(\S+)\s+(YES|NO)\s+(\S+)\s+(.+?)\s+(up|down)$/;

/** Parses `show ip interface brief` (also `| exclude unassigned`). */
export function parseShowIpInterfaceBrief(text: string): ParseResult<{ interfaces: InterfaceBriefRow[] }> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const interfaces: InterfaceBriefRow[] = [];
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || /^Interface\s+IP-Address/.test(t)) continue;
    const m = ROW_RE.exec(t);
    if (!m) {
      warnings.push(`unrecognised line "${t}"`);
      continue;
    }
    interfaces.push({
      interface: m[1], ipAddress: m[2] === 'unassigned' ? null : m[2], ok: m[3] === 'YES', method: m[4],
      status: m[5], protocol: m[6],
    });
  }
  return { value: { interfaces }, warnings, syslog: pre.syslog };
}
