/**
 * Property runs are seeded (test/helpers/fuzz.ts): a fixed seed unless SLP_FUZZ_SEED says
 * otherwise, and a failing run names its seed and the command that replays it.
 */
import fc from 'fast-check';
import { assertProperty, FUZZ_SEED, seedFrom, withSeed } from '../helpers/fuzz';

describe('the fuzz seed', () => {
  test('fixed without SLP_FUZZ_SEED, taken from it when it is a number, fresh with "random"', () => {
    expect(seedFrom({})).toBe(20250124);
    expect(seedFrom({ SLP_FUZZ_SEED: '' })).toBe(20250124);
    expect(seedFrom({ SLP_FUZZ_SEED: '1872793456' })).toBe(1872793456);
    expect(seedFrom({ SLP_FUZZ_SEED: '-42' })).toBe(-42);
    expect(seedFrom({ SLP_FUZZ_SEED: 'random' }, () => 0.5)).toBe(1073741823);
  });

  test.each(['abc', '1.5', '99999999999', '0x10'])('SLP_FUZZ_SEED=%s is refused with a message', (raw) => {
    expect(() => seedFrom({ SLP_FUZZ_SEED: raw })).toThrow(`SLP_FUZZ_SEED must be a 32-bit integer or "random", not ${JSON.stringify(raw)}`);
  });

  test('the same seed draws the same cases (a replay is a replay)', () => {
    const drawn: number[][] = [[], []];
    for (const run of drawn) assertProperty(fc.property(fc.integer(), (n) => void run.push(n)), { numRuns: 20 });
    expect(drawn[0]).toHaveLength(20);
    expect(drawn[1]).toEqual(drawn[0]);
  });

  test('a failing property names its seed and how to replay it', () => {
    let message = '';
    try {
      assertProperty(fc.property(fc.nat(), (n) => n < 50), { numRuns: 1000 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`{ seed: ${FUZZ_SEED}, path: `);
    expect(message).toContain('Counterexample: [50]');
    expect(message.split('\n').at(-1)).toBe(`fuzz seed ${FUZZ_SEED}; replay: SLP_FUZZ_SEED=${FUZZ_SEED} npx jest test/ci/fuzz-seed.test.ts`);
  });

  test('so does any other failure inside a seeded run (sampled cases checked by expect)', () => {
    expect(() => withSeed(() => expect(1).toBe(2))).toThrow(`fuzz seed ${FUZZ_SEED}; replay: SLP_FUZZ_SEED=${FUZZ_SEED} npx jest test/ci/fuzz-seed.test.ts`);
  });
});
