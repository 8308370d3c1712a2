/**
 * Converts the dates IOS XE prints into ISO 8601 UTC strings.
 *
 * IOS prints the *name* of the configured clock zone (`clock timezone PDT -7`), not an offset, and
 * the name is whatever the administrator typed: real captures show `UTC`, `EDT`, `est`, `PDT` (in
 * December), `IST`, `pacific`. So a name is only a hint. We map the usual names to their usual
 * offsets (table below, case-insensitive); a name we do not know is read as UTC and reported, so a
 * caller can decide whether an hour or two matters to it.
 */

/** Offset from UTC in minutes for zone names seen on devices or common in configs. */
export const ZONE_OFFSETS_MIN: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 330, CET: 60, CEST: 120, MET: 60, MEST: 120,
  EET: 120, EEST: 180, MSK: 180, JST: 540, KST: 540, SGT: 480, HKT: 480, AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780, BRT: -180, ART: -180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  // Names typed as words (`clock timezone pacific -8`), seen in a real show license all.
  PACIFIC: -480, EASTERN: -300, CENTRAL: -360, MOUNTAIN: -420,
};

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** A device date read as UTC, with a caveat when the zone was guessed. */
export interface IosTime {
  /** ISO 8601 UTC, e.g. `2025-01-24T23:19:05.000Z`; null when the text is not a date. */
  iso: string | null;
  /** Set when the value was read but with a caveat (unknown zone). */
  warning?: string;
}

function toIso(y: number, mon: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): string | null {
  if (mon < 0 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mon, d, h, mi, s, ms) - offsetMin * 60_000;
  if (!Number.isFinite(t)) return null;
  const date = new Date(t);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function zoneOffset(zone: string | undefined): { offset: number; warning?: string } {
  if (!zone) return { offset: 0 };
  const known = ZONE_OFFSETS_MIN[zone.toUpperCase()];
  if (known !== undefined) return { offset: known };
  return { offset: 0, warning: `time zone "${zone}" is not known; read as UTC` };
}

// `Jan 24 23:19:05 2025 UTC` (licensing), `Nov 2 14:02:53 2021 EDT`.
const LICENSING_RE = /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?\s+(\d{4})(?:\s+([A-Za-z][\w+-]*))?$/;
// `2025-01-24 13:58:23.900 UTC` (event log).
const NUMERIC_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:\s+([A-Za-z][\w+-]*))?$/;
// `23:38:54.683 UTC Fri Jan 24 2025` (show clock, system restarted at …), optional weekday.
const CLOCK_RE = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?\s+([A-Za-z][\w+-]*)\s+(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})$/;

const msOf = (frac: string | undefined): number => (frac ? Number(frac.padEnd(3, '0')) : 0);

/** Reads one IOS date; `<none>`, `<empty>` and empty text give `{iso: null}` without a warning. */
export function parseIosTime(text: string): IosTime {
  const t = text.trim();
  if (t === '' || t === '<none>' || t === '<empty>') return { iso: null };
  let m = LICENSING_RE.exec(t);
  if (m) {
    const mon = MONTHS[m[1].toLowerCase()] ?? -1;
    const z = zoneOffset(m[8]);
    return { iso: toIso(+m[7], mon, +m[2], +m[3], +m[4], +m[5], msOf(m[6]), z.offset), ...(z.warning ? { warning: z.warning } : {}) };
  }
  m = NUMERIC_RE.exec(t);
  if (m) {
    const z = zoneOffset(m[8]);
    return { iso: toIso(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], msOf(m[7]), z.offset), ...(z.warning ? { warning: z.warning } : {}) };
  }
  m = CLOCK_RE.exec(t);
  if (m) {
    const mon = MONTHS[m[6].toLowerCase()] ?? -1;
    const z = zoneOffset(m[5]);
    return { iso: toIso(+m[8], mon, +m[7], +m[1], +m[2], +m[3], msOf(m[4]), z.offset), ...(z.warning ? { warning: z.warning } : {}) };
  }
  return { iso: null, warning: `not a date: "${t}"` };
}

/**
 * Dates already read, by their text: a long output (a 1 MB tech support, a busy event log)
 * repeats the same few stamps thousands of times, and parseIosTime is pure. Bounded; the results
 * never leave this module (isoOrNull hands out only the immutable string), so sharing is safe.
 */
const recentTimes = new Map<string, IosTime>();
const RECENT_TIMES_MAX = 256;

/**
 * Convenience for parsers: returns the ISO string (or null) and pushes any caveat onto `warnings`
 * prefixed with `where`, so the user sees which field it came from.
 */
export function isoOrNull(text: string | undefined, warnings: string[], where: string): string | null {
  if (text === undefined) return null;
  let r = recentTimes.get(text);
  if (r === undefined) {
    r = parseIosTime(text);
    if (text.length <= 64) {
      if (recentTimes.size >= RECENT_TIMES_MAX) recentTimes.clear();
      // A fresh flat copy as the key: `text` is usually a slice that would keep the whole
      // output it came from alive for as long as the entry lives.
      recentTimes.set(text.split('').join(''), r);
    }
  }
  if (r.warning) warnings.push(`${where}: ${r.warning}`);
  return r.iso;
}
