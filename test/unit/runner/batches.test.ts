import { batchSize, maxFailReason, splitBatches } from '../../../src/runner/batches';

describe('serial batches', () => {
  it.each([
    [undefined, 9, 9],
    [5, 9, 5],
    [20, 9, 9],
    ['30%', 10, 3],
    ['25%', 9, 2],
    ['1%', 9, 1],
    ['100%', 9, 9],
  ] as const)('serial %p over %p hosts → batches of %p', (serial, hosts, size) => {
    expect(batchSize(serial, hosts)).toBe(size);
  });

  it('splits in order, the last batch holding the rest', () => {
    expect(splitBatches(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(splitBatches([], 2)).toEqual([]);
  });
});

describe('max_fail_percentage', () => {
  it('stops only when the failed share is strictly greater', () => {
    expect(maxFailReason(1, 2, 50)).toBeNull();
    expect(maxFailReason(2, 3, 50)).toBe('max_fail_percentage 50% exceeded: 2/3 hosts of the batch failed (67%)');
    expect(maxFailReason(1, 10, 0)).toBe('max_fail_percentage 0% exceeded: 1/10 hosts of the batch failed (10%)');
    expect(maxFailReason(0, 10, 0)).toBeNull();
  });

  it('without it, stops only when the whole batch failed', () => {
    expect(maxFailReason(2, 3, undefined)).toBeNull();
    expect(maxFailReason(3, 3, undefined)).toBe('every host of the batch failed (3/3)');
  });
});
