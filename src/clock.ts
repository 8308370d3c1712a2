import { setTimeout as sleepFor } from 'node:timers/promises';

/** Time as a parameter, so waits are bounded and tests never sleep for real. */
export interface Clock {
  now(): Date;
  /** With `signal`, a clock that can should end the sleep (and drop its timer) when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => new Date(),
  // timers/promises clears its timer on abort: an abandoned 120 s window does not keep node alive.
  sleep: (ms, signal) => sleepFor(ms, undefined, signal ? { signal } : {}),
};

/**
 * The same clock, whose sleep ends at once once `signal` aborts, throwing the signal's reason:
 * every wait between two looks at a switch (trust, sync, `within:`, a debug or capture window)
 * goes through a clock, so abandoning a run reaches all of them through one signal.
 */
export function abortableClock(clock: Clock, signal: AbortSignal | undefined): Clock {
  if (!signal) return clock;
  const reason = (): unknown => signal.reason ?? new Error('aborted');
  return {
    now: () => clock.now(),
    sleep: async (ms) => {
      if (signal.aborted) throw reason();
      // The signal goes down to the clock, so a real timer is cleared; the race ends the sleep at
      // once on clocks that take no signal (tests' fake clocks).
      const slept = clock.sleep(ms, signal);
      slept.catch(() => undefined); // its own abort error may lose the race
      let onAbort!: () => void;
      const aborted = new Promise<never>((_resolve, reject) => {
        onAbort = () => reject(reason());
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        await Promise.race([slept, aborted]);
      } catch (error) {
        if (signal.aborted) throw reason();
        throw error;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
