/**
 * Every way a run can stop ends clean (issue 16, items 5 and 9), through the built CLI (node
 * bin/slp.js, so `npm run build` first) and real signals: a second Ctrl-C during a trust wait
 * abandons at once; SIGTERM in the middle of a push on 20 hosts is handled like a first Ctrl-C
 * (every host rolled back or confirmed, reports written); SIGTERM during `diagnose --debugs`
 * turns the debugs off. Times are measured and printed; the assertions are on what happened
 * before the waits' own deadlines, not on wall time.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY0_FAST, sessionsLeftInConfig, startLab, TOKEN, type Lab } from '../helpers/fleet-run';
import { slp } from '../helpers/spawn-slp';

let lab: Lab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

/** The CLI's default trust wait (src/converge/converge-host.ts DEFAULT_CONVERGE_TIMING). */
const TRUST_WAIT_MS = 120_000;

interface Report {
  exitCode: number;
  interrupted: string | null;
  interruptedBy?: string;
  plays: { hosts: { host: string; status: string; abandoned?: boolean; rollback?: string[]; error?: { step: string; message: string }; steps: { step: string; status: string; ms: number }[]; debugs?: { turnedOff: boolean; error: string | null } }[] }[];
}

/** Spawns the CLI and calls `watch` every 20 ms with the child and its stderr so far. */
async function runWatched(args: string[], cwd: string, env: Record<string, string>, watch: (child: ChildProcess, stderr: string) => void) {
  let child: ChildProcess | undefined;
  let stderr = '';
  const timer = setInterval(() => child && watch(child, stderr), 20);
  try {
    // NODE_ENV unset: jest's `test` would pick listr2's test renderer, which has no heartbeat.
    return await slp(args, { SLP_IDTOKEN: TOKEN, CI: '1', NODE_ENV: '', ...env }, {
      cwd,
      onSpawn: (c) => {
        child = c;
        c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      },
    });
  } finally {
    clearInterval(timer);
  }
}

test('a second Ctrl-C while a host waits for its trust result abandons it at once; the report names it abandoned', async () => {
  // CSSM never answers this switch: its trust wait would last the full TRUST_WAIT_MS.
  lab = await startLab([{ name: 'sw-wait', sim: { platform: 'C9300-48P', version: '17.09.04', faults: { cssm: 'no_reply' } } }]);
  const json = join(lab.dir, 'report.json');
  let firstSent = false;
  let secondAt = 0;
  const r = await runWatched(['run', lab.playbook, '-i', lab.inventory, '--json', json, '--backup-dir', join(lab.dir, 'backups')], lab.dir, { SLP_HEARTBEAT_MS: '100' }, (child, stderr) => {
    if (!firstSent && /running 1: sw-wait trust \d+ s/.test(stderr)) {
      child.kill('SIGINT');
      firstSent = true;
    }
    // Pending signals of one kind merge into one: the second is sent once the first was seen.
    if (firstSent && secondAt === 0 && stderr.includes('Ctrl-C: no new host will start')) {
      child.kill('SIGINT');
      secondAt = Date.now();
    }
  });
  const tookMs = Date.now() - secondAt;
  process.stdout.write(`second Ctrl-C during the trust wait → exit after ${tookMs} ms\n`);
  expect(secondAt).toBeGreaterThan(0);
  expect(r.stderr).toContain('Ctrl-C again: abandoning the hosts in progress');
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  const host = report.plays[0]!.hosts[0]!;
  expect([report.interrupted, report.exitCode, r.status]).toEqual(['abandon', 4, 4]);
  expect([host.status, host.abandoned, host.error?.step]).toEqual(['unreachable', true, 'trust']);
  expect(host.error?.message).toBe('stopped waiting (abandoned after a second Ctrl-C)');
  // The wait ended long before its own deadline: the abandon cut it, not the timeout.
  expect(host.steps.find((s) => s.step === 'trust')!.ms).toBeLessThan(TRUST_WAIT_MS / 4);
  expect(r.stdout).toMatch(/sw-wait \(Day-0 \(reliability\)\): ABANDONED at trust: /);
  expect(r.stdout).toContain('abandoned in flight: sw-wait');
  expect(r.stdout).toMatch(/^sw-wait +: ok=\d+ +changed=\d+ +unreachable=1 +failed=0 /m);
  expect(await sessionsLeftInConfig(lab.fleet, ['sw-wait'])).toEqual({ open: [], leftInConfig: [] });
}, 60_000);

test('SIGTERM during a push on 20 hosts: each finishes its push and is confirmed (or rolled back), reports written, nothing left in config mode, no debug on', async () => {
  const names = Array.from({ length: 20 }, (_, i) => `sw-${String(i + 1).padStart(2, '0')}`);
  // 40 ms per command: the pushes are under way when SIGTERM arrives. The revert timer makes every
  // change end confirmed (configure confirm) or reverted.
  const playbook = [{ ...DAY0_FAST[0], revert_timer: 5 }];
  lab = await startLab(names.map((name) => ({ name, sim: { platform: 'C9300-48P', version: '17.09.04', latency_ms: 40 } })), playbook);
  const current = lab;
  const json = join(lab.dir, 'report.json');
  const junit = join(lab.dir, 'report.xml');
  let sentAt = 0;
  const r = await runWatched(['run', lab.playbook, '-i', lab.inventory, '--json', json, '--junit', junit, '--backup-dir', join(lab.dir, 'backups')], lab.dir, {}, (child) => {
    if (sentAt === 0 && names.some((n) => current.fleet.device(n).openSessionModes().some((m) => m.startsWith('config')))) {
      child.kill('SIGTERM');
      sentAt = Date.now();
    }
  });
  process.stdout.write(`SIGTERM mid-push on 20 hosts → exit after ${Date.now() - sentAt} ms\n`);
  expect(sentAt).toBeGreaterThan(0);
  expect(r.stderr).toContain('SIGTERM received: no new host will start; hosts in progress finish');
  expect(existsSync(junit)).toBe(true);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  expect([report.interrupted, report.interruptedBy]).toEqual(['stop', 'SIGTERM']);
  const hosts = report.plays[0]!.hosts;
  expect(hosts.map((h) => h.host).sort()).toEqual(names);
  for (const h of hosts) {
    const confirmed = h.steps.some((s) => s.step === 'confirm' && s.status === 'changed');
    const rolledBack = (h.rollback ?? []).length > 0 || h.steps.every((s) => s.step !== 'apply' || s.status === 'ok');
    expect({ host: h.host, settled: confirmed || rolledBack }).toEqual({ host: h.host, settled: true });
  }
  // The hosts caught mid-push went on to their confirmation (forks 50: all 20 had started).
  expect(hosts.filter((h) => h.steps.some((s) => s.step === 'confirm' && s.status === 'changed')).length).toBe(20);
  expect(await sessionsLeftInConfig(lab.fleet, names)).toEqual({ open: [], leftInConfig: [] });
  for (const n of names) {
    // No revert timer left running (each change confirmed), and no debug on.
    expect({ n, revert: lab.fleet.device(n).state.revert === undefined, debugs: lab.fleet.device(n).state.debugs.size }).toEqual({ n, revert: true, debugs: 0 });
  }
}, 120_000);

test('SIGTERM during `slp diagnose --debugs`: the window ends at once, undebug all goes out, the report is written', async () => {
  lab = await startLab([{ name: 'sw-dbg' }]);
  const converged = await lab.run({ forks: 1 });
  expect(converged.exitCode).toBe(0);
  const device = lab.fleet.device('sw-dbg');
  const json = join(lab.dir, 'diagnose.json');
  let sentAt = 0;
  const r = await runWatched(['diagnose', '-i', lab.inventory, '--debugs', '120', '--json', json], lab.dir, {}, (child) => {
    if (sentAt === 0 && device.state.debugs.size > 0) {
      child.kill('SIGTERM');
      sentAt = Date.now();
    }
  });
  process.stdout.write(`SIGTERM during a 120 s debug window → exit after ${Date.now() - sentAt} ms\n`);
  expect(sentAt).toBeGreaterThan(0);
  expect(device.state.debugs.size).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  const host = report.plays[0]!.hosts[0]!;
  expect(host.debugs?.turnedOff).toBe(true);
  expect(host.debugs?.error).toContain('cut short by SIGTERM');
  expect(host.steps.find((s) => s.step === 'debugs')!.ms).toBeLessThan(120_000 / 4);
  expect(r.status).not.toBeNull();
  expect(await sessionsLeftInConfig(lab.fleet, ['sw-dbg'])).toEqual({ open: [], leftInConfig: [] });
}, 60_000);

test('SIGHUP (the terminal closed) is a first Ctrl-C too: the host in flight finishes, the next is skipped, the report says SIGHUP', async () => {
  lab = await startLab([{ name: 'slow', sim: { platform: 'C9300-48P', version: '17.09.04', latency_ms: 60 } }, { name: 'next' }]);
  const current = lab;
  const json = join(lab.dir, 'report.json');
  let sent = false;
  const r = await runWatched(['run', lab.playbook, '-i', lab.inventory, '-f', '1', '--json', json, '--backup-dir', join(lab.dir, 'backups')], lab.dir, {}, (child) => {
    if (!sent && current.fleet.device('slow').openSessionModes().some((m) => m.startsWith('config'))) {
      child.kill('SIGHUP');
      sent = true;
    }
  });
  expect(sent).toBe(true);
  expect(r.status).toBe(1);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  expect([report.interrupted, report.interruptedBy]).toEqual(['stop', 'SIGHUP']);
  expect(report.plays[0]!.hosts.map((h) => [h.host, h.status])).toEqual([['slow', 'changed'], ['next', 'skipped']]);
  expect(r.stdout).toContain('next (Day-0 (reliability)): interrupted (SIGHUP) before it started');
  expect(await sessionsLeftInConfig(lab.fleet, ['slow', 'next'])).toEqual({ open: [], leftInConfig: [] });
}, 60_000);
