/**
 * Ansible's host ranges (`sw[01:20]`, `sw-[a:c]`, `10.0.[1:3].[1:2]`, `[begin:end:step]`) and the
 * optional `:port` suffix of an inventory host entry, as ansible/plugins/inventory/__init__.py
 * (expand_hostname_range) and parsing/utils/addresses.py read them.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Thrown with Ansible's wording; callers add the location. */
export class HostRangeError extends Error {}

/** True when the name holds a range to expand (Ansible: any `[`). */
export function hasRange(name: string): boolean {
  return name.includes('[');
}

/** Every host name a range pattern stands for, in order; a name without `[` is itself. */
export function expandHostRange(pattern: string): string[] {
  if (!hasRange(pattern)) return [pattern];
  const open = pattern.indexOf('[');
  const close = pattern.indexOf(']', open);
  if (close < 0) throw new HostRangeError(`host range "${pattern}" has no closing "]"`);
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = pattern.slice(open + 1, close).split(':');
  if (bounds.length !== 2 && bounds.length !== 3) throw new HostRangeError(`host range "${pattern}" must be [begin:end] or [begin:end:step]`);
  const beg = bounds[0] || '0';
  const end = bounds[1]!;
  const step = bounds.length === 3 ? Number(bounds[2]) : 1;
  if (!end) throw new HostRangeError(`host range "${pattern}" must specify an end value`);
  if (!Number.isInteger(step) || step < 1) throw new HostRangeError(`host range "${pattern}": the step must be a positive integer`);
  const width = beg[0] === '0' && beg.length > 1 ? beg.length : 0;
  if (width && width !== end.length) throw new HostRangeError(`host range "${pattern}" must have begin and end of equal length`);
  const fill = (x: string | number): string => (width ? String(x).padStart(width, '0') : String(x));
  let seq: (string | number)[] = [];
  const ib = beg.length === 1 ? LETTERS.indexOf(beg) : -1;
  const ie = end.length === 1 ? LETTERS.indexOf(end) : -1;
  if (ib >= 0 && ie >= 0) {
    if (ib > ie) throw new HostRangeError(`host range "${pattern}" must have begin <= end`);
    for (let i = ib; i <= ie; i += step) seq.push(LETTERS[i]!);
  } else {
    if (!/^\d+$/.test(beg) || !/^\d+$/.test(end)) throw new HostRangeError(`host range "${pattern}": begin and end must both be numbers or both single letters`);
    const b = Number(beg);
    const e = Number(end);
    if (e - b > 1_000_000 * step) throw new HostRangeError(`host range "${pattern}" is too large`);
    for (let i = b; i <= e; i += step) seq.push(i);
  }
  const out: string[] = [];
  for (const x of seq) out.push(...expandHostRange(head + fill(x) + tail));
  seq = [];
  return out;
}

/**
 * `name`, `name:port`, `[ipv6]:port`, `name[1:3]:port` → the pattern and its port. A bare IPv6
 * address (several `:` outside brackets) has no port, as in Ansible.
 */
export function splitHostPort(entry: string): { pattern: string; port?: number } {
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(entry);
  if (bracketed && bracketed[1]!.includes(':') && !/^[^:]*:[^:]*$/.test(bracketed[1]!)) return { pattern: bracketed[1]!, port: Number(bracketed[2]) };
  const m = /^((?:[^:[\]]|\[[^\]]*\])+):(\d+)$/.exec(entry);
  if (m) return { pattern: m[1]!, port: Number(m[2]) };
  return { pattern: entry };
}
