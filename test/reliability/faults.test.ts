/**
 * The runner against switches that fail the way real ones do, one fault per host, all in one run
 * (so the run also shows that one host's failure does not disturb the others). What a user relies
 * on: each failure is named in the report, a host that was changed and then failed is put back as
 * it was, healthy hosts converge anyway, and no switch is left in config mode.
 */
import { readFileSync } from 'node:fs';
import { sessionsLeftInConfig, startLab, type Captured, type Lab } from '../helpers/fleet-run';

/** The lines day-0 owns, as the switch prints them. */
const owned = (config: string): string[] => config.split('\n').filter((l) => /^(no )?(license smart|ip http client|ip name-server|ip domain)/.test(l));

const HOSTS = [
  { name: 'healthy' },
  { name: 'slow', sim: { latency_ms: 150 } },
  // 5 lines to log in, then show version, running-config, license status, `configure terminal`
  // and two config lines: the session drops in the middle of the push.
  { name: 'disconnect', sim: { faults: { disconnect_after_commands: 11 } } },
  { name: 'auth', sim: { faults: { auth_failure: true } } },
  { name: 'rejects', sim: { faults: { reject_command: 'ip http client source-interface' } } },
  // The switch never answers one config line: the command times out in the middle of the push.
  { name: 'hang', sim: { faults: { hang_on_command: 'ip domain name' } }, vars: { slp_command_timeout: 1 } },
  // Every command takes longer than the 1 s command timeout once logged in.
  { name: 'timeout', sim: { latency_ms: 1500 }, vars: { slp_command_timeout: 1, slp_connect_timeout: 10 } },
  { name: 'down', down: true },
];

describe('one run, one fault per host', () => {
  let lab: Lab;
  let run: Captured;
  let report: { plays: { hosts: { host: string; status: string; commands: string[]; error?: { name: string; message: string }; rollback?: string[] }[] }[]; exitCode: number };
  const byHost = (name: string) => report.plays[0]!.hosts.find((h) => h.host === name)!;

  beforeAll(async () => {
    lab = await startLab(HOSTS);
    run = await lab.run({ forks: 10 });
    report = JSON.parse(readFileSync(run.jsonFile, 'utf8'));
  }, 60_000);
  afterAll(() => lab?.close());

  test('every host is in the JSON and JUnit reports, with its outcome', () => {
    expect(report.plays[0]!.hosts.map((h) => [h.host, h.status, h.error?.name ?? null])).toEqual([
      ['healthy', 'changed', null],
      ['slow', 'changed', null],
      // The session dropped during the push; a new session rolled it back: failed, not
      // unreachable — the switch answered and was left as it was.
      ['disconnect', 'failed', 'PushInterruptedError'],
      ['auth', 'unreachable', 'AuthError'],
      ['rejects', 'failed', 'CommandRejectedError'],
      ['hang', 'failed', 'PushInterruptedError'],
      // No answer to `enable` within slp_command_timeout: unreachable, as Ansible reports it.
      ['timeout', 'unreachable', 'DeviceTimeoutError'],
      ['down', 'unreachable', 'UnreachableError'],
    ]);
    const junit = readFileSync(run.junitFile, 'utf8');
    for (const h of HOSTS) expect(junit).toContain(`name="${h.name}`);
    // Ansible's convention: some host unreachable → 4.
    expect([run.exitCode, report.exitCode]).toEqual([4, 4]);
  });

  test('healthy and slow hosts converge: owned lines as declared, trust installed', () => {
    for (const name of ['healthy', 'slow']) {
      expect(owned(lab.fleet.device(name).runningConfig())).toEqual(owned(lab.fleet.device('healthy').runningConfig()));
      expect(lab.fleet.device(name).trustInstalled()).toEqual([true]);
    }
    expect(owned(lab.fleet.device('healthy').runningConfig())).toContain('license smart transport smart');
  });

  test('a rejected line is named, and the host is rolled back to its backup and re-checked', () => {
    const h = byHost('rejects');
    expect(h.error!.message).toBe('rejects: "% Invalid input detected" after "ip http client source-interface Vlan10"');
    expect(h.rollback!.length).toBeGreaterThan(0);
    expect(owned(lab.fleet.device('rejects').runningConfig())).toEqual(owned(lab.initialConfig.get('rejects')!));
  });

  test('a dropped session is reported at the step it cut (apply), the backup already taken', () => {
    const h = byHost('disconnect') as unknown as { error: { step: string; message: string }; backupPath?: string };
    expect(h.error).toMatchObject({
      step: 'apply',
      message: 'disconnect: connection closed during "ip name-server 10.31.104.74"; reconnected, rolled back 2 lines and verified: the owned settings are as the backup had them',
    });
    expect(h.backupPath).toMatch(/backups\/disconnect\/.+\.cfg$/);
  });

  test('a push cut by a dropped session is rolled back once the switch answers again; commands = what was sent', () => {
    expect(owned(lab.fleet.device('disconnect').runningConfig())).toEqual(owned(lab.initialConfig.get('disconnect')!));
    const h = byHost('disconnect');
    // Two lines answered, the third written as the session dropped (so it is listed as sent).
    expect([h.commands, h.rollback]).toEqual([
      ['license smart transport smart', 'ip http client source-interface Vlan10', 'ip name-server 10.31.104.74'],
      ['no license smart transport', 'no ip http client source-interface'],
    ]);
  });

  test('a push cut by a line the switch never answers times out, is rolled back on a new session, and the hung session is closed', () => {
    const h = byHost('hang');
    expect(h.error!.message).toBe(
      'hang: timeout awaiting config for "ip domain name example.com" after 1000 ms; reconnected, rolled back 3 lines and verified: the owned settings are as the backup had them',
    );
    expect(owned(lab.fleet.device('hang').runningConfig())).toEqual(owned(lab.initialConfig.get('hang')!));
    expect(h.commands.at(-1)).toBe('ip domain name example.com');
    // The hung session was closed by the tool (in config mode: the switch never gave the prompt back).
    expect(lab.fleet.device('hang').state.closedSessions.filter((s) => s.by === 'client').map((s) => s.mode)).toContain('config');
  });

  test('auth failure, timeout and an unreachable host change nothing', () => {
    expect(byHost('auth').error!.message).toMatch(/^auth: authentication failed: /);
    expect(byHost('down').error!.message).toMatch(/^down: unreachable: /);
    for (const name of ['auth', 'timeout']) {
      expect(owned(lab.fleet.device(name).runningConfig())).toEqual(owned(lab.initialConfig.get(name)!));
    }
  });

  test('no switch is left in config mode, and every session is closed', async () => {
    // `hang` is left out: its switch never gave the prompt back, so that session could only be
    // closed in config mode (the test above checks it was closed).
    const names = HOSTS.filter((h) => !h.down && h.name !== 'hang').map((h) => h.name);
    expect(await sessionsLeftInConfig(lab.fleet, names)).toEqual({ open: [], leftInConfig: [] });
  });

  test('the recap on the terminal lists every host', () => {
    for (const h of HOSTS) expect(run.stdout).toMatch(new RegExp(`^${h.name}\\s+:`, 'm'));
  });
});
