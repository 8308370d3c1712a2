import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** `show ip cef <address>`: the prefix that matched and where it forwards. */
export interface ShowIpCef {
  /** The matching prefix, e.g. `0.0.0.0/0`. */
  prefix: string | null;
  nextHops: { address: string | null; interface: string | null; attached: boolean }[];
}

/** Parses `show ip cef <address>` (seed troubleshooting step 5). */
export function parseShowIpCef(text: string): ParseResult<ShowIpCef> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const v: ShowIpCef = { prefix: null, nextHops: [] };
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\b/.exec(t))) v.prefix = m[1];
    else if ((m = /^nexthop (\S+) (\S+)/.exec(t))) v.nextHops.push({ address: m[1], interface: m[2], attached: false });
    else if ((m = /^attached to (\S+)/.exec(t))) v.nextHops.push({ address: null, interface: m[1], attached: true });
    else if (/^(?:receive|drop|discard|null0)/i.test(t)) v.nextHops.push({ address: null, interface: null, attached: false });
    else warnings.push(`unrecognised line "${t}"`);
  }
  return { value: v, warnings, syslog: pre.syslog };
}
