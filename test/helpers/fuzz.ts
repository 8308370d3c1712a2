/**
 * One seed for every property run, so a red run can be replayed and CI is not red or green by
 * the luck of the draw. SLP_FUZZ_SEED picks it: a number replays that run, `random` explores with
 * a fresh one; without it the seed is fixed. Whatever the seed, a failure says which it was and
 * how to run it again.
 */
import fc from 'fast-check';
import path from 'node:path';

const DEFAULT_SEED = 20250124;

/** The seed SLP_FUZZ_SEED asks for (a 32-bit integer, or `random`); throws on anything else. */
export function seedFrom(env: NodeJS.ProcessEnv = process.env, random: () => number = Math.random): number {
  const raw = (env.SLP_FUZZ_SEED ?? '').trim();
  if (raw === '') return DEFAULT_SEED;
  if (raw === 'random') return Math.floor(random() * 0x7fffffff);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Math.abs(Number(raw)) > 0x7fffffff) {
    throw new Error(`SLP_FUZZ_SEED must be a 32-bit integer or "random", not ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

export const FUZZ_SEED = seedFrom();

/** The line a failure ends with: the seed, and the command that replays it. */
export function replayHint(seed: number = FUZZ_SEED): string {
  const file = expect.getState().testPath;
  return `fuzz seed ${seed}; replay: SLP_FUZZ_SEED=${seed} npx jest ${file ? path.relative(process.cwd(), file) : ''}`.trimEnd();
}

/** Runs `fn`; an error it throws leaves with the replay hint appended to its message. */
export function withSeed<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message}\n\n${replayHint()}`;
    throw error;
  }
}

/** fc.assert with the run's seed (params may add numRuns, examples…, not another seed). */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params: Omit<fc.Parameters<Ts>, 'seed'> = {}): void {
  withSeed(() => fc.assert(property, { ...params, seed: FUZZ_SEED }));
}

/** fc.sample with the run's seed. */
export function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed: FUZZ_SEED });
}
