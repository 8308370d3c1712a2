/**
 * Turns one converge result into the pipeline's steps (facts, plan, apply, trust, sync): which
 * ended how, and which step an error belongs to. Pure; the converge engine runs those phases in
 * one call, so their outcome is read off its result.
 */
import {
  AuthError, CommandRejectedError, DeviceTimeoutError, DisconnectedError, DriftError, HostKeyError,
  PlanMismatchError, RollbackError, UnreachableError, UnsupportedDeviceError,
} from '../errors';
import type { HostConvergeResult } from '../converge/converge-host';
import type { HostStepName, StepResult, StepStatus } from '../results/host-result';

/**
 * Errors Ansible would call UNREACHABLE: the session could not be opened or was lost. A lost push
 * that was rolled back on a new session (PushInterruptedError) is not: the switch answered and
 * was left consistent. A rollback that could not be done because the switch could not be reached
 * again (RollbackError caused by a lost or refused session) is.
 */
function isUnreachable(error: unknown): boolean {
  if (error instanceof RollbackError) {
    return isUnreachable(error.cause) || error.cause instanceof DeviceTimeoutError;
  }
  return (
    error instanceof UnreachableError ||
    error instanceof AuthError ||
    error instanceof HostKeyError ||
    error instanceof DisconnectedError
  );
}

/** The status of a step that ended with this error. */
export function errorStatus(error: unknown, step: HostStepName): StepStatus {
  if (isUnreachable(error)) return 'unreachable';
  if (step === 'connect' && error instanceof DeviceTimeoutError) return 'unreachable';
  return 'failed';
}

/** The step a converge error happened in. */
function convergeErrorStep(r: HostConvergeResult): HostStepName {
  const e = r.error;
  if (!r.facts || e instanceof UnsupportedDeviceError) return 'facts';
  if (!r.plan || e instanceof DriftError || e instanceof PlanMismatchError) return 'plan';
  if (e instanceof CommandRejectedError || e instanceof RollbackError || r.rollback) return 'apply';
  if (e?.name === 'TrustInstallError' || (r.trust && r.trust.status !== 'installed' && r.trust.status !== 'skipped')) return 'trust';
  if (r.sync && !e) return 'sync';
  return 'apply';
}

const lines = (n: number, verb: string): string => `${verb} ${n} line${n === 1 ? '' : 's'}`;

/**
 * facts → plan → apply → trust → sync, each ok / changed / failed / skipped. In check mode a
 * step that would change something is `changed` (as Ansible reports it) with "would …" detail.
 */
export function convergeSteps(r: HostConvergeResult, check: boolean): StepResult[] {
  const failedAt = r.error ? convergeErrorStep(r) : undefined;
  const status = (step: HostStepName, s: StepStatus, detail?: string): StepResult =>
    failedAt === step
      ? { step, status: errorStatus(r.error, step), detail: r.error!.message }
      : { step, status: s, ...(detail ? { detail } : {}) };
  const order: HostStepName[] = ['facts', 'plan', 'apply', 'trust', 'sync'];
  const reached = (step: HostStepName): boolean => !failedAt || order.indexOf(step) <= order.indexOf(failedAt);
  const out: StepResult[] = [];
  const v = r.facts;
  out.push(status('facts', 'ok', v ? `${v.platform ?? '?'} IOS XE ${v.version?.raw ?? '?'}` : undefined));
  if (!reached('plan')) return out;
  const plan = r.plan;
  const n = plan?.commands.length ?? 0;
  const planDetail = !plan ? undefined : !plan.changed ? 'nothing to change' : n ? `${n} line${n === 1 ? '' : 's'} to change` : 'no config change';
  out.push(status('plan', 'ok', planDetail));
  if (!reached('apply')) return out;
  const configLines = r.applied.filter((c) => !/^(license smart trust idtoken|license smart sync|write memory)/.test(c));
  if (check) out.push(status('apply', n ? 'changed' : 'ok', n ? lines(n, 'would push') : 'nothing to push'));
  else if (r.rollback) out.push(status('apply', 'failed', `rolled back ${r.rollback.length} lines`));
  else out.push(status('apply', configLines.length ? 'changed' : 'ok', configLines.length ? lines(configLines.length, 'pushed') : 'nothing to push'));
  if (!reached('trust')) return out;
  const trustPlanned = plan?.trust?.action === 'install';
  if (check) out.push(status('trust', trustPlanned ? 'changed' : plan?.trust ? 'ok' : 'skipped', trustPlanned ? 'would install' : plan?.trust ? 'installed' : 'not declared'));
  else if (r.trust?.status === 'installed') out.push(status('trust', 'changed', 'installed'));
  else out.push(status('trust', plan?.trust ? 'ok' : 'skipped', plan?.trust ? 'already installed' : 'not declared'));
  if (!reached('sync')) return out;
  const syncPlanned = plan?.sync.action === 'run';
  if (check) out.push(status('sync', syncPlanned ? 'ok' : 'skipped', syncPlanned ? 'would sync' : 'not needed'));
  else if (r.sync) out.push(status('sync', 'ok', r.sync.status === 'reported' ? `reported (${r.sync.moved ?? 'moved'})` : `no report yet (${r.sync.reason ?? 'timeout'})`));
  else out.push(status('sync', 'skipped', 'not needed'));
  return out;
}
