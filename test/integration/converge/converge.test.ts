import { Redactor } from '../../../src/redact';
/**
 * The converge engine against the simulated lab, over SSH through the real driver. Only
 * 127.0.0.1 on ephemeral ports. The simulator's asynchronous licensing results land after a
 * short real delay; the engine polls for them (bounded), nothing here asserts on time.
 */
import { readFileSync } from 'node:fs';
import type { Device } from '../../../src/device';
import { CommandRejectedError, DriftError, UnsupportedDeviceError } from '../../../src/errors';
import type { SimDeviceSpec } from '../../../src/simulator';
import { useConvergeLab } from '../../helpers/converge-lab';
import { convergeHost } from '../../../src/converge/converge-host';
import type { DesiredSlp } from '../../../src/converge/desired';
import { applyHostPlan, hostPlanFrom, parsePlanFile, serializePlanFile } from '../../../src/converge/plan-file';
import { planSlp } from '../../../src/converge/plan';
import { readState } from '../../../src/converge/read-device';
import { ownedConfigLines } from '../../../src/converge/rollback-plan';
import { observeConfig } from '../../../src/converge/running-state-from-parsers';
import { parseShowRunningConfig } from '../../../src/parsers/show-running-config';

const TOKEN = 'TGFiVG9rZW4tZmFrZS1hYmNkZWZnaGlqMDEyMzQ1Njc4OS1sYWItb25seS0y%0AYWJjZGVmfExhYlRva2VuRm9yVGVzdHNOb3RSZWFs%0AWTI9%3D%0A'; // CSSM's form (reference §2.1)
const credentials = { username: 'admin', password: 'admin', enableSecret: 'lab-enable' };
const SPECS: SimDeviceSpec[] = [
  { name: 'sw-a1', port: 0, credentials, sim: { platform: 'C9300-48UN', version: '17.09.04', members: 2 } },
  { name: 'sw-rej', port: 0, credentials, sim: { platform: 'C9300-48P', version: '17.09.04', faults: { reject_command: 'ip http client source-interface' } } },
  { name: 'sw-old', port: 0, credentials, sim: { platform: 'C9300-48P', version: '17.03.05' } },
  { name: 'sw-drift', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.12.03' } },
  { name: 'sw-revert', port: 0, credentials, sim: { platform: 'C9500-24Y4C', version: '17.09.05' } },
  { name: 'sw-check', port: 0, credentials, sim: { platform: 'C9200L-24T-4G', version: '17.09.04' } },
];

const DESIRED: DesiredSlp = {
  transport: 'smart',
  url: 'default',
  http_client_source_interface: 'vlan10',
  dns: { lookup: true, servers: ['10.31.104.74'], domain: 'example.com', source_interface: 'Vlan10' },
  trust: { token: TOKEN, scope: 'all' },
  sync: true,
};
const NO_TRUST: DesiredSlp = { ...DESIRED, trust: undefined, sync: false };

const lab = useConvergeLab(SPECS, { credentials, token: TOKEN, waitMs: 15_000 });
const { opts } = lab;
const connect = (name: string): Promise<Device> => lab.connect(name);

const owned = (text: string): string[] => ownedConfigLines(observeConfig(parseShowRunningConfig(text).value));

/** The running-config without the lines that change on every write (timestamps, byte count). */
const stable = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !/^(! Last configuration change|! NVRAM config last updated|Current configuration :|Building configuration|Using \d+ out of)/.test(l))
    .join('\n')
    .trim();

describe('converge against the simulated lab', () => {
  it('day 0 from factory default; the second run is idempotent and does not reinstall trust', async () => {
    const device = await connect('sw-a1');
    const first = await convergeHost(device, DESIRED, opts('sw-a1'));
    expect(first.error).toBeUndefined();
    expect(first.plan?.commands).toEqual([
      'license smart transport smart',
      'ip http client source-interface Vlan10',
      'ip name-server 10.31.104.74',
      'ip domain name example.com',
      'ip domain lookup source-interface Vlan10',
    ]);
    expect(first).toMatchObject({ changed: true, saved: true, trust: { status: 'installed' }, sync: { status: 'reported' } });
    expect(lab.fleet.device('sw-a1').trustInstalled()).toEqual([true, true]);
    // Saved: the startup-config holds the converged settings.
    expect(owned(lab.fleet.device('sw-a1').startupConfig())).toEqual(first.after);
    expect(JSON.stringify(first)).not.toContain(TOKEN);

    const second = await convergeHost(device, DESIRED, opts('sw-a1'));
    expect(second.error).toBeUndefined();
    expect(second).toMatchObject({ changed: false, applied: [], saved: false, plan: { commands: [], trust: { action: 'skip' } } });
  });

  it('check mode leaves the device untouched', async () => {
    const device = await connect('sw-check');
    const before = lab.fleet.device('sw-check').runningConfig();
    const result = await convergeHost(device, DESIRED, opts('sw-check', { check: true, diff: true }));
    expect(result.error).toBeUndefined();
    expect(result.changed).toBe(true);
    expect(result.diff).toContain('+ip http client source-interface Vlan10');
    expect(lab.fleet.device('sw-check').runningConfig()).toBe(before);
    expect(lab.fleet.device('sw-check').trustInstalled()).toEqual([false]);
  });

  it('a command rejected mid-push is rolled back; the config equals the backup', async () => {
    const device = await connect('sw-rej');
    const result = await convergeHost(device, NO_TRUST, opts('sw-rej'));
    expect(result.error).toBeInstanceOf(CommandRejectedError);
    expect((result.error as CommandRejectedError).command).toBe('ip http client source-interface Vlan10');
    expect(result.rollback).toEqual(['no license smart transport']);
    const backup = readFileSync(result.backupPath!, 'utf8');
    // The device's text is not redacted (it is parsed); the backup is, as it leaves the process.
    const now = new Redactor([TOKEN]).redact((await device.run('show running-config')).output);
    expect(stable(now)).toEqual(stable(backup));
    expect(result.after).toEqual(result.before);
  });

  it('a switch on 17.3 is refused untouched', async () => {
    const device = await connect('sw-old');
    const before = lab.fleet.device('sw-old').runningConfig();
    const result = await convergeHost(device, DESIRED, opts('sw-old'));
    expect(result.error).toBeInstanceOf(UnsupportedDeviceError);
    expect(result.error?.message).toMatch(/^sw-old: unsupported device: IOS XE 17\.03\.05 is older than 17\.9\.1/);
    expect(lab.fleet.device('sw-old').runningConfig()).toBe(before);
  });

  it('a plan applied after someone changed the device is refused for that host', async () => {
    const device = await connect('sw-drift');
    const state = await readState(device);
    const plan = planSlp(NO_TRUST, state.observed);
    const source = { playbook: { path: 'pb.yaml', sha256: `sha256:${'0'.repeat(64)}` }, inventory: { paths: ['inv.yaml'], sha256: `sha256:${'1'.repeat(64)}` } };
    const text = serializePlanFile(source, [hostPlanFrom('sw-drift', { name: 'Day-0', index: 0 }, plan, ownedConfigLines(state.observed.config))], new Date());
    await device.configure(['ip name-server 10.9.9.9']);
    const drifted = lab.fleet.device('sw-drift').runningConfig();
    const result = await applyHostPlan(device, parsePlanFile(text).hosts[0]!, NO_TRUST, opts('sw-drift'));
    expect(result.error).toBeInstanceOf(DriftError);
    expect(result.error?.message).toBe('sw-drift: owned configuration changed since the plan was made: added "ip name-server 10.9.9.9"');
    expect(lab.fleet.device('sw-drift').runningConfig()).toBe(drifted);
  });

  it('a revert timer that is not confirmed restores the old config', async () => {
    const device = await connect('sw-revert');
    const ownedBefore = ownedConfigLines((await readState(device)).observed.config);
    const result = await convergeHost(device, NO_TRUST, opts('sw-revert', { play: { revert_timer: 1 } }));
    expect(result.error).toBeUndefined();
    expect(result.revertPending).toBe(true);
    expect(result.after).toContain('ip http client source-interface Vlan10');
    lab.fleet.device('sw-revert').advanceClock(61_000);
    const ownedAfter = ownedConfigLines((await readState(device)).observed.config);
    expect(ownedAfter).toEqual(ownedBefore);
  });
});
