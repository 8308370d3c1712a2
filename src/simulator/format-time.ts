/** Date formats IOS XE prints; all simulated devices run their clock in UTC. */
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const p3 = (n: number): string => String(n).padStart(3, '0');

/** Licensing dates: `Jan 24 23:19:05 2025 UTC` (reference §3). */
export function licenseDate(ms: number): string {
  const d = new Date(ms);
  return `${MON[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()} UTC`;
}

/** Event log: `2025-01-24 13:58:23.900 UTC`. */
export function eventLogDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())} UTC`;
}

/** Syslog stamp `Jan 24 23:19:05.144` (the caller adds `*` when the clock is not authoritative). */
export function syslogDate(ms: number): string {
  const d = new Date(ms);
  return `${MON[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())}`;
}

/** `show clock`: `23:38:54.683 UTC Fri Jan 24 2025`. */
export function clockDate(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())} UTC ${DAY[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`;
}

/** Running-config header: `12:00:01 UTC Mon Jan 6 2025`. */
export function configChangeDate(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${DAY[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`;
}

/** `29 days, 23 hours, 49 minutes, 39 seconds` as in the scheduler lines of tech support. */
export function remaining(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const parts: string[] = [];
  const units: Array<[number, string]> = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  for (const [size, name] of units) {
    const n = Math.floor(s / size);
    s -= n * size;
    if (n > 0 || (size === 1 && parts.length === 0)) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}

/** `show version` uptime: `1 day, 1 hour, 11 minutes`. */
export function uptime(ms: number): string {
  let m = Math.floor(ms / 60000);
  const parts: string[] = [];
  const units: Array<[number, string]> = [[525600, 'year'], [10080, 'week'], [1440, 'day'], [60, 'hour'], [1, 'minute']];
  for (const [size, name] of units) {
    const n = Math.floor(m / size);
    m -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return parts.length ? parts.join(', ') : '0 minutes';
}
