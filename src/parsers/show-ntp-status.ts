import { isoOrNull } from './ios-time';
import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** `show ntp status`: whether NTP has disciplined the clock, and how far off it is. */
export interface ShowNtpStatus {
  /** `Clock is synchronized` → true, `Clock is unsynchronized` → false; null when absent. */
  synchronized: boolean | null;
  stratum: number | null;
  /** `reference is 10.20.2.5`; null for `no reference clock`. */
  reference: string | null;
  /** `clock offset is 7.0883 msec`. */
  offsetMs: number | null;
  rootDelayMs: number | null;
  /** The time in brackets after `reference time is …` (the last NTP update), ISO. */
  referenceTime: string | null;
  /** `last update was 169 sec ago`. */
  lastUpdateSecondsAgo: number | null;
}

const SYNC_RE = /^Clock is (synchronized|unsynchronized)(?:, stratum (\d+))?(?:, reference is (\S+)|, no reference clock)?/;
// Lines that carry nothing the diagnosis reads (frequencies, dispersion, loop filter, uptime).
const KNOWN_RE = /^(?:nominal freq|ntp uptime|root dispersion|loopfilter state|system poll interval|clock offset|reference time)/;

/**
 * Parses `show ntp status` (IOS / IOS XE). Not in the SLP reference: the layout is that of the
 * public IOS transcripts (`Clock is synchronized, stratum 2, reference is …`).
 */
export function parseShowNtpStatus(text: string): ParseResult<ShowNtpStatus> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const v: ShowNtpStatus = {
    synchronized: null, stratum: null, reference: null, offsetMs: null, rootDelayMs: null, referenceTime: null,
    lastUpdateSecondsAgo: null,
  };
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '') continue;
    let m: RegExpExecArray | null;
    if ((m = SYNC_RE.exec(t))) {
      v.synchronized = m[1] === 'synchronized';
      v.stratum = m[2] !== undefined ? Number(m[2]) : null;
      v.reference = m[3] ?? null;
      continue;
    }
    if (/^%\s*NTP is not enabled/.test(t)) {
      v.synchronized = false;
      continue;
    }
    if (!KNOWN_RE.test(t)) {
      warnings.push(`unrecognised line "${t}"`);
      continue;
    }
    if ((m = /clock offset is (-?\s*[\d.]+) msec/.exec(t))) v.offsetMs = Number(m[1].replace(/\s/g, ''));
    if ((m = /root delay is (-?[\d.]+)\s*msec/.exec(t))) v.rootDelayMs = Number(m[1]);
    if ((m = /^reference time is \S+ \((.+)\)$/.exec(t))) v.referenceTime = isoOrNull(m[1], warnings, 'reference time');
    if ((m = /last update was (\d+) sec ago/.exec(t))) v.lastUpdateSecondsAgo = Number(m[1]);
  }
  if (v.synchronized === null && pre.lines.some((l) => l.trim() !== '')) warnings.push('no "Clock is …synchronized" line');
  return { value: v, warnings, syslog: pre.syslog };
}
