/**
 * Ctrl-C against simulated switches: the second Ctrl-C lands while a switch is in the middle of
 * its config push. The switch must not be dropped in config mode with half the lines applied, the
 * host not started must be reported skipped, and both reports must still be written.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { loadRun } from '../../../src/playbook/load-run';
import { defaultSteps } from '../../../src/runner/default-steps';
import { executeRun } from '../../../src/runner/execute-run';
import { Interrupt } from '../../../src/runner/interrupt';
import { runRedactor } from '../../../src/runner/run-secrets';
import { startLab, TOKEN, type Lab } from '../../helpers/fleet-run';
import { waitFor } from '../../helpers/wait-for';

let lab: Lab;
afterEach(async () => {
  await lab?.close();
});

const sink = (): NodeJS.WriteStream => new PassThrough().resume() as unknown as NodeJS.WriteStream;

test('a second Ctrl-C during a push lets the push leave config mode, then closes; reports are written', async () => {
  // Each command takes 120 ms on "slow", so the push is still running when Ctrl-C is pressed.
  lab = await startLab([{ name: 'slow', sim: { platform: 'C9300-48P', version: '17.09.04', latency_ms: 120 } }, { name: 'next' }]);
  const loaded = loadRun({ inventoryFile: lab.inventory, playbookFile: lab.playbook, env: { SLP_IDTOKEN: TOKEN } });
  const interrupt = new Interrupt();
  const slow = lab.fleet.device('slow');
  const watch = setInterval(() => {
    if (interrupt.stage === 'none' && slow.openSessionModes().some((m) => m.startsWith('config'))) {
      interrupt.request();
      interrupt.request();
    }
  }, 10);
  const json = `${lab.dir}/report.json`;
  const junit = `${lab.dir}/report.xml`;
  try {
    await executeRun({
      plays: loaded.plays,
      steps: defaultSteps({ verifyPollMs: 100 }),
      ctx: { mode: 'run', check: false, diff: false, backupDir: `${lab.dir}/backups`, playbookDir: lab.dir, redactor: runRedactor(loaded.plays.flatMap((p) => p.hosts), lab.dir) },
      forks: 1,
      json,
      junit,
      meta: { command: 'run', playbook: lab.playbook, inventory: lab.inventory, toolVersion: 'test', diff: false },
      env: {},
      stdout: sink(),
      stderr: sink(),
      interrupt,
    });
  } finally {
    clearInterval(watch);
  }
  await waitFor(() => slow.openSessionModes().length === 0, "slow's sessions to close");
  expect(slow.openSessionModes()).toEqual([]);
  expect(slow.state.closedSessions.filter((s) => s.by === 'client').map((s) => s.mode)).not.toContainEqual(expect.stringMatching(/^config/));

  const report = JSON.parse(readFileSync(json, 'utf8')) as { interrupted: string; exitCode: number; plays: { hosts: { host: string; status: string; commands: string[]; error?: { message: string }; skipReason?: string }[] }[] };
  expect(report.interrupted).toBe('abandon');
  expect(report.exitCode).toBe(4);
  const [s, n] = report.plays[0]!.hosts;
  expect([s!.host, s!.status, n!.host, n!.status, n!.skipReason]).toEqual(['slow', 'unreachable', 'next', 'skipped', 'interrupted (Ctrl-C) before it started']);
  expect(s!.error!.message).toMatch(/\(abandoned after a second Ctrl-C\)$/);
  // The push ran to its end: every config line sent is in the running-config (none half-applied).
  const pushed = s!.commands.filter((c) => !c.startsWith('license smart trust') && c !== 'write memory');
  expect(pushed.length).toBeGreaterThan(0);
  const running = slow.runningConfig().split('\n');
  expect(pushed.filter((line) => !running.includes(line))).toEqual([]);
  expect(readFileSync(junit, 'utf8')).toContain([
    '    <testcase classname="Day-0 (reliability)" name="next" time="0.000">',
    '      <skipped message="interrupted (Ctrl-C) before it started"/>',
    '    </testcase>',
  ].join('\n'));
}, 30_000);
