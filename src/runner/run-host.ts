/**
 * One host through the pipeline: connect → converge (facts, plan, apply, trust, sync) → verify →
 * confirm (revert timer) → diagnose on failure; in `slp diagnose`, connect → diagnose (→ capture,
 * debugs). Each step reports itself through a StepRecorder wired to the run's events; this module
 * only decides which steps run and records what they return. Never throws: every outcome,
 * including an internal error in a step, ends in a HostResult. The device is always closed.
 */
import type { Device } from '../device/device';
import { CommandRejectedError, ConfigError, DriftError, PlanMismatchError, RollbackError, UnsupportedDeviceError } from '../errors';
import type { HostConvergeResult } from '../converge/converge-host';
import { PushInterruptedError } from '../converge/recover-push';
import { RevertedBeforeConfirmError } from '../converge/apply';
import type { DiagnoseOutcome } from '../diagnose/diagnose-step';
import { checkFailed, hostStatus, type HostResult, type HostStepName } from '../results/host-result';
import { StepRecorder } from '../steps/step-recorder';
import { asError } from '../steps/step-result';
import type { HostJob, HostSteps, StepContext } from './host-steps';
import type { RunEventBody } from '../results/run-events';

export interface RunHostHooks {
  emit: (event: RunEventBody) => void;
  now: () => number;
  /** When the run started (on `now`'s clock): steps' `startedAt` count from it. Default: the host's start. */
  origin?: number;
  /**
   * Called once connected, so a second Ctrl-C can close the session (see interrupt.ts); the
   * device it returns is the one every later step uses.
   */
  track?: (device: Device) => Device;
  /** Called before the session is closed at the end of the host. */
  untrack?: (device: Device) => void;
}

/** Failures the device's own message already explains: diagnosis would add nothing. */
const SELF_EXPLAINED = [UnsupportedDeviceError, DriftError, PlanMismatchError, ConfigError, CommandRejectedError, RollbackError, PushInterruptedError];

/** One host's run in progress: what every stage reads and adds to. */
interface HostRun {
  job: HostJob;
  steps: HostSteps;
  ctx: StepContext;
  rec: StepRecorder;
  result: HostResult;
  device: Device;
}

export async function runHost(job: HostJob, batch: number, steps: HostSteps, ctx: StepContext, hooks: RunHostHooks): Promise<HostResult> {
  const host = job.host.name;
  const play = job.play.name;
  const started = hooks.now();
  const rec = new StepRecorder({
    start: (step) => hooks.emit({ type: 'step-start', play, host, step }),
    end: (s) => hooks.emit({ type: 'step-end', play, host, step: s.step, status: s.status, ...(s.detail ? { detail: s.detail } : {}) }),
  }, hooks.now, hooks.origin ?? started);
  const result: HostResult = {
    host, play, batch, status: 'ok', changed: false, check: ctx.check, commands: [], before: [], after: [],
    checks: [], steps: rec.steps, timings: {},
  };
  const finish = (): HostResult => {
    settle(result, rec, hooks.now() - started);
    hooks.emit({ type: 'host-end', play, host, status: result.status });
    return result;
  };

  hooks.emit({ type: 'host-start', play, host, batch });
  let device: Device | undefined;
  try {
    try {
      const connected = await rec.run('connect', () => steps.connect(job, ctx), () => ({ status: 'ok' }));
      device = hooks.track ? hooks.track(connected) : connected;
    } catch {
      return finish();
    }
    const run: HostRun = { job, steps, ctx, rec, result, device };
    if (ctx.mode === 'diagnose') await diagnoseStage(run, { failedChecks: [] });
    else await pipeline(run);
    return finish();
  } finally {
    if (device) {
      hooks.untrack?.(device);
      await device.close().catch(() => undefined);
    }
  }
}

/** `slp run`, `plan`, `apply`: converge, then verify, confirm and diagnose as the outcome asks. */
async function pipeline(run: HostRun): Promise<void> {
  const converged = await convergeStage(run);
  await verifyStage(run, converged);
  await confirmStage(run, converged);
  const { ctx, rec, result } = run;
  const failedNow = hostStatus(rec.steps, result.checks);
  const selfExplained = converged?.error && SELF_EXPLAINED.some((k) => converged.error instanceof k);
  // An abandoned host's session is being closed: a diagnosis would only read a dead session.
  if (failedNow === 'failed' && !selfExplained && ctx.mode !== 'plan' && !ctx.signal?.aborted) {
    await diagnoseStage(run, {
      ...(converged?.error ? { error: converged.error } : {}),
      failedChecks: result.checks.filter(checkFailed),
    });
  }
}

async function convergeStage(run: HostRun): Promise<HostConvergeResult | undefined> {
  try {
    const converged = await run.steps.converge(run.device, run.job, run.ctx, run.rec);
    absorb(run.result, converged);
    return converged;
  } catch (error) {
    // Converge never throws; if a step implementation did anyway, it is the host's failure.
    recordUnlessReported(run.rec, 'plan', error);
    return undefined;
  }
}

async function verifyStage(run: HostRun, converged: HostConvergeResult | undefined): Promise<void> {
  const { job, ctx, rec, result } = run;
  if (ctx.mode === 'plan') return; // `slp plan` only reads and plans.
  if (rec.failed() || !converged) {
    rec.record('verify', { status: 'skipped', detail: 'not run: an earlier step failed' });
  } else if ((job.desired?.verify ?? []).length === 0) {
    rec.record('verify', { status: 'skipped', detail: 'no verify: list in the play' });
  } else {
    try {
      const wouldChange = ctx.check && converged.plan?.changed === true;
      result.checks = await run.steps.verify(run.device, job, ctx, rec, { wouldChange });
    } catch (error) {
      recordUnlessReported(rec, 'verify', error);
    }
  }
}

/** A change made under a revert timer is confirmed only once everything passed. */
async function confirmStage(run: HostRun, converged: HostConvergeResult | undefined): Promise<void> {
  const { rec, result } = run;
  if (!converged?.revertPending || !converged.plan) return;
  if (rec.failed() || result.checks.some(checkFailed) || run.ctx.signal?.aborted) {
    rec.record('confirm', { status: 'skipped', detail: `not confirmed: the switch reverts by itself (revert timer ${run.job.play.revert_timer ?? '?'} min)` });
    return;
  }
  try {
    result.commands.push(...(await run.steps.confirm(run.device, converged.plan, rec, {
      host: run.job.host.name,
      ...(run.job.play.revert_timer ? { revertTimerMinutes: run.job.play.revert_timer } : {}),
      expected: converged.after,
      ...(converged.archiveAdded ? { archiveAdded: true } : {}),
    })));
  } catch (error) {
    // The switch rolled back: what it holds now is what it held before the push.
    if (error instanceof RevertedBeforeConfirmError) result.after = result.before;
    recordUnlessReported(rec, 'confirm', error);
  }
}

async function diagnoseStage(run: HostRun, failure: Parameters<HostSteps['diagnose']>[3]): Promise<void> {
  let found: DiagnoseOutcome;
  try {
    found = await run.steps.diagnose(run.device, run.job, run.ctx, failure, run.rec);
  } catch (error) {
    // After a failed run the diagnosis only explains; in `slp diagnose` it is the verdict.
    if (run.ctx.mode === 'diagnose') recordUnlessReported(run.rec, 'diagnose', error);
    else if (!run.rec.steps.some((s) => s.step === 'diagnose')) {
      run.rec.record('diagnose', { status: 'skipped', detail: `diagnosis failed: ${asError(error).message}` });
    }
    return;
  }
  if (found.diagnosis) run.result.diagnosis = found.diagnosis;
  if (found.capture) run.result.capture = found.capture;
  if (found.debugs) run.result.debugs = found.debugs;
}

/** A step that threw without reporting itself still ends the host's record, as failed there. */
function recordUnlessReported(rec: StepRecorder, step: HostStepName, error: unknown): void {
  if (!rec.steps.some((s) => s.error)) rec.record(step, { status: 'failed', error: asError(error) });
}

/** Status, change, error and timings, all read off the steps as they were recorded. */
function settle(result: HostResult, rec: StepRecorder, totalMs: number): void {
  result.status = hostStatus(rec.steps, result.checks);
  result.changed = rec.steps.some((s) => s.status === 'changed');
  const failed = rec.steps.find((s) => s.error);
  if (failed?.error) result.error = { ...failed.error, step: failed.step };
  const timings: Record<string, number> = {};
  for (const s of rec.steps) timings[s.step] = (timings[s.step] ?? 0) + s.ms;
  result.timings = { ...timings, total: totalMs };
}

function absorb(result: HostResult, r: HostConvergeResult): void {
  if (r.plan) result.plan = r.plan;
  result.commands.push(...r.applied);
  result.before = r.before;
  result.after = r.after;
  if (r.diff) result.diff = r.diff;
  if (r.backupPath) result.backupPath = r.backupPath;
  if (r.rollback) result.rollback = r.rollback;
  if (r.facts) result.facts = { platform: r.facts.platform, version: r.facts.version?.raw ?? null, hostname: r.facts.hostname };
}
