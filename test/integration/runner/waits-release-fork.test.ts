/**
 * A host waiting on its switch (trust install, sync) gives its fork back: with `forks: 1`, two
 * simulated switches whose trust results take seconds have their trust waits overlap. Before the
 * pool released forks, host B could not even connect until host A had finished.
 */
import { PassThrough } from 'node:stream';
import { loadRun } from '../../../src/playbook/load-run';
import { defaultSteps } from '../../../src/runner/default-steps';
import { executeRun } from '../../../src/runner/execute-run';
import { runRedactor } from '../../../src/runner/run-secrets';
import type { RunEvent } from '../../../src/results/run-events';
import { startLab, TOKEN, type Lab } from '../../helpers/fleet-run';

let lab: Lab;
afterEach(async () => {
  await lab?.close();
});

const sink = (): NodeJS.WriteStream => new PassThrough().resume() as unknown as NodeJS.WriteStream;

test('with one fork, two hosts wait for their trust installs at the same time, and both converge', async () => {
  // Each switch lands its trust and sync results 3 s after the command (real ones take 5–45 s).
  lab = await startLab([{ name: 'a', sim: { async_delay_ms: 3000 } }, { name: 'b', sim: { async_delay_ms: 3000 } }]);
  const loaded = loadRun({ inventoryFile: lab.inventory, playbookFile: lab.playbook, env: { SLP_IDTOKEN: TOKEN } });
  const { run, exitCode } = await executeRun({
    plays: loaded.plays,
    steps: defaultSteps({ verifyPollMs: 100 }),
    ctx: {
      mode: 'run', check: false, diff: false, backupDir: `${lab.dir}/backups`, playbookDir: lab.dir,
      redactor: runRedactor(loaded.plays.flatMap((p) => p.hosts), lab.dir),
      timing: { pollMs: 100, trustTimeoutMs: 30_000, syncTimeoutMs: 30_000 },
    },
    forks: 1,
    meta: { command: 'run', playbook: lab.playbook, inventory: lab.inventory, toolVersion: 'test', diff: false },
    env: {},
    stdout: sink(),
    stderr: sink(),
  });
  expect(exitCode).toBe(0);
  expect(run.plays[0]!.hosts.map((h) => [h.host, h.status])).toEqual([['a', 'changed'], ['b', 'changed']]);
  const at = (type: RunEvent['type'], host: string, step?: string): number => {
    const i = run.events.findIndex((e) => e.type === type && 'host' in e && e.host === host && (step === undefined || ('step' in e && e.step === step)));
    if (i < 0) throw new Error(`no ${type} ${step ?? ''} for ${host}`);
    return i;
  };
  // b connected and started its trust install while a was still waiting for its own.
  expect(at('step-start', 'b', 'connect')).toBeLessThan(at('step-end', 'a', 'trust'));
  expect(at('step-start', 'b', 'trust')).toBeLessThan(at('step-end', 'a', 'trust'));
  expect(lab.fleet.device('a').state.linesEntered).toBeGreaterThan(0);
}, 60_000);
