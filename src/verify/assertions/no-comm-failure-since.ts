import { eventLine, syslogLine } from '../lines';
import { parseDuration } from '../time';
import { commEvents, cssmFailuresSince } from '../comm-failures';
import { DAY_MS, deviceNow, type Assertion } from './assertion';

/** A duration (`1h`) counts back from the device's clock; an ISO time (`2025-01-24T00:00:00Z`) is absolute. */
export function sinceTime(param: string, now: Date): Date {
  if (/^\d+[smhd]$/.test(param.trim())) return new Date(now.getTime() - parseDuration(param));
  const t = new Date(param);
  if (Number.isNaN(t.getTime())) throw new Error(`no_comm_failure_since: "${param}" is neither a duration nor a time`);
  return t;
}

/**
 * `no_comm_failure_since: 1h` — no CSSM communication failure since then: `SAEVT_COMM_FAIL` in
 * `show license eventlog` or `%SMART_LIC-3-COMM_FAILED … (CSSM) : …` in `show logging` (seed
 * troubleshooting step 1). Failures toward CSLU (before a conversion to Smart transport) do not
 * count, nor do those before the window. A failure that was later restored still fails the check:
 * it happened inside the window.
 */
export const noCommFailureSince: Assertion<string> = {
  key: 'no_comm_failure_since',
  needs: () => ['clock', 'eventlog', 'logging'],
  // One day more than the window, so an event just inside it is never cut off by the day count.
  eventlogDays: (param) => (/^\d+[smhd]$/.test(param.trim()) ? Math.ceil(parseDuration(param) / DAY_MS) + 1 : 365),
  evaluate: (param, evidence, ctx) => {
    const now = deviceNow(evidence, ctx);
    const since = sinceTime(param, now);
    const { failures } = commEvents(evidence.eventlog?.events ?? [], evidence.logging?.smartLic ?? [], now);
    const inWindow = cssmFailuresSince(failures, since);
    const lines = inWindow.map((f) => (f.event ? eventLine(f.event) : syslogLine(f.syslog!)));
    if (lines.length === 0) {
      const cslu = failures.filter((f) => f.peer === 'CSLU' && f.time && f.time.getTime() >= since.getTime()).length;
      return { passed: true, message: `no CSSM communication failure since ${since.toISOString()}${cslu ? ` (${cslu} CSLU failure(s) ignored)` : ''}`, evidence: [] };
    }
    const reasons = [...new Set(inWindow.map((f) => f.reason || '?'))];
    return {
      passed: false,
      message: `${inWindow.length} communication failure(s) since ${since.toISOString()}: ${reasons.join('; ')}`,
      evidence: lines,
    };
  },
};
