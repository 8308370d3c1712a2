import type { Device } from '../device/device';
import { RollbackError, SlpError } from '../errors';
import type { ObservedConfig } from './running-state';
import { readConfig } from './read-device';
import { ownedConfigLines, planRollback } from './rollback-plan';

/**
 * Puts the owned settings back as the backup had them, then re-reads the device and checks that
 * they match. Returns the lines it pushed; throws RollbackError when the device refuses them or
 * the re-read config still differs (the host then needs a person).
 */
export async function rollbackOwned(device: Device, host: string, before: ObservedConfig): Promise<string[]> {
  try {
    const lines = planRollback(before, await readConfig(device));
    if (lines.length) await device.configure(lines);
    const after = ownedConfigLines(await readConfig(device));
    const want = ownedConfigLines(before);
    const missing = want.filter((l) => !after.includes(l));
    const extra = after.filter((l) => !want.includes(l));
    if (missing.length || extra.length || after.join('\n') !== want.join('\n')) {
      const what = [
        ...missing.map((l) => `missing "${l}"`),
        ...extra.map((l) => `unexpected "${l}"`),
      ];
      throw new RollbackError(host, `after rollback: ${what.length ? what.join('; ') : 'name servers out of order'}`);
    }
    return lines;
  } catch (error) {
    if (error instanceof RollbackError) throw error;
    throw new RollbackError(host, (error as Error).message, { cause: error });
  }
}

/** A `configure confirm` after a rollback that the switch did not take: the timer still runs. */
export class ConfirmAfterRollbackError extends SlpError {
  override readonly code = 'ERR_CONFIRM';
  constructor(readonly host: string, readonly minutes: number, cause: unknown) {
    super(
      `${host}: "configure confirm" after the rollback failed (${(cause as Error)?.message ?? cause}); the revert timer ` +
        `(${minutes} min) still runs and will restore the configuration from before the push`,
      { cause },
    );
    this.name = 'ConfirmAfterRollbackError';
  }
}

/**
 * Stops the revert timer after a rollback (it would restore the same config later, so nothing
 * should change under the user). Returns the error when the switch did not take it.
 */
export async function confirmAfterRollback(device: Device, host: string, minutes: number): Promise<Error | undefined> {
  try {
    (await device.run('configure confirm')).throwIfFailed();
    return undefined;
  } catch (error) {
    return new ConfirmAfterRollbackError(host, minutes, error);
  }
}
