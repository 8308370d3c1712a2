/**
 * The simulated device clock. It runs with real time from a chosen start and can be pushed
 * forward by tests (`advance`), which also fires every timer that came due — so a revert timer
 * of 5 minutes or a 30-day report schedule can be tested without waiting.
 */
const MAX_REAL_TIMEOUT = 2 ** 31 - 1; // setTimeout overflows (fires at once) beyond this

interface Timer {
  at: number;
  fn: () => void;
  real?: NodeJS.Timeout;
}

export class SimClock {
  private offset: number;
  private timers = new Set<Timer>();

  constructor(startTime: number = Date.now()) {
    this.offset = startTime - Date.now();
  }

  now(): number {
    return Date.now() + this.offset;
  }

  /** Moves simulated time forward and runs the timers that came due, oldest first. */
  advance(ms: number): void {
    this.offset += ms;
    this.fireDue();
  }

  /** Runs `fn` after `delayMs` of simulated time (real time, or sooner through `advance`). */
  setTimer(delayMs: number, fn: () => void): { cancel(): void } {
    const timer: Timer = { at: this.now() + delayMs, fn };
    if (delayMs <= MAX_REAL_TIMEOUT) {
      timer.real = setTimeout(() => this.fireDue(), Math.max(0, delayMs));
      timer.real.unref();
    }
    this.timers.add(timer);
    return {
      cancel: () => {
        if (timer.real) clearTimeout(timer.real);
        this.timers.delete(timer);
      },
    };
  }

  cancelAll(): void {
    for (const t of this.timers) if (t.real) clearTimeout(t.real);
    this.timers.clear();
  }

  private fireDue(): void {
    const now = this.now();
    const due = [...this.timers].filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
    for (const t of due) {
      this.timers.delete(t);
      if (t.real) clearTimeout(t.real);
      t.fn();
    }
  }
}
