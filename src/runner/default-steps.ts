/**
 * The real per-host steps: the SSH driver (connectDevice), the converge engine (convergeHost /
 * applyHostPlan), the verify engine (runVerify), confirm-or-revert (confirmChanges) and the
 * diagnosis (diagnoseHost).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDevice } from '../device';
import type { Device } from '../device/device';
import type { Play } from '../schema/types.generated';
import { confirmChanges } from '../slp/apply';
import { convergeHost, type ConvergeOptions } from '../slp/converge-host';
import { applyHostPlan, resolveTokenRef } from '../slp/plan-file';
import { runVerify } from '../slp/verify';
import { diagnoseFailure } from './diagnose-step';
import type { HostJob, HostSteps, StepContext } from './host-steps';

/** The trust token a play declares: inline (already rendered) or `token_file`, relative to the playbook. */
export function playToken(desired: Play | undefined, playbookDir: string): string | undefined {
  const trust = desired?.slp.trust;
  if (!trust) return undefined;
  if (trust.token) return trust.token;
  if (trust.token_file) return readFileSync(path.resolve(playbookDir, trust.token_file), 'utf8').trim();
  return undefined;
}

function jobToken(job: HostJob, ctx: StepContext): string | undefined {
  const ref = job.hostPlan?.tokenRef;
  if (ref && job.hostPlan?.plan.trust?.action === 'install') return resolveTokenRef(ref);
  return playToken(job.desired, ctx.playbookDir);
}

export interface DefaultStepOptions {
  /** Pause between looks of a `within:` assertion. */
  verifyPollMs?: number;
  env?: NodeJS.ProcessEnv;
}

export function defaultSteps(options: DefaultStepOptions = {}): HostSteps {
  return {
    async connect(job, ctx): Promise<Device> {
      const c = job.host.connection;
      const token = jobToken(job, ctx);
      if (token) ctx.redactor.add(token);
      return connectDevice({
        name: job.host.name,
        host: c.address,
        port: c.port,
        username: c.username ?? os.userInfo().username,
        ...(c.password !== undefined ? { password: c.password } : {}),
        ...(c.enableSecret !== undefined ? { enableSecret: c.enableSecret } : {}),
        ...(c.privateKeyFile !== undefined ? { privateKeyFile: c.privateKeyFile } : {}),
        ...(c.privateKeyPassphrase !== undefined ? { passphrase: c.privateKeyPassphrase } : {}),
        hostKeyChecking: c.hostKeyChecking,
        connectTimeoutMs: c.connectTimeoutMs,
        commandTimeoutMs: c.commandTimeoutMs,
        ...(ctx.logDir ? { transcriptFile: path.join(ctx.logDir, `${job.host.name}.log`) } : {}),
        ...(token ? { secrets: [token] } : {}),
      });
    },

    async converge(device, job, ctx) {
      const token = jobToken(job, ctx);
      const common: ConvergeOptions = {
        host: job.host.name,
        check: ctx.check || ctx.mode === 'plan',
        diff: ctx.diff,
        backupDir: ctx.backupDir,
        redactor: ctx.redactor,
        ...(token ? { token } : {}),
        ...ctx.timing,
      };
      if (job.hostPlan) return applyHostPlan(device, job.hostPlan, common);
      if (!job.desired) throw new Error(`${job.host.name}: no desired state and no plan`);
      const play = { save: job.play.save, ...(job.play.revert_timer ? { revert_timer: job.play.revert_timer } : {}) };
      return convergeHost(device, job.desired.slp, { ...common, play });
    },

    async verify(device, job) {
      if (!job.desired) return [];
      return runVerify(device, { slp: job.desired.slp, ...(job.desired.verify ? { verify: job.desired.verify } : {}) }, {
        ...(options.verifyPollMs ? { pollMs: options.verifyPollMs } : {}),
      });
    },

    confirm: (device, plan) => confirmChanges(device, plan),

    diagnose: (device, job, ctx, failure) => diagnoseFailure(device, job, ctx, failure),
  };
}
