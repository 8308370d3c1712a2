import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/**
 * Reads a table printed one row per line (`show ip arp`, `show ip interface brief`): blank lines
 * and the column header are skipped, every other line must match `row`, and one that does not
 * becomes a warning rather than a guessed row.
 */
export function parseTableRows<T>(
  text: string,
  header: RegExp,
  row: RegExp,
  toRow: (m: RegExpExecArray) => T,
): ParseResult<T[]> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const rows: T[] = [];
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || header.test(t)) continue;
    const m = row.exec(t);
    if (m) rows.push(toRow(m));
    else warnings.push(`unrecognised line "${t}"`);
  }
  return { value: rows, warnings, syslog: pre.syslog };
}
