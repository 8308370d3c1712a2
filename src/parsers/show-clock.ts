import { parseIosTime } from './ios-time';
import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** `show clock [detail]`: the time and whether the device trusts its own clock. */
export interface ShowClock {
  /** ISO 8601 UTC (zone name read as in ios-time.ts). */
  time: string | null;
  /** `*` prefix: the clock is not authoritative (never set / no NTP). `.`: it lost NTP sync. */
  authoritative: boolean;
  marker: '*' | '.' | '';
  raw: string | null;
  /**
   * `show clock detail` only: `ntp`, `sntp`, `hardware calendar`, `user configuration` from
   * `Time source is …`, `none` for `No time source`; other sources as printed, lower case. null
   * when the line is absent (plain `show clock`).
   */
  timeSource: string | null;
  /** The zone name as printed (`UTC`, `IST`…): a name, not an offset (see ios-time.ts). */
  zone: string | null;
}

// `Time source is NTP` (detail); the `exec prompt timestamp` header adds `, <time>` and is not this.
const SOURCE_RE = /^Time source is ([^,]+)$/;
const ZONE_RE = /^\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?\s+([A-Za-z][\w+-]*)\s/;

/** Parses `show clock` (`*23:38:54.683 UTC Fri Jan 24 2025`) and `show clock detail`. */
export function parseShowClock(text: string): ParseResult<ShowClock> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const v: ShowClock = { time: null, authoritative: false, marker: '', raw: null, timeSource: null, zone: null };
  const lines = pre.lines.map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) {
    warnings.push('empty output');
    return { value: v, warnings, syslog: pre.syslog };
  }
  const t = lines[0];
  const m = /^([*.]?)(.+)$/.exec(t)!;
  v.marker = m[1] as ShowClock['marker'];
  v.raw = t;
  const r = parseIosTime(m[2]);
  v.time = r.iso;
  v.zone = r.iso !== null ? ZONE_RE.exec(m[2])?.[1] ?? null : null;
  // Output that is not a clock (`% Invalid input…`, a cut-off line) proves nothing about the clock.
  v.authoritative = v.marker === '' && r.iso !== null;
  if (r.warning) warnings.push(r.warning);
  for (const line of lines.slice(1)) {
    const s = SOURCE_RE.exec(line);
    if (s) v.timeSource = s[1].trim().toLowerCase();
    else if (/^No time source$/.test(line)) v.timeSource = 'none';
    // `clock summer-time` adds these two lines; the zone names in them say nothing new.
    else if (!/^Summer time (starts|ends) /.test(line)) warnings.push(`unrecognised line "${line}"`);
  }
  return { value: v, warnings, syslog: pre.syslog };
}
