/**
 * .ci/run's verdict (scripts/jest-summary.js) on jest --json reports shaped like the ones jest 30
 * writes: a suite that failed to load, or whose hook threw, counts as a failure and makes the run
 * red even though jest's `Tests:` line shows no failed test. Run as .ci/run runs it (a child
 * process), on fake reports, so jest is not run inside jest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'jest-summary.js');

type Status = 'passed' | 'failed' | 'pending' | 'todo';
interface Suite { name: string; status: 'passed' | 'failed' | 'skipped'; message: string; assertionResults: { title: string; status: Status }[] }

/** The aggregated result `jest --json` writes, its counts derived from the suites as jest does. */
function report(suites: Suite[]): object {
  const tests = suites.flatMap((s) => s.assertionResults);
  const count = (st: Status): number => tests.filter((t) => t.status === st).length;
  const failedSuites = suites.filter((s) => s.status === 'failed');
  return {
    numFailedTestSuites: failedSuites.length,
    numFailedTests: count('failed'),
    numPassedTestSuites: suites.filter((s) => s.status === 'passed').length,
    numPassedTests: count('passed'),
    numPendingTestSuites: suites.filter((s) => s.status === 'skipped').length,
    numPendingTests: count('pending'),
    numRuntimeErrorTestSuites: failedSuites.filter((s) => s.assertionResults.length === 0).length,
    numTodoTests: count('todo'),
    numTotalTestSuites: suites.length,
    numTotalTests: tests.length,
    openHandles: [],
    snapshot: {},
    startTime: 1796276298976,
    success: failedSuites.length === 0,
    testResults: suites.map((s) => ({ ...s, startTime: 0, endTime: 0, summary: '' })),
    wasInterrupted: false,
  };
}

const passing = (name: string, n: number): Suite => ({ name, status: 'passed', message: '', assertionResults: Array.from({ length: n }, (_, i) => ({ title: `t${i}`, status: 'passed' })) });
const didNotLoad: Suite = {
  name: '/repo/test/unit/broken.test.ts',
  status: 'failed',
  message: '  ● Test suite failed to run\n\n    Cannot find module \'../../src/gone\' from \'test/unit/broken.test.ts\'',
  assertionResults: [],
};
const skippedSuite: Suite = { name: '/repo/test/real-outputs/real-outputs.test.ts', status: 'skipped', message: '', assertionResults: [{ title: 'x', status: 'pending' }] };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jest-summary-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function summary(json: object | null, status: number): { code: number | null; stdout: string; stderr: string } {
  const file = path.join(dir, 'jest.json');
  if (json) writeFileSync(file, JSON.stringify(json));
  const r = spawnSync(process.execPath, [SCRIPT, file, String(status)], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/jest-summary.js (the last line of .ci/run)', () => {
  test('a suite that failed to load is counted as failed and the run exits non-zero', () => {
    const r = summary(report([passing('/repo/test/a.test.ts', 3), didNotLoad, skippedSuite]), 1);
    expect(r.stdout).toBe('3 passed, 1 failed, 1 skipped\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('suite failed outside its tests (did not load, or a hook threw): /repo/test/unit/broken.test.ts');
  });

  test('the broken suite fails the run even if the test command exited 0', () => {
    const r = summary(report([passing('/repo/test/a.test.ts', 3), didNotLoad]), 0);
    expect([r.stdout, r.code]).toEqual(['3 passed, 1 failed\n', 1]);
  });

  test('a suite whose afterAll threw, every test passed, is one failure', () => {
    const hook: Suite = { ...passing('/repo/test/b.test.ts', 2), status: 'failed', message: '  ● Test suite failed to run\n\n    afterAll: boom' };
    const r = summary(report([hook]), 1);
    expect([r.stdout, r.code]).toEqual(['2 passed, 1 failed\n', 1]);
  });

  test('failed tests and a broken suite add up', () => {
    const red: Suite = { name: '/repo/test/c.test.ts', status: 'failed', message: '', assertionResults: [{ title: 'a', status: 'failed' }, { title: 'b', status: 'failed' }, { title: 'c', status: 'passed' }] };
    const r = summary(report([red, didNotLoad]), 1);
    expect([r.stdout, r.code]).toEqual(['1 passed, 3 failed\n', 1]);
  });

  test('all green: the plain line and exit 0', () => {
    const r = summary(report([passing('/repo/test/a.test.ts', 3), passing('/repo/test/b.test.ts', 2)]), 0);
    expect([r.stdout, r.code, r.stderr]).toEqual(['5 passed, 0 failed\n', 0, '']);
  });

  test('no report (typecheck or build failed before jest ran): one failure, the command\'s exit status kept', () => {
    const r = summary(null, 2);
    expect([r.stdout, r.code]).toEqual(['0 passed, 1 failed\n', 2]);
    expect(r.stderr).toMatch(/no jest report/);
  });

  test('a run in which jest found no test is not green', () => {
    const r = summary(report([]), 0);
    expect([r.stdout, r.code]).toEqual(['0 passed, 0 failed\n', 1]);
    expect(r.stderr).toContain('jest ran no test');
  });
});
