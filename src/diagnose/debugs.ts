/**
 * The guide's TLS debugs (seed troubleshooting step 6), only behind an explicit flag: turn on the
 * HTTP-client, OpenSSL and PKI debugs, trigger a sync, collect what the device logs for a bounded
 * time, and always turn every debug off again (`undebug all`), also when a step fails. Debugs cost
 * CPU on a busy switch, so the window is short and the caller chooses it.
 */
import type { Device } from '../device/device';
import { parseShowLogging } from '../parsers';
import { SYSTEM_CLOCK, type Clock } from '../clock';

export const DEBUG_COMMANDS: readonly string[] = [
  'debug ip http client all',
  'debug ssl openssl states',
  'debug ssl openssl errors',
  'debug crypto pki messages',
  'debug crypto pki transactions',
];

/** Upper bound on the window, whatever the flag says: debugs are not for leaving on. */
export const MAX_DEBUG_SECONDS = 300;

export interface DebugResult {
  seconds: number;
  /** Debugs the device accepted / refused (a release may lack one). */
  enabled: string[];
  refused: { command: string; reason: string }[];
  /** New log lines seen during the window (buffer + asynchronous lines), in order. */
  lines: string[];
  /** `undebug all` was accepted. */
  turnedOff: boolean;
  error: string | null;
}

export async function runDebugs(device: Device, seconds: number, clock: Clock = SYSTEM_CLOCK): Promise<DebugResult> {
  const window = Math.max(1, Math.min(MAX_DEBUG_SECONDS, Math.floor(seconds)));
  const result: DebugResult = { seconds: window, enabled: [], refused: [], lines: [], turnedOff: false, error: null };
  // The whole buffer, not only %-tagged messages: debug lines carry no %FAC-SEV-MNEMONIC.
  const buffer = async (): Promise<string[]> => parseShowLogging((await device.run('show logging')).throwIfFailed().output).value.buffer;
  try {
    const before = new Set(await buffer());
    device.drainEvents();
    for (const command of DEBUG_COMMANDS) {
      try {
        (await device.run(command)).throwIfFailed();
        result.enabled.push(command);
      } catch (error) {
        result.refused.push({ command, reason: (error as Error).message });
      }
    }
    if (result.enabled.length > 0) {
      (await device.run('license smart sync all')).throwIfFailed();
      await clock.sleep(window * 1000);
      const live = device.drainEvents().map((e) => e.raw);
      const logged = (await buffer()).filter((l) => !before.has(l));
      result.lines = [...new Set([...logged, ...live])];
    }
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    try {
      (await device.run('undebug all')).throwIfFailed();
      result.turnedOff = true;
    } catch (error) {
      result.error = [result.error, `undebug all: ${(error as Error).message}`].filter(Boolean).join('; ');
    }
  }
  return result;
}
