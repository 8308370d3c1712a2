/**
 * Never report a change the switch did not keep (issue 14, items 5 and 8), against the simulated
 * lab through the real runner: a revert timer that runs out before `configure confirm`, a save lost
 * after the push, a password that is a common word, and a config line the switch answers with a
 * `%` message no failure table lists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HostSteps } from '../../src/runner/host-steps';
import { DAY0_FAST, startLab, type Captured, type Lab } from '../helpers/fleet-run';

/** The lines the plays below own, as the switch prints them. */
const owned = (config: string): string[] => config.split('\n').filter((l) => /^(no )?(license smart|ip http client|ip name-server|ip domain)/.test(l));
const archive = (config: string): string[] => config.split('\n').filter((l) => /^archive|^ path flash:slp-archive/.test(l));

interface ReportHost {
  host: string;
  status: string;
  changed: boolean;
  commands: string[];
  before: string[];
  after: string[];
  error?: { name: string; message: string; step: string };
  facts?: { platform: string | null };
  steps: { step: string; status: string; detail?: string; commands: string[] }[];
}
const hostOf = (run: Captured, name: string): ReportHost =>
  (JSON.parse(readFileSync(run.jsonFile, 'utf8')) as { plays: { hosts: ReportHost[] }[] }).plays[0]!.hosts.find((h) => h.host === name)!;

const SETTINGS_ONLY = {
  state: 'replaced', transport: 'smart', url: 'default', http_client_source_interface: 'Vlan10',
  dns: { lookup: true, servers: ['10.31.104.74'], domain: 'example.com', source_interface: 'Vlan10' },
};

describe('the revert timer runs out before configure confirm', () => {
  let lab: Lab;
  let run: Captured;
  const PLAY = [{ name: 'Under a revert timer', hosts: 'all', save: true, revert_timer: 5, slp: SETTINGS_ONLY, verify: [{ settings_as_declared: true }] }];

  beforeAll(async () => {
    lab = await startLab([{ name: 'stalled' }], PLAY);
    // The session stalls between verification and the confirm for longer than the timer: the
    // switch's clock is moved past it, so it rolls back as a real switch would.
    const stall = (steps: HostSteps): HostSteps => ({
      ...steps,
      confirm: (device, plan, rec, options) => {
        lab.fleet.device('stalled').advanceClock(6 * 60_000);
        return steps.confirm(device, plan, rec, options);
      },
    });
    run = await lab.run({ wrapSteps: stall });
  }, 60_000);
  afterAll(() => lab?.close());

  test('the host fails with the reason, the run exits non-zero', () => {
    const h = hostOf(run, 'stalled');
    expect(h.status).toBe('failed');
    expect(h.error).toMatchObject({
      name: 'RevertedBeforeConfirmError',
      step: 'confirm',
      message: 'stalled: the revert timer (5 min) expired before "configure confirm": the switch rolled the change back ' +
        '("configure confirm" was answered "% No Rollback Confirmed Change pending"); nothing was saved',
    });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toMatch(/^stalled\s+:.*failed=1/m);
  });

  test('nothing was saved, the switch holds what it held before, and the report says so', () => {
    const sw = lab.fleet.device('stalled');
    const initial = lab.initialConfig.get('stalled')!;
    expect(owned(sw.runningConfig())).toEqual(owned(initial));
    expect(owned(sw.startupConfig())).toEqual(owned(initial));
    // The archive the tool added for the timer was cleared again.
    expect(archive(sw.runningConfig())).toEqual([]);
    const h = hostOf(run, 'stalled');
    expect(h.commands).not.toContain('write memory');
    expect(h.commands.slice(0, 3)).toEqual(['archive', ' path flash:slp-archive', ' maximum 5']);
    expect(h.after).toEqual(h.before);
  });
});

describe('a save lost after the push', () => {
  let lab: Lab;
  const runs: Captured[] = [];

  beforeAll(async () => {
    lab = await startLab([{ name: 'nosave', sim: { faults: { reject_command: 'write memory' } } }]);
    runs.push(await lab.run());
    // The switch takes `write memory` again (the fault was a moment's: flash busy, a lost session).
    delete lab.fleet.device('nosave').faults.reject_command;
    runs.push(await lab.run());
    runs.push(await lab.run());
  }, 60_000);
  afterAll(() => lab?.close());

  test('the first run fails at the save and leaves startup-config as it was', () => {
    const h = hostOf(runs[0]!, 'nosave');
    expect(h.status).toBe('failed');
    expect(h.error!.message).toBe('nosave: "% Invalid input detected" after "write memory"');
    expect(runs[0]!.exitCode).toBe(2);
  });

  test('the next run saves (running-config is converged, startup-config lacks the lines) and counts it as a change', () => {
    const h = hostOf(runs[1]!, 'nosave');
    expect(h.status).toBe('changed');
    expect(h.commands).toEqual(['write memory']);
    expect(h.steps.find((s) => s.step === 'apply')).toMatchObject({ status: 'changed', commands: ['write memory'] });
    expect(h.steps.find((s) => s.step === 'apply')!.detail).toMatch(/^saved: startup-config differs from running-config in \d+ owned lines/);
    expect(runs[1]!.stdout).toMatch(/^nosave\s+:.*changed=1/m);
    const sw = lab.fleet.device('nosave');
    expect(owned(sw.startupConfig())).toEqual(owned(sw.runningConfig()));
    expect(owned(sw.startupConfig())).toContain('license smart transport smart');
  });

  test('the run after that changes nothing', () => {
    expect(hostOf(runs[2]!, 'nosave')).toMatchObject({ status: 'ok', changed: false, commands: [] });
  });
});

describe('a login password that is a common word (cisco)', () => {
  let lab: Lab;
  const runs: Captured[] = [];
  const CISCO = { username: 'admin', password: 'cisco', enableSecret: 'Rel-Enable-S3cret' };
  const PLAY = [{ ...DAY0_FAST[0], slp: { ...DAY0_FAST[0]!.slp, dns: { ...DAY0_FAST[0]!.slp.dns, domain: 'cisco.com' } } }];

  beforeAll(async () => {
    lab = await startLab([{ name: 'common' }], PLAY, {}, CISCO);
    const sw = lab.fleet.device('common');
    sw.state.running.dns.domainName[''] = 'cisco.com';
    sw.state.saveConfig();
    runs.push(await lab.run({ logDir: true }));
    runs.push(await lab.run({ logDir: true }));
  }, 60_000);
  afterAll(() => lab?.close());

  test('what is parsed is the device\'s text: show version gives the platform, the domain is seen as set', () => {
    const h = hostOf(runs[0]!, 'common');
    expect(h.status).toBe('changed');
    expect(h.facts!.platform).toBe('C9300-48UN');
    // The domain was already cisco.com: nothing about it is sent, neither a removal nor a re-add.
    expect(h.commands.filter((c) => c.includes('domain name'))).toEqual([]);
  });

  test('what is sent is unchanged: the switch never sees ***, and the second run changes nothing', () => {
    const config = lab.fleet.device('common').runningConfig();
    expect(config).toContain('ip domain name cisco.com');
    expect(config).not.toContain('***');
    expect(hostOf(runs[1]!, 'common')).toMatchObject({ status: 'ok', changed: false, commands: [] });
  });

  test('still no password in any output or file', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const written = files(lab.dir).filter((f) => !/inventory\.yaml$|playbook\.yaml$/.test(f));
    expect(written.some((f) => f.includes('backups'))).toBe(true);
    expect(written.some((f) => f.includes('logs'))).toBe(true);
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...written.map((f) => readFileSync(f, 'utf8'))];
    for (const text of texts) expect(text).not.toContain('cisco');
    // Redacted where it leaves the process: the domain shows as ***.com in the report.
    expect(readFileSync(runs[0]!.jsonFile, 'utf8')).toContain('ip domain name ***.com');
  });
});

describe('a config line answered with a % message no table lists', () => {
  let lab: Lab;
  let run: Captured;
  const PLAY = [{ name: 'Missing VRF', hosts: 'all', save: true, slp: { ...SETTINGS_ONLY, vrf: 'Nope' }, verify: [{ settings_as_declared: true }] }];

  beforeAll(async () => {
    lab = await startLab([{ name: 'novrf' }], PLAY);
    run = await lab.run();
  }, 60_000);
  afterAll(() => lab?.close());

  test('fails the line with the device\'s message, and the host is rolled back', () => {
    const h = hostOf(run, 'novrf') as ReportHost & { rollback?: string[] };
    expect(h.status).toBe('failed');
    expect(h.error).toMatchObject({ name: 'CommandRejectedError', step: 'apply', message: 'novrf: "% VRF Nope does not exist" after "license smart vrf Nope"' });
    expect(h.rollback!.length).toBeGreaterThan(0);
    const sw = lab.fleet.device('novrf');
    expect(owned(sw.runningConfig())).toEqual(owned(lab.initialConfig.get('novrf')!));
    expect(owned(sw.startupConfig())).toEqual(owned(lab.initialConfig.get('novrf')!));
    expect(run.exitCode).toBe(2);
  });
});
