import { SAVE_ANSWERS, SAVE_COMMAND, SAVE_OK, type Device } from '../device';
import { CommandRejectedError } from '../errors';

/** What a save is reported as when the device did not print `[OK]`. */
export const SAVE_NOT_CONFIRMED = 'no "[OK]" after the save';

/**
 * Saves the running-config (`write memory`), answering only the save's own known questions
 * (SAVE_ANSWERS), and reports it saved only when the device printed `[OK]`: a save interrupted
 * by a full flash or a question nobody answered must not read as done.
 */
export async function saveConfig(device: Device): Promise<void> {
  const r = (await device.run(SAVE_COMMAND, { answers: [...SAVE_ANSWERS] })).throwIfFailed();
  if (!SAVE_OK.test(r.output)) throw new CommandRejectedError(device.info.host, SAVE_COMMAND, SAVE_NOT_CONFIRMED, r.output);
}
