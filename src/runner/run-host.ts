/**
 * One host through the pipeline: connect → facts/gate → plan → apply → trust → sync (one converge
 * call) → verify → confirm (revert timer) → diagnose on failure. Never throws: every outcome,
 * including an internal error in a step, ends in a HostResult. The device is always closed.
 */
import type { Device } from '../device/device';
import { CommandRejectedError, ConfigError, DriftError, PlanMismatchError, RollbackError, UnsupportedDeviceError } from '../errors';
import type { HostConvergeResult } from '../converge/converge-host';
import { PushInterruptedError } from '../converge/recover-push';
import { convergeSteps, errorStatus } from './classify-step';
import { checkFailed, hostStatus, type HostCheck, type HostResult, type HostStepName, type StepResult } from '../results/host-result';
import type { HostJob, HostSteps, StepContext } from './host-steps';
import type { RunEventBody } from '../results/run-events';

export interface RunHostHooks {
  emit: (event: RunEventBody) => void;
  now: () => number;
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

export async function runHost(job: HostJob, batch: number, steps: HostSteps, ctx: StepContext, hooks: RunHostHooks): Promise<HostResult> {
  const host = job.host.name;
  const play = job.play.name;
  const started = hooks.now();
  const result: HostResult = {
    host, play, batch, status: 'ok', changed: false, check: ctx.check, commands: [], before: [], after: [],
    checks: [], steps: [], timings: {},
  };
  const stepEnd = (s: StepResult): void => {
    result.steps.push(s);
    hooks.emit({ type: 'step-end', play, host, step: s.step, status: s.status, ...(s.detail ? { detail: s.detail } : {}) });
  };
  const timed = async <T>(name: HostStepName | 'converge', fn: () => Promise<T>): Promise<T> => {
    hooks.emit({ type: 'step-start', play, host, step: name });
    const t0 = hooks.now();
    try {
      return await fn();
    } finally {
      result.timings[name] = hooks.now() - t0;
    }
  };
  const fail = (step: HostStepName, error: unknown): void => {
    const e = error instanceof Error ? error : new Error(String(error));
    result.error = { name: e.name, code: (e as { code?: string }).code ?? 'ERR_INTERNAL', message: e.message, step };
    stepEnd({ step, status: errorStatus(e, step), ms: result.timings[step] ?? 0, detail: e.message });
  };

  hooks.emit({ type: 'host-start', play, host, batch });
  let device: Device | undefined;
  try {
    try {
      const connected = await timed('connect', () => steps.connect(job, ctx));
      device = hooks.track ? hooks.track(connected) : connected;
      stepEnd({ step: 'connect', status: 'ok', ms: result.timings.connect ?? 0 });
    } catch (error) {
      fail('connect', error);
      return finish();
    }

    let converged: HostConvergeResult | undefined;
    try {
      converged = await timed('converge', () => steps.converge(device!, job, ctx));
    } catch (error) {
      fail('plan', error);
    }
    if (converged) {
      absorb(result, converged);
      for (const s of convergeSteps(converged, ctx.check)) stepEnd(s);
      if (converged.error) {
        const at = result.steps.find((s) => s.status === 'failed' || s.status === 'unreachable');
        const e = converged.error;
        result.error = { name: e.name, code: (e as { code?: string }).code ?? 'ERR_INTERNAL', message: e.message, step: at?.step ?? 'apply' };
      }
    }

    const verifyItems = job.desired?.verify ?? [];
    if (ctx.mode === 'plan') {
      // `slp plan` only reads and plans.
    } else if (result.error || !converged) {
      stepEnd({ step: 'verify', status: 'skipped', detail: 'not run: an earlier step failed' });
    } else if (verifyItems.length === 0) {
      stepEnd({ step: 'verify', status: 'skipped', detail: 'no verify: list in the play' });
    } else {
      try {
        const checks = await timed('verify', () => steps.verify(device!, job, ctx));
        // --check looks at the switch as it is. If the plan would change it, the checks describe
        // the state before the change and are expected to fail (Ansible's "changed = would
        // change"): reported, but they do not fail the host. An already converged host that does
        // not pass is what a compliance run must catch, so there they count.
        const wouldChange = ctx.check && converged.plan?.changed === true;
        result.checks = wouldChange ? checks.map(markNotApplicable) : checks;
        const failed = result.checks.filter((c) => !c.passed);
        const counted = failed.filter(checkFailed);
        stepEnd({
          step: 'verify', status: counted.length ? 'failed' : failed.length ? 'skipped' : 'ok', ms: result.timings.verify ?? 0,
          detail: counted.length
            ? `${failed.length}/${result.checks.length} failed: ${failed.map((c) => c.name).join(', ')}`
            : failed.length
              ? `${failed.length}/${result.checks.length} not applicable (would change; expected to fail before the change): ${failed.map((c) => c.name).join(', ')}`
              : `${result.checks.length} passed`,
        });
      } catch (error) {
        fail('verify', error);
      }
    }

    if (converged?.revertPending && converged.plan) {
      const passed = !result.error && !result.checks.some(checkFailed);
      if (passed) {
        try {
          const sent = await timed('confirm', () => steps.confirm(device!, converged!.plan!));
          result.commands.push(...sent);
          stepEnd({ step: 'confirm', status: 'changed', ms: result.timings.confirm ?? 0, detail: 'configure confirm' });
        } catch (error) {
          fail('confirm', error);
        }
      } else {
        stepEnd({ step: 'confirm', status: 'skipped', detail: `not confirmed: the switch reverts by itself (revert timer ${job.play.revert_timer ?? '?'} min)` });
      }
    }

    const failedNow = hostStatus(result.steps, result.checks);
    const selfExplained = converged?.error && SELF_EXPLAINED.some((k) => converged!.error instanceof k);
    if (failedNow === 'failed' && !selfExplained && ctx.mode !== 'plan') {
      try {
        result.diagnosis = await timed('diagnose', () =>
          steps.diagnose(device!, job, ctx, {
            ...(converged?.error ? { error: converged.error } : {}),
            failedChecks: result.checks.filter(checkFailed),
          }),
        );
        stepEnd({ step: 'diagnose', status: 'ok', ms: result.timings.diagnose ?? 0, detail: result.diagnosis.cause });
      } catch (error) {
        stepEnd({ step: 'diagnose', status: 'skipped', ms: result.timings.diagnose ?? 0, detail: `diagnosis failed: ${(error as Error)?.message ?? error}` });
      }
    }
    return finish();
  } finally {
    if (device) {
      hooks.untrack?.(device);
      await device.close().catch(() => undefined);
    }
  }

  function finish(): HostResult {
    result.status = hostStatus(result.steps, result.checks);
    result.changed = result.steps.some((s) => s.status === 'changed');
    result.timings.total = hooks.now() - started;
    hooks.emit({ type: 'host-end', play, host, status: result.status });
    return result;
  }
}

const NOT_APPLICABLE = 'check mode: the host would change; expected to fail before the change';

function markNotApplicable(c: HostCheck): HostCheck {
  return c.passed ? c : { ...c, notApplicable: NOT_APPLICABLE };
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
