import { SYSTEM_CLOCK, type Clock } from '../clock';

/**
 * The clock a host's steps wait on: real time, with sleeps that give the host's fork back while
 * it only waits for its device (the engines stay pure: they just sleep on the clock they get).
 */
export function idleClock(idle: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined): Clock {
  return idle ? { now: SYSTEM_CLOCK.now, sleep: idle } : SYSTEM_CLOCK;
}
