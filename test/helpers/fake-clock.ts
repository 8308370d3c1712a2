import type { Clock } from '../../src/clock';

/** A clock whose sleep moves time forward at once (from the seed's Jan 24 2025 23:19:05 UTC). */
export function fakeClock(): Clock {
  let t = Date.UTC(2025, 0, 24, 23, 19, 5);
  return { now: () => new Date(t), sleep: async (ms) => void (t += ms) };
}
