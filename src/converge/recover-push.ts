import type { Device } from '../device/device';
import { DeviceTimeoutError, DisconnectedError, RollbackError, SlpError, UnreachableError } from '../errors';
import type { ObservedConfig } from './running-state';
import { confirmAfterRollback, rollbackOwned } from './rollback';
import { ownedConfigLines } from './rollback-plan';

/** Opens a fresh session to the same host (the runner builds it from the same connect options). */
export type Reconnect = () => Promise<Device>;

/**
 * The session can no longer be used: it dropped, or a line was never answered. Either way the
 * switch may hold part of a push, and only a new session can put it back.
 */
export function isSessionLost(error: unknown): error is DisconnectedError | DeviceTimeoutError {
  return error instanceof DisconnectedError || error instanceof DeviceTimeoutError;
}

/**
 * A push was cut by a lost session, and a new session rolled the owned settings back to the
 * backup and verified them. The host fails (the push did not happen) but the switch is consistent.
 */
export class PushInterruptedError extends SlpError {
  override readonly code = 'ERR_PUSH_INTERRUPTED';
  constructor(readonly host: string, readonly interruption: Error, readonly rolledBack: readonly string[]) {
    const undo = rolledBack.length ? `rolled back ${rolledBack.length} line${rolledBack.length === 1 ? '' : 's'}` : 'nothing to roll back';
    super(`${interruption.message}; reconnected, ${undo} and verified: the owned settings are as the backup had them`, { cause: interruption });
    this.name = 'PushInterruptedError';
  }
}

export interface LostPush {
  host: string;
  /** The rollback target: the owned settings as the backup holds them. */
  before: ObservedConfig;
  /** Config lines written before the loss (the last one possibly not applied). */
  sent: readonly string[];
  revertTimerMinutes?: number;
}

/** What a person must know when the switch could not be put back. */
function remainingLines(push: LostPush): string {
  const lines = push.sent.length
    ? `these lines were sent before the loss and may remain on the switch (the last one possibly not applied): ${push.sent.map((l) => `"${l}"`).join('; ')}`
    : 'no config line was sent before the loss';
  const timer = push.revertTimerMinutes
    ? `the revert timer (${push.revertTimerMinutes} min) restores the previous config by itself unless confirmed`
    : 'a play with revert_timer reverts by itself; without it, re-run the play or restore the backup';
  return `${lines}; ${timer}`;
}

/**
 * After a session was lost mid-push: closes it (a hung session must not linger, nor hold config
 * mode while the new one rolls back), opens a fresh one, rolls the owned settings back to the
 * backup, verifies them and closes that session too. Returns the rollback lines and the owned
 * lines now on the switch; throws RollbackError naming what may remain when that cannot be done
 * (its `cause` says why: the reconnect failed, or the rollback did).
 */
export async function recoverLostPush(
  lost: Device,
  reconnect: Reconnect | undefined,
  push: LostPush,
  interruption: Error,
): Promise<{ rollback: string[]; after: string[]; confirmError?: Error }> {
  await lost.close().catch(() => undefined);
  if (!reconnect) {
    throw new RollbackError(push.host, `${interruption.message}; no new session to roll back on; ${remainingLines(push)}`, { cause: interruption });
  }
  let fresh: Device;
  try {
    fresh = await reconnect();
  } catch (error) {
    // Lost before the first line went out: nothing changed, so nothing failed to roll back.
    if (push.sent.length === 0) {
      throw new UnreachableError(
        push.host,
        `the session was lost before any config line was sent (${interruption.message}) and a new one failed (${(error as Error).message}); nothing was changed`,
        { cause: error },
      );
    }
    throw new RollbackError(
      push.host,
      `${interruption.message}; could not reconnect to roll back (${(error as Error).message}); ${remainingLines(push)}`,
      { cause: error },
    );
  }
  try {
    const rollback = await rollbackOwned(fresh, push.host, push.before);
    // The timer would restore the same config later; stop it so nothing changes under the user.
    const confirmError = push.revertTimerMinutes ? await confirmAfterRollback(fresh, push.host, push.revertTimerMinutes) : undefined;
    return { rollback, after: ownedConfigLines(push.before), ...(confirmError ? { confirmError } : {}) };
  } catch (error) {
    const reason = error instanceof RollbackError ? error.reason : (error as Error).message;
    const cause = error instanceof RollbackError && error.cause !== undefined ? error.cause : error;
    throw new RollbackError(push.host, `${interruption.message}; on a new session: ${reason}; ${remainingLines(push)}`, { cause });
  } finally {
    await fresh.close().catch(() => undefined);
  }
}
