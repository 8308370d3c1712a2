import { mkdtempSync, readFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommandRejectedError, DeviceTimeoutError, DisconnectedError, RollbackError, UnreachableError, UnsupportedDeviceError } from '../../../src/errors';
import { PushInterruptedError } from '../../../src/converge/recover-push';
import { RevertedBeforeConfirmError, confirmChanges, TrustInstallError } from '../../../src/converge/apply';
import { convergeHost, type ConvergeOptions } from '../../../src/converge/converge-host';
import type { DesiredSlp } from '../../../src/converge/desired';
import { FakeDevice } from '../../helpers/fake-device';
import { fakeClock } from '../../helpers/fake-clock';

const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQz';
const DESIRED: DesiredSlp = {
  transport: 'smart',
  url: 'default',
  http_client_source_interface: 'vlan10',
  dns: { servers: ['10.31.104.74', '10.31.104.75'], domain: 'example.com', source_interface: 'Vlan10' },
  proxy: { address: '192.168.217.105', port: 80 },
  trust: { token: TOKEN, scope: 'all' },
  sync: true,
  // The play owns its name servers whole (a removal makes the rollback tests below meaningful).
  purge: ['dns.servers'],
};
const DAY0_LINES = [
  'license smart transport smart',
  'license smart proxy address 192.168.217.105',
  'license smart proxy port 80',
  'ip http client source-interface Vlan10',
  'ip name-server 10.31.104.74',
  'ip name-server 10.31.104.75',
  'ip domain name example.com',
  'ip domain lookup source-interface Vlan10',
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'slp-converge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const opts = (over: ConvergeOptions = {}): ConvergeOptions => ({
  host: 'sw-a1', backupDir: dir, clock: fakeClock(), trustTimeoutMs: 10_000, syncTimeoutMs: 10_000, pollMs: 1_000, ...over,
});
const configLines = (d: FakeDevice): string[] => d.log.filter((l) => l.mode === 'config').map((l) => l.command);

describe('convergeHost with a fake device', () => {
  it('day 0: pushes the lines, installs trust, syncs, saves, backs up; a second run changes nothing', async () => {
    const device = new FakeDevice({ members: 2, config: ['ip domain name old.example.com'] });
    const first = await convergeHost(device, DESIRED, opts());
    expect(first.error).toBeUndefined();
    expect(first.applied).toEqual([...DAY0_LINES, 'license smart trust idtoken *** all', 'license smart sync all', 'write memory']);
    expect(first).toMatchObject({ changed: true, saved: true, trust: { status: 'installed' }, sync: { status: 'reported' } });
    expect(first.after).toEqual([
      'license smart transport smart',
      'license smart proxy address 192.168.217.105',
      'license smart proxy port 80',
      'ip http client source-interface Vlan10',
      'ip name-server 10.31.104.74',
      'ip name-server 10.31.104.75',
      'ip domain name example.com',
      'ip domain lookup source-interface Vlan10',
    ]);
    expect(device.trusted).toEqual([true, true]);
    expect(device.log.find((l) => l.command.includes('idtoken'))).toEqual({
      command: `license smart trust idtoken ${TOKEN} all`, secret: true, mode: 'exec',
    });
    expect(JSON.stringify(first)).not.toContain(TOKEN);
    // Backup: the config before, owner-only.
    expect(readdirSync(path.join(dir, 'sw-a1'))).toEqual(['2025-01-24T23-19-05-000Z.cfg']);
    const backup = path.join(dir, 'sw-a1', '2025-01-24T23-19-05-000Z.cfg');
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readFileSync(backup, 'utf8')).toContain('ip domain name old.example.com');
    // After the push only the running-config is re-read: `after` needs no license status.
    expect(device.log.filter((l) => l.mode === 'exec').map((l) => l.command.replace(TOKEN, '***'))).toEqual([
      'show version', 'show running-config', 'show license status',
      // The trust wait: the codes before, the device's clock at command time, then polls.
      'show license status', 'show clock',
      'license smart trust idtoken *** all', 'show license status',
      // The sync wait: usage reporting before, then polls.
      'show license status', 'license smart sync all', 'show license status',
      'write memory', 'show running-config',
    ]);

    const before = device.log.length;
    const second = await convergeHost(device, DESIRED, opts());
    expect(second).toMatchObject({ changed: false, applied: [], saved: false });
    expect(second.trust).toBeUndefined();
    expect(second.plan?.trust?.action).toBe('skip');
    // Nothing to push: startup-config is read to check that the owned lines were saved (they were).
    expect(device.log.slice(before).map((l) => l.command)).toEqual(['show version', 'show running-config', 'show license status', 'show startup-config']);
  });

  it('--check --diff: reports the plan and a diff, sends no change', async () => {
    const device = new FakeDevice();
    const result = await convergeHost(device, { ...DESIRED, trust: undefined }, opts({ check: true, diff: true }));
    expect(result.changed).toBe(true);
    expect(result.plan?.commands).toEqual(DAY0_LINES);
    expect(device.log.map((l) => l.command)).toEqual(['show version', 'show running-config', 'show license status']);
    expect(result.diff).toBe(
      [
        '===================================================================',
        '--- sw-a1 (before)',
        '+++ sw-a1 (after)',
        '@@ -0,0 +1,8 @@',
        ...result.after.map((l) => `+${l}`),
        '',
      ].join('\n'),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a rejected line is rolled back to the backup and the host fails with the device message', async () => {
    const start = ['license smart transport callhome', 'ip name-server 10.0.0.9'];
    const device = new FakeDevice({ config: start, rejectLine: 'ip http client' });
    const result = await convergeHost(device, { ...DESIRED, trust: undefined }, opts());
    expect(result.error).toBeInstanceOf(CommandRejectedError);
    expect(result.error?.message).toBe('fake: "% Invalid input detected" after "ip http client source-interface Vlan10"');
    expect(result.rollback).toEqual([
      'no license smart proxy address 192.168.217.105',
      'no license smart proxy port 80',
      'license smart transport callhome',
      'ip name-server 10.0.0.9',
    ]);
    expect(device.config).toEqual(start);
    expect(result.after).toEqual(result.before);
    expect(device.saved).toEqual(start);
    expect(device.log.map((l) => l.command)).not.toContain('write memory');
  });

  it('a read answered with % Invalid input fails the host before anything is pushed', async () => {
    const device = new FakeDevice({ config: ['ip domain name old.example.com'], rejectCommand: 'show license status' });
    const result = await convergeHost(device, DESIRED, opts());
    expect(result.error).toBeInstanceOf(CommandRejectedError);
    expect(result.error?.message).toBe('fake: "% Invalid input detected" after "show license status"');
    expect(result).toMatchObject({ changed: false, saved: false, applied: [] });
    expect(configLines(device)).toEqual([]);
    expect(device.config).toEqual(['ip domain name old.example.com']);
  });

  it('a refused write memory fails the host after the push, and nothing is saved', async () => {
    const device = new FakeDevice({ rejectCommand: 'write memory' });
    const result = await convergeHost(device, { ...DESIRED, trust: undefined }, opts());
    expect(result.error).toBeInstanceOf(CommandRejectedError);
    expect(result.error?.message).toBe('fake: "% Invalid input detected" after "write memory"');
    expect(result).toMatchObject({ changed: true, saved: false });
    expect(result.applied).not.toContain('write memory');
    expect(configLines(device)).toEqual(DAY0_LINES);
    expect(device.saved).toEqual([]);
  });

  it('a save lost after the push is made good by the next run, which counts it as a change', async () => {
    const device = new FakeDevice({ rejectCommand: 'write memory' });
    const desired = { ...DESIRED, trust: undefined };
    expect((await convergeHost(device, desired, opts())).error?.message).toBe('fake: "% Invalid input detected" after "write memory"');
    const fixed = device.reopen({ rejectCommand: undefined });
    const again = await convergeHost(fixed, desired, opts());
    expect(again.error).toBeUndefined();
    expect(again.plan?.commands).toEqual([]);
    expect(again.plan?.save).toEqual({
      action: 'run', command: 'write memory',
      cause: `save: startup-config differs from running-config in ${DAY0_LINES.length} owned lines (${DAY0_LINES.join('; ')})`,
    });
    expect(again).toMatchObject({ changed: true, saved: true, applied: ['write memory'] });
    expect(again.steps.find((st) => st.step === 'apply')).toMatchObject({ status: 'changed', commands: ['write memory'] });
    expect(fixed.saved).toEqual(fixed.config);
    // Saved now: the third run changes nothing.
    expect(await convergeHost(fixed, desired, opts())).toMatchObject({ changed: false, applied: [] });
  });

  it('save: false never reads startup-config nor saves', async () => {
    const device = new FakeDevice({ rejectCommand: 'write memory' });
    const desired = { ...DESIRED, trust: undefined };
    await convergeHost(device, desired, opts());
    const fixed = device.reopen({ rejectCommand: undefined });
    const again = await convergeHost(fixed, desired, opts({ play: { save: false } }));
    expect(again).toMatchObject({ changed: false, applied: [] });
    expect(fixed.log.map((l) => l.command)).not.toContain('show startup-config');
  });

  it('refuses an unsupported release before reading anything else', async () => {
    const device = new FakeDevice({ version: '17.03.05' });
    const result = await convergeHost(device, DESIRED, opts());
    expect(result.error).toBeInstanceOf(UnsupportedDeviceError);
    expect(result.error?.message).toBe(
      'sw-a1: unsupported device: IOS XE 17.03.05 is older than 17.9.1 (Smart Licensing Using Policy over Smart Transport needs 17.9.1 or later)',
    );
    expect(device.log.map((l) => l.command)).toEqual(['show version']);
  });

  it('a trust install that keeps failing with COMM_FAILED (the agent retries it) times out naming the last attempt', async () => {
    const device = new FakeDevice({ trustFailure: 'Connection timed out' });
    const result = await convergeHost(device, DESIRED, opts());
    expect(result.error).toBeInstanceOf(TrustInstallError);
    expect(result.error?.message).toBe(
      'sw-a1: trust install failed: no trust code newer than the command on any member (Trust Code Installed: <none>) within 10 s; last attempt: COMM_FAILED: Connection timed out (the agent retries it)',
    );
    expect(result.saved).toBe(false);
  });

  it("the trust wait's budget is the play's slp.trust.timeout when the caller sets none", async () => {
    const device = new FakeDevice({ trustFailure: 'Connection timed out' });
    const result = await convergeHost(device, { ...DESIRED, trust: { token: TOKEN, scope: 'all', timeout: '45s' } }, opts({ trustTimeoutMs: undefined }));
    expect(result.error?.message).toMatch(/ within 45 s; last attempt: COMM_FAILED: Connection timed out/);
  });

  it('revert timer: archive set up, config pushed under the timer; unconfirmed it reverts, confirmed it saves', async () => {
    const start = ['license smart transport callhome'];
    const reverting = new FakeDevice({ config: start });
    const r1 = await convergeHost(reverting, { ...DESIRED, trust: undefined }, opts({ play: { revert_timer: 5 } }));
    expect(r1).toMatchObject({ revertPending: true, saved: false });
    expect(configLines(reverting).slice(0, 3)).toEqual(['archive', ' path flash:slp-archive', ' maximum 5']);
    reverting.expireRevertTimer();
    expect(reverting.config.filter((l) => !/^( |archive)/.test(l))).toEqual(start);

    const confirmed = new FakeDevice({ config: start });
    const r2 = await convergeHost(confirmed, { ...DESIRED, trust: undefined }, opts({ play: { revert_timer: 5 } }));
    expect(await confirmChanges(confirmed, r2.plan!)).toEqual(['configure confirm', 'write memory']);
    confirmed.expireRevertTimer();
    expect(confirmed.saved).toEqual(confirmed.config);
    expect(confirmed.config).toContain('ip http client source-interface Vlan10');
  });

  it('revert timer: the archive the tool adds is in the diff and the commands, and removed after the confirm', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'] });
    const desired = { ...DESIRED, trust: undefined };
    const r = await convergeHost(device, desired, opts({ play: { revert_timer: 5 }, diff: true }));
    expect(r.applied.slice(0, 3)).toEqual(['archive', ' path flash:slp-archive', ' maximum 5']);
    expect(r.archiveAdded).toBe(true);
    expect(r.diff).toContain('\n+archive\n+ path flash:slp-archive\n+ maximum 5\n');
    const sent = await confirmChanges(device, r.plan!, undefined, { host: 'sw-a1', revertTimerMinutes: 5, expected: r.after, archiveAdded: true });
    expect(sent).toEqual(['configure confirm', 'no archive', 'write memory']);
    expect(device.config.filter((l) => /^( |archive)/.test(l))).toEqual([]);
    expect(device.saved).toEqual(device.config);
  });

  it('revert timer: a rejected line is rolled back, the timer confirmed and the archive the tool added removed', async () => {
    const start = ['license smart transport callhome'];
    const device = new FakeDevice({ config: start, rejectLine: 'ip http client' });
    const r = await convergeHost(device, { ...DESIRED, trust: undefined }, opts({ play: { revert_timer: 5 } }));
    expect(r.error).toBeInstanceOf(CommandRejectedError);
    expect(r.rollback?.at(-1)).toBe('no archive');
    expect(device.config).toEqual(start);
    expect(device.revert).toBeNull();
  });

  it('revert timer: an archive that was there before stays', async () => {
    const device = new FakeDevice({ config: ['archive', ' path flash:mine', 'license smart transport callhome'] });
    const r = await convergeHost(device, { ...DESIRED, trust: undefined }, opts({ play: { revert_timer: 5 }, diff: true }));
    expect(r.applied).not.toContain('archive');
    expect(r.diff).not.toContain('+archive');
    expect(await confirmChanges(device, r.plan!, undefined, { expected: r.after })).toEqual(['configure confirm', 'write memory']);
    expect(device.config.slice(0, 2)).toEqual(['archive', ' path flash:mine']);
  });

  it('revert timer expired before the confirm: the host fails with that reason and nothing is saved', async () => {
    const start = ['license smart transport callhome'];
    const device = new FakeDevice({ config: start });
    const r = await convergeHost(device, { ...DESIRED, trust: undefined }, opts({ play: { revert_timer: 5 } }));
    device.expireRevertTimer();
    const err = await confirmChanges(device, r.plan!, undefined, { host: 'sw-a1', revertTimerMinutes: 5, expected: r.after, archiveAdded: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevertedBeforeConfirmError);
    expect((err as Error).message).toBe(
      'sw-a1: the revert timer (5 min) expired before "configure confirm": the switch rolled the change back ' +
        '("configure confirm" was answered "% No Rollback Confirmed Change pending"); nothing was saved',
    );
    expect(device.log.map((l) => l.command)).not.toContain('write memory');
    expect(device.saved).toEqual(start);
    // The archive the tool added for the timer is cleared: the switch is as before the run.
    expect(device.config).toEqual(start);
  });

  it('a switch that confirms but lost the owned lines (rolled back without saying so) fails the same way', async () => {
    const start = ['license smart transport callhome'];
    const device = new FakeDevice({ config: start });
    const r = await convergeHost(device, { ...DESIRED, trust: undefined }, opts({ play: { revert_timer: 5 } }));
    const snapshot = device.revert!.snapshot;
    device.config = [...snapshot];
    const err = await confirmChanges(device, r.plan!, undefined, { host: 'sw-a1', revertTimerMinutes: 5, expected: r.after }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevertedBeforeConfirmError);
    expect((err as Error).message).toContain('running-config no longer has "license smart transport smart"');
    expect(device.log.map((l) => l.command)).not.toContain('write memory');
  });
});

describe('a session lost in the middle of a push', () => {
  const START = ['license smart transport callhome', 'ip name-server 10.0.0.9'];
  // The first four planned lines go through; the session is lost at the fifth.
  const SENT = ['no ip name-server 10.0.0.9', ...DAY0_LINES.slice(0, 4)];

  it.each(['disconnect', 'timeout'] as const)('%s: the old session is closed, a new one rolls back and verifies; commands = what was sent', async (as) => {
    const device = new FakeDevice({ config: START, loseSessionAt: { line: 'ip http client', as } });
    const sessions: FakeDevice[] = [];
    const reconnect = async (): Promise<FakeDevice> => {
      // The hung / dropped session is closed before the new one touches the config.
      expect(device.closed).toBe(true);
      sessions.push(device.reopen());
      return sessions[0]!;
    };
    const result = await convergeHost(device, DESIRED, opts({ reconnect }));
    const original = as === 'disconnect' ? new DisconnectedError('fake', 'ip http client source-interface Vlan10') : new DeviceTimeoutError('fake', 'config', 1000, 'ip http client source-interface Vlan10');
    expect(result.error).toBeInstanceOf(PushInterruptedError);
    expect(result.error?.message).toBe(`${original.message}; reconnected, rolled back 4 lines and verified: the owned settings are as the backup had them`);
    expect((result.error as PushInterruptedError).cause).toBeInstanceOf(original.constructor);
    expect(result.applied).toEqual(SENT);
    expect(result.rollback).toEqual(['no license smart proxy address 192.168.217.105', 'no license smart proxy port 80', 'license smart transport callhome', 'ip name-server 10.0.0.9']);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.config).toEqual(START);
    expect(sessions[0]!.closed).toBe(true);
    expect(result).toMatchObject({ changed: false, saved: false, revertPending: false, after: result.before });
    expect(result.trust).toBeUndefined();
  });

  it('reconnect refused: a RollbackError names each line that may remain and points at revert_timer', async () => {
    const device = new FakeDevice({ config: START, loseSessionAt: { line: 'ip http client', as: 'disconnect' } });
    const refused = new UnreachableError('sw-a1', 'connect ECONNREFUSED 127.0.0.1:22');
    const result = await convergeHost(device, DESIRED, opts({ reconnect: async () => { throw refused; } }));
    expect(result.error).toBeInstanceOf(RollbackError);
    expect(result.error?.message).toBe(
      'sw-a1: rollback failed: fake: connection closed during "ip http client source-interface Vlan10"; ' +
        'could not reconnect to roll back (sw-a1: unreachable: connect ECONNREFUSED 127.0.0.1:22); ' +
        'these lines were sent before the loss and may remain on the switch (the last one possibly not applied): ' +
        '"no ip name-server 10.0.0.9"; "license smart transport smart"; "license smart proxy address 192.168.217.105"; "license smart proxy port 80"; "ip http client source-interface Vlan10"; ' +
        'a play with revert_timer reverts by itself; without it, re-run the play or restore the backup',
    );
    expect((result.error as RollbackError).cause).toBe(refused);
    expect(result.applied).toEqual(SENT);
    expect(result.backupPath).toBeDefined();
  });

  it('under a revert timer the error says the timer restores the config by itself', async () => {
    const device = new FakeDevice({ config: [...START, 'archive'], loseSessionAt: { line: 'ip http client', as: 'timeout' } });
    const result = await convergeHost(device, { ...DESIRED, trust: undefined }, opts({ play: { revert_timer: 5 } }));
    expect(result.error).toBeInstanceOf(RollbackError);
    expect(result.error?.message).toMatch(/; no new session to roll back on; .*"ip http client source-interface Vlan10"; the revert timer \(5 min\) restores the previous config by itself unless confirmed$/);
    expect(device.closed).toBe(true);
  });

  it('a timeout after the push (trust wait) closes the session and does not roll back the complete push', async () => {
    const device = new FakeDevice({ config: START });
    const run = device.run.bind(device);
    device.run = async (command, o) => {
      if (command.startsWith('license smart trust')) throw new DeviceTimeoutError('fake', 'command', 1000, 'license smart trust idtoken *** all');
      return run(command, o);
    };
    const result = await convergeHost(device, DESIRED, opts({ reconnect: async () => { throw new Error('not expected'); } }));
    expect(result.error).toBeInstanceOf(DeviceTimeoutError);
    expect(result.rollback).toBeUndefined();
    expect(device.closed).toBe(true);
    expect(result.applied).toEqual(['no ip name-server 10.0.0.9', ...DAY0_LINES, 'license smart trust idtoken *** all']);
  });
});
