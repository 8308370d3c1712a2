/**
 * What the demo expects of each lab switch, from its `sim:` block and the play it runs: the fault
 * table below names the diagnosis cause each injected fault must produce. A fault the play cannot
 * meet (a dead lab proxy when the play configures no proxy) expects a healthy converge, and says
 * so: the shipped day0.yaml sends group `proxied` through the proxy, so sw-f-proxy must be
 * diagnosed `proxy_unreachable`. Pure.
 */
import type { Play } from '../schema/types.generated';
import type { HostResult } from '../results/host-result';

export interface DemoExpectation {
  /** `converged`: ok or changed, every assertion passed. */
  outcome: 'converged' | 'refused' | 'diagnosed';
  /** The diagnosis cause, for `diagnosed`. */
  cause?: string;
  why: string;
}

interface SimView {
  version?: string;
  faults?: Record<string, unknown>;
}

/** Fault → the cause `slp diagnose` must name (the guide's decision tree, reference §4). */
export const FAULT_CAUSES: readonly { fault: string; value?: unknown; cause: string; needsProxy?: boolean }[] = [
  { fault: 'dns_unreachable', value: true, cause: 'dns_resolution_failure' },
  { fault: 'cssm', value: 'timeout', cause: 'connection_timed_out' },
  { fault: 'cssm', value: 'no_reply', cause: 'no_reply_from_cssm' },
  { fault: 'token', value: 'invalid', cause: 'invalid_or_expired_token' },
  { fault: 'token', value: 'expired', cause: 'invalid_or_expired_token' },
  { fault: 'proxy', value: 'down', cause: 'proxy_unreachable', needsProxy: true },
  { fault: 'proxy', value: 'wrong_port', cause: 'connection_timed_out', needsProxy: true },
  { fault: 'clock_not_set', value: true, cause: 'clock_not_set' },
  { fault: 'cssm', value: 'empty_response', cause: 'empty_response_from_server' },
  { fault: 'cssm', value: 'server_error', cause: 'cssm_server_error' },
  { fault: 'crl_fetch_fail', value: true, cause: 'tls_pki_failure' },
  { fault: 'proxy', value: 'auth_required', cause: 'proxy_refused', needsProxy: true },
  { fault: 'proxy', value: 'tls_inspection', cause: 'tls_pki_failure', needsProxy: true },
];

function olderThan179(version: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return !!m && (Number(m[1]) < 17 || (Number(m[1]) === 17 && Number(m[2]) < 9));
}

export function expectationFor(sim: SimView | undefined, play: Play): DemoExpectation {
  if (olderThan179(sim?.version)) return { outcome: 'refused', why: `IOS XE ${sim?.version} is below 17.9.1: refused, untouched` };
  const faults = sim?.faults ?? {};
  const unmet: string[] = [];
  for (const row of FAULT_CAUSES) {
    if (faults[row.fault] === undefined || faults[row.fault] !== row.value) continue;
    if (row.needsProxy && !play.slp.proxy) {
      unmet.push(`fault ${row.fault}: ${String(row.value)} not exercised, the play configures no proxy`);
      continue;
    }
    return { outcome: 'diagnosed', cause: row.cause, why: `fault ${row.fault}: ${String(row.value)}` };
  }
  if (unmet.length) return { outcome: 'converged', why: unmet.join('; ') };
  const ignored = Object.keys(faults);
  return { outcome: 'converged', why: ignored.length ? `fault ${ignored.join(', ')} does not touch this play` : 'healthy' };
}

/** Whether a host's result is what was expected; returns the mismatch, or null. */
export function expectationMismatch(expected: DemoExpectation, r: HostResult): string | null {
  switch (expected.outcome) {
    case 'converged':
      return r.status === 'ok' || r.status === 'changed' ? null : `expected to converge, got ${r.status}${r.error ? `: ${r.error.message}` : ''}`;
    case 'refused':
      return r.status === 'failed' && r.error?.name === 'UnsupportedDeviceError' && r.commands.length === 0
        ? null
        : `expected the version gate to refuse it untouched, got ${r.status}`;
    case 'diagnosed':
      if (r.status !== 'failed') return `expected to fail with ${expected.cause}, got ${r.status}`;
      return r.diagnosis?.cause === expected.cause ? null : `expected diagnosis ${expected.cause}, got ${r.diagnosis?.cause ?? 'none'}`;
  }
}
