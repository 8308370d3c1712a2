import { SYSTEM_CLOCK } from '../clock';

/**
 * Runs `worker` over items with at most `limit` in flight, in order. Before each start it asks
 * `mayStart()`; once that says no, the items not started are handed to `onNotStarted` instead
 * (Ctrl-C: nothing new starts, what is running finishes).
 */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<void>,
  mayStart: () => boolean = () => true,
  onNotStarted: (item: T) => void = () => undefined,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      if (!mayStart()) {
        onNotStarted(item);
        continue;
      }
      await worker(item);
    }
  };
  const lanes = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * A counting semaphore with two FIFO queues: a host coming back from a wait is served before a
 * host that has not started, because it already holds an open session and finishing it frees one.
 */
export class Slots {
  private readonly resuming: (() => void)[] = [];
  private readonly starting: (() => void)[] = [];

  constructor(private free: number) {}

  acquire(resume = false): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => (resume ? this.resuming : this.starting).push(resolve));
  }

  release(): void {
    const next = this.resuming.shift() ?? this.starting.shift();
    if (next) next();
    else this.free++;
  }
}

/** What a running host is handed: a sleep that gives its fork back while it waits. */
export interface ForkSlot {
  /**
   * Waits `ms` without holding a fork: another host does its active work meanwhile, and this one
   * continues once the time is up and a fork is free again.
   */
  idle(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface PoolLimits {
  /** Hosts doing active work (sending commands, parsing) at once. */
  forks: number;
  /** Hosts with an open session at once, active or waiting on the device. */
  maxSessions: number;
}

/** The default `--max-sessions`: waiting hosts cost a session, not CPU, so several per fork. */
export function defaultMaxSessions(forks: number): number {
  return Math.max(forks, Math.min(1000, forks * 4));
}

/**
 * runBounded with waits that do not hold a fork: up to `maxSessions` hosts are in progress, of
 * which at most `forks` are working; a host that only waits for the device (`slot.idle(ms)`)
 * releases its fork until its next poll. Hosts start in order; `mayStart` is asked once a fork is
 * free for the host, so after Ctrl-C no host that had not started yet starts.
 */
export async function runPooled<T>(
  items: readonly T[],
  limits: PoolLimits,
  worker: (item: T, slot: ForkSlot) => Promise<void>,
  mayStart: () => boolean = () => true,
  onNotStarted: (item: T) => void = () => undefined,
  wait: (ms: number, signal?: AbortSignal) => Promise<void> = SYSTEM_CLOCK.sleep,
): Promise<void> {
  const forks = new Slots(Math.max(1, limits.forks));
  const slot: ForkSlot = {
    async idle(ms, signal) {
      forks.release();
      try {
        await wait(ms, signal);
      } finally {
        await forks.acquire(true);
      }
    },
  };
  const sessions = Math.max(limits.forks, limits.maxSessions);
  await runBounded(items, sessions, async (item) => {
    await forks.acquire();
    try {
      if (!mayStart()) onNotStarted(item);
      else await worker(item, slot);
    } finally {
      forks.release();
    }
  });
}
