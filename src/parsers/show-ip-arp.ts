import { preprocess } from './preprocess';
import type { ParseResult } from './types';

export interface ArpEntry {
  protocol: string;
  address: string;
  /** Minutes; null for `-` (own interface address). */
  ageMinutes: number | null;
  /** null for `Incomplete`. */
  mac: string | null;
  type: string;
  interface: string | null;
}

const ROW_RE = /^(\S+)\s+(\d{1,3}(?:\.\d{1,3}){3})\s+(\d+|-)\s+(\S+)\s+(\S+)(?:\s+(\S+))?$/;

/** Parses `show ip arp [address]`. */
export function parseShowIpArp(text: string): ParseResult<{ entries: ArpEntry[] }> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const entries: ArpEntry[] = [];
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || /^Protocol\s+Address/.test(t)) continue;
    const m = ROW_RE.exec(t);
    if (!m) {
      warnings.push(`unrecognised line "${t}"`);
      continue;
    }
    entries.push({
      protocol: m[1], address: m[2], ageMinutes: m[3] === '-' ? null : +m[3],
      mac: /^Incomplete$/i.test(m[4]) ? null : m[4], type: m[5], interface: m[6] ?? null,
    });
  }
  return { value: { entries }, warnings, syslog: pre.syslog };
}
