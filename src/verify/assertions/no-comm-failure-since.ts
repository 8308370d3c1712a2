import { eventLine, syslogLine } from '../lines';
import { parseDuration, syslogTime } from '../time';
import { DAY_MS, deviceNow, type Assertion } from './assertion';

/** A duration (`1h`) counts back from the device's clock; an ISO time (`2025-01-24T00:00:00Z`) is absolute. */
export function sinceTime(param: string, now: Date): Date {
  if (/^\d+[smhd]$/.test(param.trim())) return new Date(now.getTime() - parseDuration(param));
  const t = new Date(param);
  if (Number.isNaN(t.getTime())) throw new Error(`no_comm_failure_since: "${param}" is neither a duration nor a time`);
  return t;
}

/**
 * `no_comm_failure_since: 1h` — no `SAEVT_COMM_FAIL` in `show license eventlog` and no
 * `%SMART_LIC-3-COMM_FAILED` in `show logging` since then (seed troubleshooting step 1). A failure
 * that was later restored still fails the check: it happened inside the window.
 */
export const noCommFailureSince: Assertion<string> = {
  key: 'no_comm_failure_since',
  needs: () => ['clock', 'eventlog', 'logging'],
  // One day more than the window, so an event just inside it is never cut off by the day count.
  eventlogDays: (param) => (/^\d+[smhd]$/.test(param.trim()) ? Math.ceil(parseDuration(param) / DAY_MS) + 1 : 365),
  evaluate: (param, evidence, ctx) => {
    const now = deviceNow(evidence, ctx);
    const since = sinceTime(param, now);
    const events = (evidence.eventlog?.events ?? []).filter(
      (e) => e.type === 'SAEVT_COMM_FAIL' && e.time !== null && new Date(e.time).getTime() >= since.getTime(),
    );
    const syslog = (evidence.logging?.smartLic ?? []).filter((m) => {
      if (m.mnemonic !== 'COMM_FAILED') return false;
      const t = syslogTime(m.timestamp, now);
      return t !== null && t.getTime() >= since.getTime();
    });
    const lines = [...events.map(eventLine), ...syslog.map(syslogLine)];
    if (lines.length === 0) {
      return { passed: true, message: `no communication failure since ${since.toISOString()}`, evidence: [] };
    }
    const reasons = [...new Set([...events.map((e) => e.attributes.error ?? '?'), ...syslog.map((m) => m.reason ?? '?')])];
    return {
      passed: false,
      message: `${events.length + syslog.length} communication failure(s) since ${since.toISOString()}: ${reasons.join('; ')}`,
      evidence: lines,
    };
  },
};
