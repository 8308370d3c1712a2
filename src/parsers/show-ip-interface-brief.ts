import { parseTableRows } from './table-rows';
import type { ParseResult } from './types';

/** One `show ip interface brief` row. */
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
  const { value: interfaces, warnings, syslog } = parseTableRows(text, /^Interface\s+IP-Address/, ROW_RE, (m) => ({
    interface: m[1], ipAddress: m[2] === 'unassigned' ? null : m[2], ok: m[3] === 'YES', method: m[4],
    status: m[5], protocol: m[6],
  }));
  return { value: { interfaces }, warnings, syslog };
}
