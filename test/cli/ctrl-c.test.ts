/**
 * Ctrl-C sent as a real SIGINT to the spawned `slp run` (node bin/slp.js, so `npm run build`
 * first), pressed once while a switch is in the middle of its config push. The in-process version
 * with two presses is test/integration/runner/ctrl-c.test.ts; this one checks what only the binary
 * can: its SIGINT handling, exit code and the report files it writes on the way out.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionsLeftInConfig, startLab, TOKEN, type Lab } from '../helpers/fleet-run';
import { slp } from '../helpers/spawn-slp';

let lab: Lab;
afterEach(async () => {
  await lab?.close();
});

test('one SIGINT during a push: the host in flight finishes, the next is skipped, exit 1, both reports written', async () => {
  // Each command takes 120 ms on "slow", so its push is still running when SIGINT arrives.
  lab = await startLab([{ name: 'slow', sim: { platform: 'C9300-48P', version: '17.09.04', latency_ms: 120 } }, { name: 'next' }]);
  const slow = lab.fleet.device('slow');
  const json = join(lab.dir, 'report.json');
  const junit = join(lab.dir, 'report.xml');
  let child: ChildProcess | undefined;
  let sent = 0;
  const watch = setInterval(() => {
    if (child && sent === 0 && slow.openSessionModes().some((m) => m.startsWith('config'))) {
      sent += 1;
      child.kill('SIGINT');
    }
  }, 10);
  let r: Awaited<ReturnType<typeof slp>>;
  try {
    r = await slp(['run', lab.playbook, '-i', lab.inventory, '-f', '1', '--json', json, '--junit', junit, '--backup-dir', join(lab.dir, 'backups')], { SLP_IDTOKEN: TOKEN, CI: '1' }, {
      cwd: lab.dir,
      onSpawn: (c) => (child = c),
    });
  } finally {
    clearInterval(watch);
  }
  expect(sent).toBe(1);
  // docs/runner.md: Ctrl-C left a host unrun and none failed → 1.
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('Ctrl-C: no new host will start; hosts in progress finish');
  expect(r.stdout).toContain('next (Day-0 (reliability)): interrupted (Ctrl-C) before it started');

  const report = JSON.parse(readFileSync(json, 'utf8')) as { interrupted: string; exitCode: number; plays: { hosts: { host: string; status: string; skipReason?: string }[] }[] };
  expect([report.interrupted, report.exitCode]).toEqual(['stop', 1]);
  expect(report.plays[0]!.hosts.map((h) => [h.host, h.status, h.skipReason])).toEqual([
    ['slow', 'changed', undefined],
    ['next', 'skipped', 'interrupted (Ctrl-C) before it started'],
  ]);
  const xml = readFileSync(junit, 'utf8');
  expect(xml).toMatch(/<testcase classname="Day-0 \(reliability\)" name="slow" time="[\d.]+"\/>/);
  expect(xml).toContain([
    '    <testcase classname="Day-0 (reliability)" name="next" time="0.000">',
    '      <skipped message="interrupted (Ctrl-C) before it started"/>',
    '    </testcase>',
  ].join('\n'));

  // The switch in flight was left out of config mode with its session closed; "next" never contacted.
  expect(await sessionsLeftInConfig(lab.fleet, ['slow', 'next'])).toEqual({ open: [], leftInConfig: [] });
  expect(slow.state.closedSessions.length).toBeGreaterThan(0);
  expect(lab.fleet.device('next').state.closedSessions).toEqual([]);
  expect(lab.fleet.device('next').runningConfig()).toBe(lab.initialConfig.get('next'));
}, 60_000);
