/**
 * Device timing profiles for the simulated fleet. `fast`: only the per-command latency, so the
 * floor measures what the runner costs. `realistic`: what real Catalyst 9000s take — a
 * `show running-config` 1–3 s, `show license tech support` 10–30 s, a trust install or sync
 * result 5–45 s after the command — drawn per switch from a seeded generator, so two runs of the
 * same size see the same fleet.
 */
import type { SimBlock } from '../../src/simulator';

export type BenchProfile = 'fast' | 'realistic';

export const REALISTIC_RANGES_MS = {
  runningConfig: [1_000, 3_000],
  techSupport: [10_000, 30_000],
  asyncResult: [5_000, 45_000],
} as const;

/** A small deterministic generator (mulberry32): the same switch index gives the same delays. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `sim:` timing knobs of switch `index` under `profile`. */
export function deviceTimings(profile: BenchProfile, index: number): Pick<SimBlock, 'command_delay_ms' | 'async_delay_ms'> {
  if (profile === 'fast') return {};
  const next = seeded(index + 1);
  const pick = ([lo, hi]: readonly [number, number]): number => Math.round(lo + next() * (hi - lo));
  return {
    command_delay_ms: {
      'show running-config': pick(REALISTIC_RANGES_MS.runningConfig),
      'show license tech support': pick(REALISTIC_RANGES_MS.techSupport),
    },
    async_delay_ms: pick(REALISTIC_RANGES_MS.asyncResult),
  };
}
