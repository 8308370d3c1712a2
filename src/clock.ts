import { setTimeout as sleepFor } from 'node:timers/promises';

/** Time as a parameter, so waits are bounded and tests never sleep for real. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
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
      if (clock === SYSTEM_CLOCK) {
        // timers/promises clears its timer on abort: a long debug window does not keep node alive.
        await sleepFor(ms, undefined, { signal }).catch((error: unknown) => {
          if (signal.aborted) throw reason();
          throw error;
        });
        return;
      }
      let onAbort!: () => void;
      const aborted = new Promise<never>((_resolve, reject) => {
        onAbort = () => reject(reason());
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        await Promise.race([clock.sleep(ms), aborted]);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
