/**
 * The per-host pipeline's steps as functions the runner is handed, so unit tests can fake each
 * one and the commands (run, plan, apply) can swap the converge step. The real ones live in
 * default-steps.ts.
 */
import type { Device } from '../device/device';
import type { InventoryHost } from '../inventory/inventory';
import type { PlayHeader } from '../playbook/load-run';
import type { Redactor } from '../redact';
import type { Play } from '../schema/types.generated';
import type { HostConvergeResult } from '../converge/converge-host';
import type { HostPlan } from '../converge/plan-file';
import type { Plan } from '../converge/plan';
import type { ConfirmOptions } from '../converge/apply';
import type { HostCheck } from '../results/host-result';
import type { StepRecorder } from '../steps/step-recorder';
import type { Clock } from '../clock';
import type { DiagnoseOutcome } from '../diagnose/diagnose-step';

/** One host in one play. */
export interface HostJob {
  play: PlayHeader;
  host: InventoryHost;
  /** The play rendered for this host (slp, verify); absent for `slp apply` (a plan file has none). */
  desired?: Play;
  /** `slp apply`: the plan to push instead of planning again. */
  hostPlan?: HostPlan;
}

/** What a run asks of every host. */
export interface StepContext {
  /**
   * run: converge + verify; plan: read and plan only; apply: push a plan file's plan + verify;
   * diagnose: connect and diagnose only (`slp diagnose`), the diagnosis being the verdict.
   */
  mode: 'run' | 'plan' | 'apply' | 'diagnose';
  check: boolean;
  diff: boolean;
  backupDir: string;
  /** Where per-host session transcripts go (redacted), when set. */
  logDir?: string;
  /** Directory of the playbook: `trust.token_file` is relative to it. */
  playbookDir: string;
  redactor: Redactor;
  /** Converge waits (the demo shortens them; tests too). */
  timing?: { trustTimeoutMs?: number; syncTimeoutMs?: number; pollMs?: number };
  /**
   * Set by the runner for each host: waits `ms` with the host's fork given back (waits on the
   * device — trust, sync, `within:` polls — must not keep another host from working).
   */
  idle?: (ms: number) => Promise<void>;
  /** `slp diagnose` extras: --capture, --debugs; tests pass a clock and a short capture wait. */
  diagnose?: { capture?: boolean; debugSeconds?: number; clock?: Clock; captureWaitMs?: number };
  /** Aborted when the hosts in flight are abandoned (second Ctrl-C / signal): every wait ends. */
  signal?: AbortSignal;
  /** Aborted on the first Ctrl-C / signal: the debug and capture windows end early. */
  stopSignal?: AbortSignal;
}

/** What a failed host looked like when diagnosis was asked for. */
export interface FailureContext {
  error?: Error;
  failedChecks: HostCheck[];
}

/**
 * Each step reports itself through the recorder it is handed (step-start, then its StepResult);
 * the runner only decides which steps run and records what they return.
 */
export interface HostSteps {
  connect(job: HostJob, ctx: StepContext): Promise<Device>;
  /** facts, plan and (unless check) apply, trust, sync. Never throws: `error` is set. */
  converge(device: Device, job: HostJob, ctx: StepContext, steps: StepRecorder): Promise<HostConvergeResult>;
  /** The verify step; `wouldChange`: --check on a host the plan would change. */
  verify(device: Device, job: HostJob, ctx: StepContext, steps: StepRecorder, opts: { wouldChange: boolean }): Promise<HostCheck[]>;
  /** The confirm step (change made under a revert timer); returns the commands sent. */
  confirm(device: Device, plan: Plan, steps: StepRecorder, options?: ConfirmOptions): Promise<string[]>;
  /** The diagnose step (and, in `slp diagnose`, capture and debugs). */
  diagnose(device: Device, job: HostJob, ctx: StepContext, failure: FailureContext, steps: StepRecorder): Promise<DiagnoseOutcome>;
}
