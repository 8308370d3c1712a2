import { parseTableRows } from './table-rows';
import type { ParseResult } from './types';

/** One `show ip arp` row. */
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
  const { value: entries, warnings, syslog } = parseTableRows(text, /^Protocol\s+Address/, ROW_RE, (m) => ({
    protocol: m[1], address: m[2], ageMinutes: m[3] === '-' ? null : +m[3],
    mac: /^Incomplete$/i.test(m[4]) ? null : m[4], type: m[5], interface: m[6] ?? null,
  }));
  return { value: { entries }, warnings, syslog };
}
