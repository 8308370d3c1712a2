/**
 * Which communication failures are CSSM's, and which are recent. A switch converted from CSLU to
 * Smart transport keeps its old `%SMART_LIC-3-COMM_FAILED: … with the Cisco Smart License Utility
 * (CSLU) : …` lines and their `SAEVT_COMM_FAIL` events (reference §2.4: the syslog text names CSLU
 * or CSSM; the event log does not). Those say nothing about Smart transport. Pure.
 */
import type { LicenseEvent, SyslogMessage } from '../parsers';
import { syslogTime } from './time';

export type CommPeer = 'CSSM' | 'CSLU' | 'unknown';

/** `… with the Cisco Smart Software Manager (CSSM) : …` / `… (CSLU) …` (reference §2.4, [C]). */
export function syslogPeer(m: SyslogMessage): CommPeer {
  if (/\(CSLU\)|Smart License Utility/.test(m.message)) return 'CSLU';
  if (/\(CSSM\)|Smart Software Manager/.test(m.message)) return 'CSSM';
  return 'unknown';
}

export interface DatedFailure {
  kind: 'event' | 'syslog';
  time: Date | null;
  reason: string;
  peer: CommPeer;
  event?: LicenseEvent;
  syslog?: SyslogMessage;
}

export interface DatedRestore {
  kind: 'event' | 'syslog';
  time: Date | null;
  peer: CommPeer;
  event?: LicenseEvent;
  syslog?: SyslogMessage;
}

/** Seconds between an event-log failure and the syslog line for the same failure. */
const SAME_FAILURE_MS = 2_000;

/**
 * Every failure and restore, dated, with its peer: a syslog line says it; an event is CSLU's when
 * the syslog shows a CSLU failure within two seconds of it, or when it is not later than the last
 * CSLU line (the conversion happened after it); otherwise CSSM's when transport is Smart now.
 */
export function commEvents(events: readonly LicenseEvent[], syslog: readonly (SyslogMessage & { reason?: string | null })[], now: Date): { failures: DatedFailure[]; restores: DatedRestore[] } {
  const sys = syslog
    .filter((m) => m.mnemonic === 'COMM_FAILED' || m.mnemonic === 'COMM_RESTORED')
    .map((m) => ({ m, time: syslogTime(m.timestamp, now), peer: syslogPeer(m) }));
  const lastCslu = sys.filter((s) => s.peer === 'CSLU' && s.time).reduce<number | null>((a, s) => Math.max(a ?? 0, s.time!.getTime()), null);
  const eventPeer = (t: Date | null): CommPeer => {
    if (!t) return 'unknown';
    const near = sys.find((s) => s.time && s.m.mnemonic === 'COMM_FAILED' && Math.abs(s.time.getTime() - t.getTime()) <= SAME_FAILURE_MS);
    if (near && near.peer !== 'unknown') return near.peer;
    if (lastCslu !== null && t.getTime() <= lastCslu + SAME_FAILURE_MS) return 'CSLU';
    return 'CSSM';
  };
  const failures: DatedFailure[] = [];
  const restores: DatedRestore[] = [];
  for (const e of events) {
    const time = e.time ? new Date(e.time) : null;
    if (e.type === 'SAEVT_COMM_FAIL') failures.push({ kind: 'event', time, reason: e.attributes.error ?? '', peer: eventPeer(time), event: e });
    else if (e.type === 'SAEVT_COMM_RESTORED') restores.push({ kind: 'event', time, peer: eventPeer(time), event: e });
  }
  for (const s of sys) {
    if (s.m.mnemonic === 'COMM_FAILED') failures.push({ kind: 'syslog', time: s.time, reason: s.m.reason ?? s.m.message, peer: s.peer, syslog: s.m });
    else restores.push({ kind: 'syslog', time: s.time, peer: s.peer, syslog: s.m });
  }
  const at = (x: { time: Date | null }): number => x.time?.getTime() ?? 0;
  failures.sort((a, b) => at(a) - at(b));
  restores.sort((a, b) => at(a) - at(b));
  return { failures, restores };
}

/** CSSM failures (not CSLU ones) at or after `since` (all of them when since is null). */
export function cssmFailuresSince(failures: readonly DatedFailure[], since: Date | null): DatedFailure[] {
  return failures.filter((f) => f.peer !== 'CSLU' && (since === null || (f.time !== null && f.time.getTime() >= since.getTime())));
}
