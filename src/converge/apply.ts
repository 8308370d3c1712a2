import type { Device } from '../device/device';
import { NO_ROLLBACK_PENDING } from '../device/ios-platform';
import { DeviceTimeoutError, SlpError } from '../errors';
import type { Clock } from '../clock';
import { lineCount, type StepEnd } from '../steps/step-result';
import { StepRecorder } from '../steps/step-recorder';
import type { ObservedConfig } from './running-state';
import type { Plan } from './plan';
import { isSessionLost, PushInterruptedError, recoverLostPush, type Reconnect } from './recover-push';
import { readConfig } from './read-device';
import { confirmAfterRollback, rollbackOwned } from './rollback';
import { ownedConfigLines } from './rollback-plan';
import { saveConfig } from './save-config';
import { syncAll, type SyncOutcome } from './sync';
import { installTrust, type TrustOutcome } from './trust';

/** `configure terminal revert timer` needs an archive; this is the one the tool sets up. */
export const ARCHIVE_LINES: readonly string[] = ['archive', ' path flash:slp-archive', ' maximum 5'];
/** Removes ARCHIVE_LINES again once the timer is stopped (only when the tool added them). */
export const ARCHIVE_REMOVAL: readonly string[] = ['no archive'];

/**
 * The archive lines a push adds: only with a revert timer, only when there are config lines to
 * push under it, and only when the switch has no archive yet (one already there is left alone).
 */
export function archiveToAdd(plan: Pick<Plan, 'commands'>, before: ObservedConfig, revertTimerMinutes: number | undefined): readonly string[] {
  return revertTimerMinutes && plan.commands.length && !before.archivePath ? ARCHIVE_LINES : [];
}

/**
 * The revert timer ran out before `configure confirm` reached the switch (a slow trust wait, a
 * stalled session): the switch put the old config back, so the change was not kept. Nothing is
 * saved after it.
 */
export class RevertedBeforeConfirmError extends SlpError {
  override readonly code = 'ERR_REVERTED';
  constructor(readonly host: string, readonly minutes: number | undefined, readonly evidence: string) {
    const timer = minutes ? `the revert timer (${minutes} min)` : 'the revert timer';
    super(`${host}: ${timer} expired before "configure confirm": the switch rolled the change back (${evidence}); nothing was saved`);
    this.name = 'RevertedBeforeConfirmError';
  }
}

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
  /** ARCHIVE_LINES were added by this push and are still on the switch (confirmChanges removes them). */
  archiveAdded: boolean;
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
  archiveAdded: boolean;
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
  const out: PushOutcome = { applied: [], revertPending: false, archiveAdded: false };
  const timer = ctx.revertTimerMinutes;
  if (!plan.commands.length) return out;
  // What actually went out, line by line: after a failure this is what the switch may hold.
  const sent: string[] = [];
  const onSent = (line: string): void => void sent.push(line);
  const archive = archiveToAdd(plan, ctx.before, timer);
  try {
    if (archive.length) {
      await device.configure(archive, { onSent });
      out.applied.push(...archive);
      out.archiveAdded = true;
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
        // The timer is stopped: the archive the tool added for it goes too. Not taken, it only
        // stays (the owned settings are back already): the push's error is the one to report.
        else if (out.archiveAdded && (await device.configure(ARCHIVE_REMOVAL).then(() => true, () => false))) {
          out.rollback.push(...ARCHIVE_REMOVAL);
          out.archiveAdded = false;
        }
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
  // Nothing to push but startup-config lacks owned lines (the save rule, save-rule.ts): the save
  // is the apply step's whole change.
  const saveOnly = plan.commands.length === 0 && plan.save.action === 'run';
  const pushed = await steps.run('apply', async () => {
    await ctx.beforePush?.();
    const p = await pushPlan(device, plan, ctx);
    if (saveOnly) {
      await saveConfig(device);
      p.applied.push(plan.save.command);
    }
    return p;
  }, (p) => (saveOnly && !p.error ? { status: 'changed', detail: `saved: ${plan.save.cause.replace(/^save: /, '')}`, commands: p.applied } : pushEnd(p)));
  // Recorded after the apply step it followed, so the steps stay in the order they ran.
  const { applied, confirmError, ...rest } = pushed;
  if (confirmError) steps.record('confirm', { status: 'failed', error: confirmError });
  const out: ApplyOutcome = { applied: [...applied], saved: saveOnly, ...rest };
  if (out.error) return out;
  try {
    await trustStep(device, plan, ctx, steps, out);
    await syncStep(device, plan, ctx, steps, out);
    // With a revert timer the save waits for the confirmation (confirmChanges), otherwise the
    // startup-config would keep what the timer is about to undo.
    if (plan.save.action === 'run' && !out.revertPending && !saveOnly) {
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

/** What confirmChanges checks and undoes besides the timer. */
export interface ConfirmOptions {
  /** Inventory name, for errors; default the device's. */
  host?: string;
  revertTimerMinutes?: number;
  /** Owned lines the push left (re-read after apply): all must still be there after the confirm. */
  expected?: readonly string[];
  /** The push added ARCHIVE_LINES: removed once the timer is stopped (or has expired). */
  archiveAdded?: boolean;
}

/**
 * Confirm-or-revert, second half: the runner calls this once verification passed. It stops the
 * revert timer (`configure confirm`), removes the archive the tool added, and saves if the plan
 * asked to: the confirm step. A timer that already expired (the switch says no change is pending,
 * or the owned lines the push left are gone) fails with RevertedBeforeConfirmError and nothing is
 * saved.
 */
export async function confirmChanges(
  device: Device,
  plan: Plan,
  steps: StepRecorder = new StepRecorder(),
  options: ConfirmOptions = {},
): Promise<string[]> {
  const host = options.host ?? device.info.host;
  return steps.run('confirm', async () => {
    const sent = ['configure confirm'];
    const removeArchive = async (): Promise<void> => {
      if (!options.archiveAdded) return;
      await device.configure(ARCHIVE_REMOVAL);
      sent.push(...ARCHIVE_REMOVAL);
    };
    const reply = await device.run('configure confirm');
    const notPending = NO_ROLLBACK_PENDING.exec(reply.output);
    let missing: string[] = [];
    if (!notPending && !reply.failed && options.expected?.length) {
      // A switch that says nothing about the timer: the owned lines tell whether it rolled back.
      const now = new Set(ownedConfigLines(await readConfig(device)));
      missing = options.expected.filter((l) => !now.has(l));
    }
    if (notPending || missing.length) {
      // The switch is back on the config from before the push; only the archive is the tool's to clear.
      await removeArchive().catch(() => undefined);
      const evidence = notPending
        ? `"configure confirm" was answered "${notPending[0].trim()}"`
        : `running-config no longer has ${missing.map((l) => `"${l}"`).join(', ')}`;
      throw new RevertedBeforeConfirmError(host, options.revertTimerMinutes, evidence);
    }
    reply.throwIfFailed();
    await removeArchive();
    if (plan.save.action === 'run') {
      await saveConfig(device);
      sent.push(plan.save.command);
    }
    return sent;
  }, (sent) => ({ status: 'changed', detail: 'configure confirm', commands: sent }));
}
