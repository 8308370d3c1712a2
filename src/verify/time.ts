/** Durations and device times for the time-bound assertions. */
import { parseIosTime } from '../parsers';

export { parseDuration } from '../duration';

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
