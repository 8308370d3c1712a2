/**
 * What one host did in one play: the value the recap, the JSON report, the JUnit report and the
 * exit code are all computed from. Shaped like an Ansible resource module's return (`changed`,
 * `commands`, `before`/`after`) plus the steps the runner took and how long each one lasted.
 */
import type { Plan } from '../converge/plan';
import type { CaptureResult } from '../diagnose/capture';
import type { DebugResult } from '../diagnose/debugs';
import type { HostStepName, StepError, StepResult } from '../steps/step-result';
import { checkFailed, type HostCheck } from '../verify/host-check';
import type { HostDiagnosis } from '../diagnose/host-diagnosis';

/** Recap vocabulary, as Ansible's. `changed` in check mode means "would change". */
export type HostStatus = 'ok' | 'changed' | 'failed' | 'unreachable' | 'skipped';

export { HOST_STEPS, type HostStepName, type StepStatus, type StepResult, type StepError } from '../steps/step-result';

export { checkFailed, type HostCheck } from '../verify/host-check';
export type { HostDiagnosis } from '../diagnose/host-diagnosis';

/** The error the host failed with: the first failed step's error, and that step's name. */
export interface HostError extends StepError {
  step: HostStepName;
}

export interface HostResult {
  host: string;
  play: string;
  /** 1-based batch number inside the play (serial); 0 when the host never started. */
  batch: number;
  status: HostStatus;
  /** Something was (or, in check mode, would be) changed on the device. */
  changed: boolean;
  check: boolean;
  plan?: Plan;
  /** Commands sent to change the device, in order (the trust token shown as ***). */
  commands: string[];
  /** Owned running-config lines before and after (canonical). */
  before: string[];
  after: string[];
  diff?: string;
  backupPath?: string;
  rollback?: string[];
  facts?: { platform: string | null; version: string | null; hostname: string | null };
  checks: HostCheck[];
  diagnosis?: HostDiagnosis;
  /** `slp diagnose --capture`: the packet capture taken during a sync. */
  capture?: CaptureResult;
  /** `slp diagnose --debugs`: the TLS debugs collected. */
  debugs?: DebugResult;
  error?: HostError;
  /**
   * A second Ctrl-C (or signal) abandoned the host in flight: its waits ended and its session was
   * closed (never mid-push). Its status is unreachable; this says why.
   */
  abandoned?: true;
  /** Why the host was skipped (max_fail_percentage, Ctrl-C, failed in an earlier play). */
  skipReason?: string;
  /** Every step in the order it ran, with its own timing, commands and error. */
  steps: StepResult[];
  /** Step → milliseconds (each step's own, from `steps`), and `total`. */
  timings: Record<string, number>;
}

/** The status of a host from its steps: unreachable beats failed beats changed beats ok. */
export function hostStatus(steps: readonly StepResult[], checks: readonly HostCheck[]): HostStatus {
  if (steps.some((s) => s.status === 'unreachable')) return 'unreachable';
  if (steps.some((s) => s.status === 'failed') || checks.some(checkFailed)) return 'failed';
  if (steps.some((s) => s.status === 'changed')) return 'changed';
  return 'ok';
}

/** A host that never started: every field present, nothing done. */
export function skippedHost(host: string, play: string, reason: string, check: boolean): HostResult {
  return {
    host, play, batch: 0, status: 'skipped', changed: false, check, commands: [], before: [], after: [],
    checks: [], skipReason: reason, steps: [], timings: { total: 0 },
  };
}
