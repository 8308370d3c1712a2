/**
 * Converge against lab switches that behave as real ones do (issue 14 items 2, 4, 7, 10): a
 * hardened vty that gets no syslog, a default switch's hourly CSLU failures, an agent that retries
 * a failed attempt, CSSM refusing a token, a stack and a dual-supervisor chassis taking a forced
 * reinstall, and name servers other services share. Only 127.0.0.1; nothing asserts on wall time:
 * "reported at once" is read from the step's reason (a final answer names the output that said
 * so; a deadline says "within N s").
 */
import type { Device } from '../../../src/device';
import type { SimDeviceSpec } from '../../../src/simulator';
import { useConvergeLab } from '../../helpers/converge-lab';
import { CSLU_RETRY_MS } from '../../../src/simulator/licensing-agent';
import { convergeHost } from '../../../src/converge/converge-host';
import type { DesiredSlp } from '../../../src/converge/desired';
import { runCheck } from '../../../src/verify/verify';
import { TrustInstallError } from '../../../src/converge/apply';

const TOKEN = 'TGFiVG9rZW4tZmFrZS1hYmNkZWZnaGlqMDEyMzQ1Njc4OS1sYWItb25seS0y%0AYWJjZGVmfExhYlRva2VuRm9yVGVzdHNOb3RSZWFs%0AWTI9%3D%0A';
const credentials = { username: 'admin', password: 'admin', enableSecret: 'lab-enable' };
const SUP = { pid: 'C9407R', serial: 'FXS2119Q2U7' };
const SPECS: SimDeviceSpec[] = [
  { name: 'sw-hard', port: 0, credentials, sim: { platform: 'C9300-48UN', profile: 'hardened' } },
  { name: 'sw-warn', port: 0, credentials, sim: { platform: 'C9300-48UN', members: 2 } },
  { name: 'sw-cslu', port: 0, credentials, sim: { platform: 'C9300-48UN', cslu_failures_hours: 3 } },
  { name: 'sw-retry', port: 0, credentials, sim: { platform: 'C9300-48UN', faults: { cssm_fail_attempts: 1 } } },
  { name: 'sw-badtoken', port: 0, credentials, sim: { platform: 'C9300-48UN', faults: { token: 'invalid' } } },
  { name: 'sw-stack', port: 0, credentials, sim: { platform: 'C9300-48UN', members: 3 } },
  { name: 'sw-sup', port: 0, credentials, sim: { members: [SUP, SUP] } },
  { name: 'sw-dns', port: 0, credentials, sim: { platform: 'C9300-24P' } },
  { name: 'sw-purge', port: 0, credentials, sim: { platform: 'C9300-24P' } },
];

const DESIRED: DesiredSlp = {
  transport: 'smart',
  url: 'default',
  http_client_source_interface: 'Vlan10',
  dns: { lookup: true, servers: ['10.31.104.74'], source_interface: 'Vlan10' },
  trust: { token: TOKEN, scope: 'all' },
  sync: true,
};

const lab = useConvergeLab(SPECS, { credentials, token: TOKEN, waitMs: 20_000 });
const { opts } = lab;
const connect = (name: string): Promise<Device> => lab.connect(name);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const installedAt = (name: string): (number | undefined)[] => lab.fleet.device(name).state.licensing.trust.map((t) => t.installedAt);

describe('trust and sync waits read the device state', () => {
  it('converges a hardened switch (no logging monitor, transport output none): no syslog reaches the vty', async () => {
    const device = await connect('sw-hard');
    expect(lab.fleet.device('sw-hard').runningConfig()).toMatch(/^no logging monitor$/m);
    const result = await convergeHost(device, DESIRED, opts('sw-hard'));
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ trust: { status: 'installed', events: [], decidedBy: 'show license status: Trust Code Installed' }, sync: { status: 'reported' } });
    expect(lab.fleet.device('sw-hard').trustInstalled()).toEqual([true]);
  });

  it('converges a stack whose vty gets warnings only (logging monitor warnings): the success message never shows', async () => {
    const device = await connect('sw-warn');
    await device.configure(['logging monitor warnings']);
    const result = await convergeHost(device, DESIRED, opts('sw-warn'));
    expect(result.error).toBeUndefined();
    expect(result.trust).toMatchObject({ status: 'installed', events: [] });
    expect(lab.fleet.device('sw-warn').trustInstalled()).toEqual([true, true]);
  });

  it('a default switch with hourly CSLU failures before the run converges; the failures are not read as a trust failure', async () => {
    const device = await connect('sw-cslu');
    const handle = lab.fleet.device('sw-cslu');
    expect(handle.state.logBuffer.filter((l) => l.includes('(CSLU) : Unable to resolve'))).toHaveLength(3);
    // One more hour: this one reaches the open session (terminal monitor) before the run starts.
    handle.advanceClock(CSLU_RETRY_MS);
    expect(handle.state.logBuffer.filter((l) => l.includes('(CSLU)'))).toHaveLength(4);
    const result = await convergeHost(device, DESIRED, opts('sw-cslu'));
    expect(result.error).toBeUndefined();
    expect(result.trust?.status).toBe('installed');
    expect(result.trust?.events.some((e) => e.includes('CSLU'))).toBe(false);
  });

  it('an agent retry after a failed attempt, then success: the failure is not final, the retry installs', async () => {
    const device = await connect('sw-retry');
    const handle = lab.fleet.device('sw-retry');
    const stats = () => handle.state.licensing.stats['Trust Establishment'];
    const run = convergeHost(device, DESIRED, opts('sw-retry', { trustTimeoutMs: 60_000 }));
    // The agent re-sends a failed trust request 30 s later (reference §2.1): move the switch's clock.
    for (let i = 0; i < 400 && stats().fail === 0; i++) await sleep(25);
    expect(stats().fail).toBe(1);
    handle.advanceClock(30_000);
    const result = await run;
    expect(result.error).toBeUndefined();
    expect(result.trust?.status).toBe('installed');
    expect(result.trust?.events.some((e) => /COMM_FAILED: .*\(CSSM\) : Connection timed out/.test(e))).toBe(true);
    expect(stats()).toMatchObject({ total: 2, success: 1, fail: 1 });
  });

  it('CSSM refusing the token is a final answer: reported at once with where the switch said it, not at the deadline', async () => {
    const device = await connect('sw-badtoken');
    const result = await convergeHost(device, DESIRED, opts('sw-badtoken', { trustTimeoutMs: 600_000 }));
    expect(result.error).toBeInstanceOf(TrustInstallError);
    // A deadline would read "… within 600 s"; this reason comes from the history message.
    expect(result.error?.message).toMatch(/^sw-badtoken: trust install failed: CSSM answered the trust request with FAILED: .+ \(show license history message: Trust Establishment RESPONSE .+\)$/);
    expect(result.trust).toMatchObject({ status: 'failed' });
    expect(result.saved).toBe(false);
  });

  it('force reinstall on a stack: every member shows a newer trust code', async () => {
    const device = await connect('sw-stack');
    expect((await convergeHost(device, DESIRED, opts('sw-stack'))).error).toBeUndefined();
    const first = installedAt('sw-stack');
    lab.fleet.device('sw-stack').advanceClock(60_000); // licensing dates print whole seconds
    const forced = await convergeHost(device, { ...DESIRED, trust: { token: TOKEN, scope: 'all', force: true } }, opts('sw-stack'));
    expect(forced.error).toBeUndefined();
    expect(forced.plan?.trust).toMatchObject({ action: 'install', force: true });
    expect(forced.trust?.status).toBe('installed');
    installedAt('sw-stack').forEach((t, i) => expect(t!).toBeGreaterThan(first[i]!));
  });

  it('force reinstall on a dual-supervisor chassis (one serial for both): each supervisor is seen, trust and verify', async () => {
    const device = await connect('sw-sup');
    const udi = (await device.run('show license udi')).output;
    expect(udi).toContain('Active:PID:C9407R,SN:FXS2119Q2U7');
    expect(udi).toContain('Standby:PID:C9407R,SN:FXS2119Q2U7');
    expect((await convergeHost(device, DESIRED, opts('sw-sup'))).error).toBeUndefined();
    const first = installedAt('sw-sup');
    lab.fleet.device('sw-sup').advanceClock(60_000);
    const forced = await convergeHost(device, { ...DESIRED, trust: { token: TOKEN, scope: 'all', force: true } }, opts('sw-sup'));
    expect(forced.error).toBeUndefined();
    expect(forced.trust?.status).toBe('installed');
    installedAt('sw-sup').forEach((t, i) => expect(t!).toBeGreaterThan(first[i]!));
    const check = await runCheck(device, { trust_installed: true }, DESIRED, {});
    expect(check).toMatchObject({ passed: true, message: 'trust code installed on all 2 members' });
    expect(check.evidence.filter((l) => l.includes('Standby: PID:C9407R,SN:FXS2119Q2U7 INSTALLED'))).toHaveLength(1);
  });
});

describe('replaced and shared settings (slp.purge)', () => {
  const SHARED = ['ip name-server 10.9.9.9 10.9.9.8', 'ip domain name corp.example.com', 'ip http client source-interface GigabitEthernet0/0'];
  const lines = (name: string, re: RegExp): string[] => lab.fleet.device(name).runningConfig().split('\n').filter((l) => re.test(l));

  it('a play without purge leaves the name servers, domain name and HTTP client source interface others use', async () => {
    const device = await connect('sw-dns');
    await device.configure(SHARED);
    const play: DesiredSlp = { ...DESIRED, http_client_source_interface: undefined, trust: undefined, sync: false };
    const result = await convergeHost(device, play, opts('sw-dns'));
    expect(result.error).toBeUndefined();
    expect(result.plan?.commands).toEqual(['license smart transport smart', 'ip name-server 10.31.104.74', 'ip domain lookup source-interface Vlan10']);
    expect(lines('sw-dns', /^ip name-server /)).toEqual(['ip name-server 10.9.9.9 10.9.9.8 10.31.104.74']);
    expect(lines('sw-dns', /^ip domain name |^ip http client source-interface /)).toEqual(['ip domain name corp.example.com', 'ip http client source-interface GigabitEthernet0/0']);
  });

  it('purge removes exactly the fields it names', async () => {
    const device = await connect('sw-purge');
    await device.configure(SHARED);
    const play: DesiredSlp = { ...DESIRED, http_client_source_interface: undefined, trust: undefined, sync: false, purge: ['dns.servers', 'dns.domain'] };
    const result = await convergeHost(device, play, opts('sw-purge'));
    expect(result.error).toBeUndefined();
    expect(result.plan?.lines.filter((l) => l.kind === 'remove')).toEqual([
      { line: 'no ip domain name corp.example.com', kind: 'remove', cause: 'slp.dns.domain (absent)' },
      { line: 'no ip name-server 10.9.9.9', kind: 'remove', cause: 'slp.dns.servers (not listed; slp.purge)' },
      { line: 'no ip name-server 10.9.9.8', kind: 'remove', cause: 'slp.dns.servers (not listed; slp.purge)' },
    ]);
    expect(lines('sw-purge', /^ip name-server /)).toEqual(['ip name-server 10.31.104.74']);
    expect(lines('sw-purge', /^ip domain name /)).toEqual([]);
    // Not named in purge: kept.
    expect(lines('sw-purge', /^ip http client source-interface /)).toEqual(['ip http client source-interface GigabitEthernet0/0']);
  });
});
