/**
 * `show sessions`, `show clock detail`, `show ntp status` and the local clock a `clock timezone`
 * gives. Not in the reference: layouts are standard IOS as in public transcripts [I].
 */
import type { SessionApi } from '../command-types';
import { clockDate } from '../format-time';
import type { SimDevice } from '../sim-device';

/** The clock as `show clock` prints it: local time and the configured zone name (UTC by default). */
export function localClock(d: SimDevice): string {
  const tz = d.running.clockTimezone;
  if (!tz) return clockDate(d.clock.now());
  const offsetMin = tz.hours * 60 + (tz.hours < 0 ? -tz.minutes : tz.minutes);
  return clockDate(d.clock.now() + offsetMin * 60_000).replace(' UTC ', ` ${tz.name} `);
}

export function renderShowClockDetail(d: SimDevice): string {
  const unsynced = d.clockUnsynced();
  return `${unsynced ? '*' : ''}${localClock(d)}\n${unsynced ? 'No time source' : 'Time source is NTP'}\n`;
}

/** The lab's first name server doubles as its NTP server. */
export function renderShowNtpStatus(d: SimDevice): string {
  if (d.clockUnsynced()) return '%NTP is not enabled.\n';
  const ref = d.lab.dns_servers[0] ?? '10.31.104.74';
  return [
    `Clock is synchronized, stratum 3, reference is ${ref}`,
    'nominal freq is 250.0000 Hz, actual freq is 250.0000 Hz, precision is 2**10',
    'ntp uptime is 1440000 (1/100 of seconds), resolution is 4000',
    'clock offset is 0.5120 msec, root delay is 1.20 msec',
    'root dispersion is 3.10 msec, peer dispersion is 1.02 msec',
    'loopfilter state is \'CTRL\' (Normal Controlled Loop), drift is 0.000000000 s/s',
    'system poll interval is 64, last update was 12 sec ago.',
    '',
  ].join('\n');
}

/** `show sessions`: the suspended outgoing sessions of this vty. */
export function renderSessions(s: SessionApi): string {
  if (s.outgoing.length === 0) return '% No connections open\n';
  const rows = s.outgoing.map((c, i) =>
    `${i === s.outgoing.length - 1 ? '*' : ' '}${String(i + 1).padStart(3)} ${c.host.padEnd(19)} ${c.address.padEnd(19)} ${'0'.padStart(5)} ${'0'.padStart(5)} ${c.host}`);
  return `Conn Host                Address             Byte  Idle Conn Name\n${rows.join('\n')}\n`;
}
