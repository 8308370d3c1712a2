import type { Device } from '../device/device';
import { DeviceTimeoutError, SlpError } from '../errors';
import type { Clock } from '../clock';
import type { ObservedConfig } from './running-state';
import type { Plan } from './plan';
import { isSessionLost, PushInterruptedError, recoverLostPush, type Reconnect } from './recover-push';
import { rollbackOwned } from './rollback';
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

/**
 * Pushes a plan: one config session (archive first when a revert timer needs it), then trust,
 * sync and save. On any error in the config session the owned settings are rolled back to the
 * backup and verified; the outcome then carries the device's error (or RollbackError). When the
 * session itself was lost (dropped, or a line never answered) the rollback runs on a fresh session
 * from `ctx.reconnect` and the error is PushInterruptedError.
 */
export async function applyPlan(device: Device, plan: Plan, ctx: ApplyContext): Promise<ApplyOutcome> {
  const out: ApplyOutcome = { applied: [], saved: false, revertPending: false };
  const timer = ctx.revertTimerMinutes;
  if (plan.commands.length) {
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
        } catch (recoveryError) {
          out.error = recoveryError as Error;
        }
        return out;
      }
      out.error = error as Error;
      try {
        out.rollback = await rollbackOwned(device, ctx.host, ctx.before);
        // The timer would restore the same config later; stop it so nothing changes under us.
        if (timer) await device.run('configure confirm').catch(() => undefined);
      } catch (rollbackError) {
        out.error = rollbackError as Error;
      }
      return out;
    }
  }
  try {
    if (plan.trust?.action === 'install') {
      if (!ctx.token) throw new TrustInstallError(ctx.host, 'slp.trust has no token (token or token_file)');
      out.applied.push(`license smart trust idtoken *** ${plan.trust.scope}${plan.trust.force ? ' force' : ''}`);
      out.trust = await installTrust(device, plan.trust, ctx.token, {
        clock: ctx.clock,
        timeoutMs: ctx.trustTimeoutMs,
        pollMs: ctx.pollMs,
      });
      if (out.trust.status !== 'installed') {
        throw new TrustInstallError(ctx.host, out.trust.reason ?? out.trust.status);
      }
    }
    if (plan.sync.action === 'run') {
      out.applied.push(plan.sync.command);
      out.sync = await syncAll(device, { clock: ctx.clock, timeoutMs: ctx.syncTimeoutMs, pollMs: ctx.pollMs });
    }
    // With a revert timer the save waits for the confirmation (confirmChanges), otherwise the
    // startup-config would keep what the timer is about to undo.
    if (plan.save.action === 'run' && !out.revertPending) {
      await saveConfig(device);
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

/**
 * Confirm-or-revert, second half: the runner calls this once verification passed. It stops the
 * revert timer (`configure confirm`) and saves if the plan asked to.
 */
export async function confirmChanges(device: Device, plan: Plan): Promise<string[]> {
  const sent = ['configure confirm'];
  await device.run('configure confirm');
  if (plan.save.action === 'run') {
    await saveConfig(device);
    sent.push(plan.save.command);
  }
  return sent;
}
