/**
 * What one host did in one play: the value the recap, the JSON report, the JUnit report and the
 * exit code are all computed from. Shaped like an Ansible resource module's return (`changed`,
 * `commands`, `before`/`after`) plus the steps the runner took and how long each one lasted.
 */
import type { Plan } from '../converge/plan';
import type { CaptureResult } from '../diagnose/capture';
import type { DebugResult } from '../diagnose/debugs';
import type { HostStepName, StepError, StepResult } from './step-result';

/** Recap vocabulary, as Ansible's. `changed` in check mode means "would change". */
export type HostStatus = 'ok' | 'changed' | 'failed' | 'unreachable' | 'skipped';

export { HOST_STEPS, type HostStepName, type StepStatus, type StepResult, type StepError } from './step-result';

/**
 * One assertion's outcome. Structurally the verify engine's CheckResult (src/verify/verify.ts), kept
 * here so reports do not depend on that module's internals.
 */
export interface HostCheck {
  name: string;
  passed: boolean;
  message: string;
  evidence: string[];
  attempts?: number;
  elapsedMs?: number;
  /**
   * Why this failed check does not fail the host: `--check` on a host that would change looks at
   * the switch before the change, where the checks are expected to fail.
   */
  notApplicable?: string;
}

/** A check that counts against the host: failed, and not marked not applicable. */
export function checkFailed(c: HostCheck): boolean {
  return !c.passed && c.notApplicable === undefined;
}

/** The diagnosis of a failed host (src/diagnose/diagnose.ts): one cause, its evidence and a remedy. */
export interface HostDiagnosis {
  cause: string;
  summary: string;
  evidence: string[];
  remedy: string;
  steps?: string[];
  /** `slp diagnose --from`: the outputs the decision tree reads that the capture does not hold. */
  notInCapture?: string[];
}

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
