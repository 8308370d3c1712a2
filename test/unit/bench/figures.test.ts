import { floorSeconds, percentile, runFigures } from '../../../bench/src/figures';
import { benchInventory } from '../../../bench/src/lab';
import { repeatToSize } from '../../../bench/src/parse-1mb';
import { parse } from 'yaml';

describe('benchmark arithmetic', () => {
  test('nearest-rank percentiles', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect([percentile(xs, 50), percentile(xs, 99), percentile(xs, 0), percentile([], 50)]).toEqual([5, 10, 1, null]);
  });

  test('the floor: critical-path commands × latency × hosts per fork lane', () => {
    expect(floorSeconds(37, 20, 1000, 100)).toBe(7.4);
    expect(floorSeconds(37, 20, 1001, 100)).toBeCloseTo(8.14);
    expect(floorSeconds(22, 20, 100, 1000)).toBe(0.44);
  });

  test('one run becomes one JSON object with the ratio against the busiest host', () => {
    const f = runFigures({
      run: 'converge', n: 4, forks: 2, latencyMs: 20, wallMs: 3000, commandsPerHost: [30, 37, 36, 37],
      hostTotalsMs: [1000, 1200, 1100, 1300], statuses: ['changed', 'changed', 'failed', 'changed'], exitCode: 2,
      maxRssKB: 204800, cpuMicros: 2_500_000, simCpuMicros: 1_000_000, parse1MB: null,
    });
    expect(f).toEqual({
      run: 'converge', n: 4, forks: 2, latencyMs: 20, wallSeconds: 3, floorSeconds: 1.48, wallOverFloor: 2.03,
      commandsPerHost: { max: 37, median: 36 }, hostSeconds: { p50: 1.1, p99: 1.3 }, recap: { changed: 3, failed: 1 },
      exitCode: 2, runner: { peakRssMB: 200, cpuSeconds: 2.5, cpuMsPerHost: 625 }, simulator: { cpuSeconds: 1, cpuMsPerHost: 250 }, parse1MB: null,
    });
  });
});

describe('benchmark inputs', () => {
  test('the inventory points every host at its simulated port on 127.0.0.1', () => {
    const inv = parse(benchInventory([40001, 40002]));
    expect(inv.all.hosts).toEqual({ sw0000: { ansible_port: 40001 }, sw0001: { ansible_port: 40002 } });
    expect(inv.all.vars.ansible_host).toBe('127.0.0.1');
  });

  test('the tech-support sample is repeated whole until it reaches the size', () => {
    const text = repeatToSize('a\nbc', 20);
    expect(text).toBe('a\nbc\n'.repeat(4));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(20);
  });
});
