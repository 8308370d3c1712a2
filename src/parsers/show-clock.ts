import { parseIosTime } from './ios-time';
import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** `show clock`: the time and whether the device trusts its own clock. */
export interface ShowClock {
  /** ISO 8601 UTC (zone name read as in ios-time.ts). */
  time: string | null;
  /** `*` prefix: the clock is not authoritative (never set / no NTP). `.`: it lost NTP sync. */
  authoritative: boolean;
  marker: '*' | '.' | '';
  raw: string | null;
}

/** Parses `show clock`: `*23:38:54.683 UTC Fri Jan 24 2025`. */
export function parseShowClock(text: string): ParseResult<ShowClock> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const v: ShowClock = { time: null, authoritative: false, marker: '', raw: null };
  const line = pre.lines.find((l) => l.trim() !== '');
  if (!line) {
    warnings.push('empty output');
    return { value: v, warnings, syslog: pre.syslog };
  }
  const t = line.trim();
  const m = /^([*.]?)(.+)$/.exec(t)!;
  v.marker = m[1] as ShowClock['marker'];
  v.raw = t;
  const r = parseIosTime(m[2]);
  v.time = r.iso;
  // Output that is not a clock (`% Invalid input…`, a cut-off line) proves nothing about the clock.
  v.authoritative = v.marker === '' && r.iso !== null;
  if (r.warning) warnings.push(r.warning);
  return { value: v, warnings, syslog: pre.syslog };
}
