/**
 * The real per-host steps: the SSH driver (connectDevice, with connectOptionsFor), the converge
 * engine (convergeHost / applyHostPlan), the verify engine (runVerify), confirm-or-revert
 * (confirmChanges) and the diagnosis (diagnoseStep). Each reports its own steps.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { abortableClock } from '../clock';
import { connectDevice } from '../device';
import type { Device } from '../device/device';
import { readOnce } from '../device/read-once';
import type { Play, VerifyItem } from '../schema/types.generated';
import { confirmChanges } from '../converge/apply';
import { convergeHost, type ConvergeOptions } from '../converge/converge-host';
import { applyHostPlan } from '../converge/plan-file';
import { diagnoseStep } from '../diagnose/diagnose-step';
import { runVerify } from '../verify/verify';
import { verifyStep } from '../verify/verify-step';
import { connectOptionsFor } from './connect-options';
import { idleClock } from './idle-clock';
import type { HostJob, HostSteps, StepContext } from './host-steps';

/** The trust token a play declares: inline (already rendered) or `token_file`, relative to the playbook. */
export function playToken(desired: Play | undefined, playbookDir: string): string | undefined {
  const trust = desired?.slp.trust;
  if (!trust) return undefined;
  if (trust.token) return trust.token;
  if (trust.token_file) return readFileSync(path.resolve(playbookDir, trust.token_file), 'utf8').trim();
  return undefined;
}

/** The token comes from where the play names it, for `slp apply` too (never from the plan file). */
function jobToken(job: HostJob, ctx: StepContext): string | undefined {
  return playToken(job.desired, ctx.playbookDir);
}

function withoutWithin(item: VerifyItem): VerifyItem {
  const { within: _within, ...rest } = item;
  return rest;
}

/** One session to the job's host: connect options from the inventory, transcript appended. */
function connectHost(job: HostJob, ctx: StepContext, token: string | undefined): Promise<Device> {
  return connectDevice(connectOptionsFor(job.host, {
    ...(ctx.logDir ? { transcriptFile: path.join(ctx.logDir, `${job.host.name}.log`) } : {}),
    ...(token ? { secrets: [token] } : {}),
  }));
}

export interface DefaultStepOptions {
  /** Pause between looks of a `within:` assertion. */
  verifyPollMs?: number;
  env?: NodeJS.ProcessEnv;
}

export function defaultSteps(options: DefaultStepOptions = {}): HostSteps {
  return {
    async connect(job, ctx): Promise<Device> {
      const token = jobToken(job, ctx);
      if (token) ctx.redactor.add(token);
      // Plan, verify and diagnosis share one read of the running-config until something changes it.
      return readOnce(await connectHost(job, ctx, token));
    },

    async converge(device, job, ctx, steps) {
      const token = jobToken(job, ctx);
      const common: ConvergeOptions = {
        host: job.host.name,
        check: ctx.check || ctx.mode === 'plan',
        diff: ctx.diff,
        backupDir: ctx.backupDir,
        redactor: ctx.redactor,
        steps,
        ...(token ? { token } : {}),
        ...ctx.timing,
        clock: abortableClock(idleClock(ctx.idle), ctx.signal),
        // A session lost mid-push is rolled back on a new one, opened exactly as the first.
        reconnect: () => connectHost(job, ctx, token),
      };
      if (!job.desired) throw new Error(`${job.host.name}: no desired state`);
      const play = { save: job.play.save, ...(job.play.revert_timer ? { revert_timer: job.play.revert_timer } : {}) };
      if (job.hostPlan) return applyHostPlan(device, job.hostPlan, job.desired.slp, { ...common, play });
      return convergeHost(device, job.desired.slp, { ...common, play });
    },

    async verify(device, job, ctx, steps, { wouldChange }) {
      if (!job.desired) return [];
      // In --check nothing was changed, so waiting for the device to catch up cannot help: each
      // assertion is looked at once.
      const items = (job.desired.verify ?? []).map((item) => (ctx.check ? withoutWithin(item) : item));
      const slp = job.desired.slp;
      return verifyStep(steps, () => runVerify(device, { slp, verify: items }, {
        clock: abortableClock(idleClock(ctx.idle), ctx.signal),
        ...(options.verifyPollMs ? { pollMs: options.verifyPollMs } : {}),
      }), wouldChange);
    },

    confirm: (device, plan, steps, confirmOptions) => confirmChanges(device, plan, steps, confirmOptions),

    diagnose: (device, job, ctx, _failure, steps) => {
      // A play's `account_is:` names the account the switch must report to: the diagnosis of a
      // failed host can then name wrong_account.
      const account = job.desired?.verify?.find((v) => v.account_is)?.account_is;
      // Explaining a failed change: only failures since the change started count.
      const changedMsAgo = ctx.mode === 'diagnose' ? null : steps.msSince('apply');
      return diagnoseStep(device, steps, {
        use: ctx.mode === 'diagnose' ? 'verdict' : 'explain',
        host: job.host.name,
        ...ctx.diagnose,
        ...(account ? { expectedAccount: account } : {}),
        ...(changedMsAgo !== null ? { changedMsAgo } : {}),
        // The debug and capture windows only observe: the first Ctrl-C or signal ends them, and
        // the debugs are turned off (and the capture point removed) before the session closes.
        clock: abortableClock(ctx.diagnose?.clock ?? idleClock(ctx.idle), ctx.stopSignal),
      });
    },
  };
}
