/** Durations and device times for the time-bound assertions. */
import { parseIosTime } from '../parsers';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `5m`, `1h`, `30d` (the playbook schema's duration pattern) → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: "${text}" (expected e.g. 90s, 5m, 1h, 30d)`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

/**
 * A syslog stamp without a year (`Jan 24 23:19:05.144`, the IOS default) placed in the year that
 * makes it not later than the device's clock: a line from Dec 31 read on Jan 1 is last year's.
 * Zone: the device clock's (UTC on every sample we have). Null when the stamp is not a date.
 */
export function syslogTime(stamp: string, deviceNow: Date): Date | null {
  const year = deviceNow.getUTCFullYear();
  for (const y of [year, year - 1]) {
    const iso = parseIosTime(`${stamp.trim()} ${y}`).iso;
    if (!iso) return null;
    const t = new Date(iso);
    if (t.getTime() <= deviceNow.getTime() + 60_000) return t;
  }
  return null;
}
