import type { Device } from '../device/device';
import { DeviceTimeoutError, SlpError } from '../errors';
import type { Clock } from '../clock';
import { lineCount, type StepEnd } from '../steps/step-result';
import { StepRecorder } from '../steps/step-recorder';
import type { ObservedConfig } from './running-state';
import type { Plan } from './plan';
import { isSessionLost, PushInterruptedError, recoverLostPush, type Reconnect } from './recover-push';
import { confirmAfterRollback, rollbackOwned } from './rollback';
import { saveConfig } from './save-config';
import { syncAll, type SyncOutcome } from './sync';
import { installTrust, type TrustOutcome } from './trust';

/** `configure terminal revert timer` needs an archive; this is the one the tool sets up. */
export const ARCHIVE_LINES: readonly string[] = ['archive', ' path flash:slp-archive', ' maximum 5'];

export interface ApplyContext {
  host: string;
  /** The owned settings as the backup holds them: the rollback target. */
  before: ObservedConfig;
  /** The trust token, resolved; required when the plan installs trust. */
  token?: string;
  revertTimerMinutes?: number;
  /** A fresh session to the same host, to roll back a push whose session was lost. */
  reconnect?: Reconnect;
  /** Runs first in the apply step (the backup), so its failure is the apply step's. */
  beforePush?: () => Promise<void>;
  clock: Clock;
  trustTimeoutMs: number;
  syncTimeoutMs: number;
  pollMs: number;
}

/** What applying did. `applied` never contains a token (the trust line is shown redacted). */
export interface ApplyOutcome {
  applied: string[];
  trust?: TrustOutcome;
  sync?: SyncOutcome;
  saved: boolean;
  /** A revert timer is running: call confirmChanges after verification, or the switch reverts. */
  revertPending: boolean;
  /** Lines pushed to undo a failed push (absent when nothing failed). */
  rollback?: string[];
  /** Owned lines on the switch after a lost session was recovered (the old session is closed). */
  after?: string[];
  error?: Error;
}

/** A trust install that did not succeed fails the host with the device's reason. */
export class TrustInstallError extends SlpError {
  override readonly code = 'ERR_TRUST';
  constructor(readonly host: string, readonly reason: string) {
    super(`${host}: trust install failed: ${reason}`);
    this.name = 'TrustInstallError';
  }
}

/** What the config session did: the lines that went out, and the rollback when it failed. */
interface PushOutcome {
  applied: string[];
  revertPending: boolean;
  rollback?: string[];
  after?: string[];
  error?: Error;
  /** The timer could not be stopped after the rollback: recorded as a failed confirm step. */
  confirmError?: Error;
}

/**
 * The config session: archive first when a revert timer needs it, then the plan's lines. On any
 * error the owned settings are rolled back to the backup and verified; the outcome then carries
 * the device's error (or RollbackError). When the session itself was lost (dropped, or a line never
 * answered) the rollback runs on a fresh session from `ctx.reconnect` and the error is
 * PushInterruptedError. A failed `configure confirm` after the rollback is recorded as a failed
 * confirm step.
 */
async function pushPlan(device: Device, plan: Plan, ctx: ApplyContext): Promise<PushOutcome> {
  const out: PushOutcome = { applied: [], revertPending: false };
  const timer = ctx.revertTimerMinutes;
  if (!plan.commands.length) return out;
  // What actually went out, line by line: after a failure this is what the switch may hold.
  const sent: string[] = [];
  const onSent = (line: string): void => void sent.push(line);
  try {
    if (timer && !ctx.before.archivePath) {
      await device.configure(ARCHIVE_LINES, { onSent });
      out.applied.push(...ARCHIVE_LINES);
    }
    await device.configure(plan.commands, { onSent, ...(timer ? { revertTimerMinutes: timer } : {}) });
    out.applied.push(...plan.commands);
    out.revertPending = Boolean(timer);
    return out;
  } catch (error) {
    out.applied = sent;
    if (isSessionLost(error)) {
      try {
        const recovered = await recoverLostPush(device, ctx.reconnect, {
          host: ctx.host, before: ctx.before, sent, ...(timer ? { revertTimerMinutes: timer } : {}),
        }, error);
        out.rollback = recovered.rollback;
        out.after = recovered.after;
        out.error = new PushInterruptedError(ctx.host, error, recovered.rollback);
        if (recovered.confirmError) out.confirmError = recovered.confirmError;
      } catch (recoveryError) {
        out.error = recoveryError as Error;
      }
    } else {
      out.error = error as Error;
      try {
        out.rollback = await rollbackOwned(device, ctx.host, ctx.before);
        const confirmError = timer ? await confirmAfterRollback(device, ctx.host, timer) : undefined;
        if (confirmError) out.confirmError = confirmError;
      } catch (rollbackError) {
        out.error = rollbackError as Error;
      }
    }
    return out;
  }
}

function pushEnd(p: PushOutcome): StepEnd {
  if (p.error) return { status: 'failed', error: p.error, commands: p.applied };
  const n = p.applied.length;
  return { status: n ? 'changed' : 'ok', detail: n ? lineCount('pushed', n) : 'nothing to push', commands: p.applied };
}

/**
 * Pushes a plan, each part its own step: apply (backup and config session), trust, sync; the save
 * (part of apply) comes last so a failed trust or sync leaves the startup-config as it was.
 */
export async function applyPlan(device: Device, plan: Plan, ctx: ApplyContext, steps: StepRecorder = new StepRecorder()): Promise<ApplyOutcome> {
  const pushed = await steps.run('apply', async () => {
    await ctx.beforePush?.();
    return pushPlan(device, plan, ctx);
  }, pushEnd);
  // Recorded after the apply step it followed, so the steps stay in the order they ran.
  const { applied, confirmError, ...rest } = pushed;
  if (confirmError) steps.record('confirm', { status: 'failed', error: confirmError });
  const out: ApplyOutcome = { applied: [...applied], saved: false, ...rest };
  if (out.error) return out;
  try {
    await trustStep(device, plan, ctx, steps, out);
    await syncStep(device, plan, ctx, steps, out);
    // With a revert timer the save waits for the confirmation (confirmChanges), otherwise the
    // startup-config would keep what the timer is about to undo.
    if (plan.save.action === 'run' && !out.revertPending) {
      await steps.extend('apply', () => saveConfig(device), () => [plan.save.command]);
      out.applied.push(plan.save.command);
      out.saved = true;
    }
  } catch (error) {
    out.error = error as Error;
    // The config push is complete here, so the switch is consistent (the declared settings, or
    // the revert timer undoes them): no rollback. A session that stopped answering is closed now
    // so it does not linger, nor answer anything else late.
    if (error instanceof DeviceTimeoutError) await device.close().catch(() => undefined);
  }
  return out;
}

/** The trust step: install when planned (TrustInstallError unless it ends installed). */
async function trustStep(device: Device, plan: Plan, ctx: ApplyContext, steps: StepRecorder, out: ApplyOutcome): Promise<void> {
  const action = plan.trust;
  if (action?.action !== 'install') {
    steps.record('trust', action ? { status: 'ok', detail: 'already installed' } : { status: 'skipped', detail: 'not declared' });
    return;
  }
  const line = `license smart trust idtoken *** ${action.scope}${action.force ? ' force' : ''}`;
  let refused: TrustInstallError | undefined;
  out.trust = await steps.run('trust', async () => {
    if (!ctx.token) throw new TrustInstallError(ctx.host, 'slp.trust has no token (token or token_file)');
    out.applied.push(line);
    return installTrust(device, action, ctx.token, { clock: ctx.clock, timeoutMs: ctx.trustTimeoutMs, pollMs: ctx.pollMs });
  }, (t) => {
    if (t.status === 'installed') return { status: 'changed', detail: 'installed', commands: [line] };
    refused = new TrustInstallError(ctx.host, `${t.reason ?? t.status}${t.decidedBy ? ` (${t.decidedBy})` : ''}`);
    return { status: 'failed', error: refused, commands: [line] };
  });
  if (refused) throw refused;
}

/** The sync step: `license smart sync all` when planned; a sync that does not move is no failure. */
async function syncStep(device: Device, plan: Plan, ctx: ApplyContext, steps: StepRecorder, out: ApplyOutcome): Promise<void> {
  if (plan.sync.action !== 'run') {
    steps.record('sync', { status: 'skipped', detail: 'not needed' });
    return;
  }
  const command = plan.sync.command;
  out.applied.push(command);
  out.sync = await steps.run('sync', () => syncAll(device, { clock: ctx.clock, timeoutMs: ctx.syncTimeoutMs, pollMs: ctx.pollMs }), (s) => ({
    status: 'ok',
    detail: s.status === 'reported' ? `reported (${s.moved ?? 'moved'})` : `no report yet (${s.reason ?? 'timeout'})`,
    commands: [command],
  }));
}

/**
 * Confirm-or-revert, second half: the runner calls this once verification passed. It stops the
 * revert timer (`configure confirm`) and saves if the plan asked to: the confirm step.
 */
export async function confirmChanges(device: Device, plan: Plan, steps: StepRecorder = new StepRecorder()): Promise<string[]> {
  return steps.run('confirm', async () => {
    const sent = ['configure confirm'];
    (await device.run('configure confirm')).throwIfFailed();
    if (plan.save.action === 'run') {
      await saveConfig(device);
      sent.push(plan.save.command);
    }
    return sent;
  }, (sent) => ({ status: 'changed', detail: 'configure confirm', commands: sent }));
}
