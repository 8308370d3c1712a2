import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** One `show mac address-table` row. */
export interface MacEntry {
  /** VLAN number, or null for `All`/`CPU` rows. */
  vlan: number | null;
  mac: string;
  type: string;
  ports: string[];
}

const ROW_RE = /^(\d+|All)\s+([0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})\s+(\S+)\s+(.+)$/i;

/** Parses `show mac address-table [address …]`. */
export function parseShowMacAddressTable(text: string): ParseResult<{ entries: MacEntry[]; total: number | null }> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const entries: MacEntry[] = [];
  let total: number | null = null;
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || /^-+$/.test(t) || /^[-\s]+$/.test(t) || t === 'Mac Address Table' || /^Vlan\s+Mac Address/.test(t)) continue;
    let m: RegExpExecArray | null;
    if ((m = /^Total Mac Addresses for this criterion:\s*(\d+)/.exec(t))) {
      total = +m[1];
      continue;
    }
    if ((m = ROW_RE.exec(t))) {
      entries.push({ vlan: m[1] === 'All' ? null : +m[1], mac: m[2].toLowerCase(), type: m[3], ports: m[4].split(/[\s,]+/).filter(Boolean) });
      continue;
    }
    warnings.push(`unrecognised line "${t}"`);
  }
  return { value: { entries, total }, warnings, syslog: pre.syslog };
}
