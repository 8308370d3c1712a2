/**
 * Waiting in tests is waiting for something: a condition on the simulator's state, a line in a
 * log. Never a fixed pause, which is either too short on a loaded machine or time thrown away.
 * Where nothing emits an event, the condition is polled often; the time limit only turns a wait
 * that would never end into a failure that names what did not happen.
 */
import type { DeviceHandle } from '../../src/simulator';

export interface WaitOptions {
  /** Upper bound before giving up (default 10 s: generous for a loaded machine, never reached when all is well). */
  timeoutMs?: number;
  /** How often the condition is checked (default 10 ms). */
  everyMs?: number;
}

/** Resolves as soon as `condition` holds; rejects, naming `what`, when it has not after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, { timeoutMs = 10_000, everyMs = 10 }: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() >= deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Every licensing request the simulated switch has sent (trust, sync, usage report) has its answer,
 * or its lack of one, recorded: the switch lands them asynchronously after a command returns.
 */
export function exchangesAnswered(device: DeviceHandle): boolean {
  return Object.values(device.state.licensing.history).every((entries) => entries.every((e) => e.response !== undefined));
}

/** Waits until every licensing request sent so far by `device` has been answered (see exchangesAnswered). */
export function licensingSettled(device: DeviceHandle, options?: WaitOptions): Promise<void> {
  return waitFor(() => exchangesAnswered(device), `${device.name}'s licensing requests to be answered`, options);
}
