/**
 * Every fault the simulated lab can inject, diagnosed through the real driver as its own cause,
 * with the device lines that prove it; a converged switch is diagnosed healthy. 127.0.0.1 only.
 */
import type { Device } from '../../../src/device';
import { diagnoseHost } from '../../../src/diagnose/diagnose';
import { diagnoseOneHost } from '../../helpers/diagnose-run';
import { installTrust, useDiagnoseLab, seedLines, spec } from './lab';

const LAB_PROXY = { address: '192.168.217.105', port: 80 };

const SPECS = [
  spec('healthy', { members: 2, platform: 'C9300-48UN' }),
  spec('factory'),
  spec('no-trust'),
  spec('dns', { faults: { dns_unreachable: true } }),
  spec('proxy-down', { faults: { proxy: 'down' } }),
  spec('proxy-port', { faults: { proxy: 'wrong_port' } }),
  spec('cssm-timeout', { faults: { cssm: 'timeout' } }),
  spec('cssm-noreply', { faults: { cssm: 'no_reply' } }),
  spec('token-invalid', { faults: { token: 'invalid' } }),
  spec('token-expired', { faults: { token: 'expired' } }),
  spec('clock', { faults: { clock_not_set: true } }),
  spec('old', { version: '17.03.05' }),
  spec('auth', { faults: { auth_failure: true } }),
];

const lab = useDiagnoseLab(SPECS);
const dev = (name: string): Promise<Device> => lab.dev(name);

/** Configures like the seed, installs trust unless told not to, then diagnoses. */
async function diagnoseAfter(name: string, setup: { proxy?: { address: string; port: number }; trust?: boolean; configure?: boolean } = {}) {
  const device = await dev(name);
  if (setup.configure !== false) await device.configure(seedLines(setup.proxy));
  if (setup.trust !== false && setup.configure !== false) await installTrust(device);
  return diagnoseHost(device);
}

describe('slp diagnose against the simulated lab', () => {
  it('a converged stack with trust on both members is healthy', async () => {
    const d = await diagnoseAfter('healthy');
    expect(d.cause).toBe('healthy');
    expect(d.evidence).toContain('show license status: Trust Code Installed: 2 of 2 members');
    expect(d.evidence.some((l) => /^telnet smartreceiver\.cisco\.com 443 \/ipv4 \/source-interface Vlan10: Open$/.test(l))).toBe(true);
  });

  it('a factory-default switch is not configured (transport cslu)', async () => {
    const d = await diagnoseAfter('factory', { configure: false });
    expect(d.cause).toBe('not_configured');
    expect(d.evidence).toContain('show license status: Transport: Type: cslu');
  });

  it('a configured switch without a trust code: trust not installed', async () => {
    const d = await diagnoseAfter('no-trust', { trust: false });
    expect(d.cause).toBe('trust_not_installed');
    expect(d.evidence).toEqual(['show license status: Trust Code Installed: <none>']);
  });

  it('name servers that do not answer: DNS resolution failure', async () => {
    const d = await diagnoseAfter('dns');
    expect(d.cause).toBe('dns_resolution_failure');
    expect(d.evidence).toEqual(expect.arrayContaining([
      'ping smartreceiver.cisco.com source Vlan10: % Unrecognized host or address, or protocol not running.',
      expect.stringMatching(/^show license eventlog: .* SAEVT_COMM_FAIL error="Unable to resolve server hostname\/domain name"$/),
    ]));
  });

  it('the proxy is down: proxy unreachable', async () => {
    const d = await diagnoseAfter('proxy-down', { proxy: LAB_PROXY });
    expect(d.cause).toBe('proxy_unreachable');
    expect(d.evidence).toContain('telnet 192.168.217.105 80 /ipv4 /source-interface Vlan10: % Connection timed out; remote host not responding');
  });

  it('the proxy refuses the configured port: connection timed out, wrong proxy port', async () => {
    const d = await diagnoseAfter('proxy-port', { proxy: LAB_PROXY });
    expect(d.cause).toBe('connection_timed_out');
    expect(d.summary).toBe('proxy 192.168.217.105 refuses port 80: wrong proxy port');
    expect(d.evidence).toEqual(expect.arrayContaining([
      'telnet 192.168.217.105 80 /ipv4 /source-interface Vlan10: % Connection refused by remote host',
      expect.stringMatching(/SAEVT_COMM_FAIL error="Connection timed out"$/),
    ]));
  });

  it('CSSM does not answer TCP: connection timed out', async () => {
    const d = await diagnoseAfter('cssm-timeout');
    expect(d.cause).toBe('connection_timed_out');
    expect(d.evidence).toEqual(expect.arrayContaining([
      'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10: % Connection timed out; remote host not responding',
    ]));
  });

  it('CSSM accepts TCP but never replies: no reply from CSSM', async () => {
    const d = await diagnoseAfter('cssm-noreply');
    expect(d.cause).toBe('no_reply_from_cssm');
    expect(d.evidence).toEqual(expect.arrayContaining([
      expect.stringMatching(/^show license history message: Trust Establishment: REQUEST: .* \(ID_TOKEN_TRUST\) → RESPONSE: .* \(empty: no reply\)$/),
      expect.stringMatching(/Trust Establishment: Last Response: NO REPLY on /),
      'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10: Open',
    ]));
  });

  it.each([
    ['token-invalid', 'The ID token is not valid.'],
    ['token-expired', 'The ID token has expired.'],
  ])('%s: invalid or expired token', async (name, message) => {
    const d = await diagnoseAfter(name);
    expect(d.cause).toBe('invalid_or_expired_token');
    const serial = lab.fleet.device(name).state.members[0]!.serial;
    expect(d.summary).toBe(`CSSM refused the trust token: The install of a new licensing trust code has failed on P:C9300-48P,S:${serial}: ${message}`);
    expect(d.evidence.some((l) => l.includes('%SMART_LIC-3-TRUST_CODE_INSTALL_FAILED') && l.endsWith(message))).toBe(true);
  });

  it('the clock was never set: clock not set', async () => {
    const d = await diagnoseAfter('clock');
    expect(d.cause).toBe('clock_not_set');
    expect(d.evidence[0]).toMatch(/^show clock detail: \*\d\d:\d\d:\d\d\.\d{3} UTC \w{3} Mar \d+ 1993$/);
  });

  it('IOS XE 17.3: unsupported release, diagnosed from show version alone', async () => {
    const d = await diagnoseAfter('old', { configure: false });
    expect(d.cause).toBe('unsupported_release');
    expect(d.steps.filter((s) => s.startsWith('ran: '))).toEqual(['ran: show version']);
  });

  it('login refused: the host is reported unreachable', async () => {
    const { connectDevice } = await import('../../../src/device');
    const report = await diagnoseOneHost('auth', () =>
      connectDevice({ name: 'auth', host: '127.0.0.1', port: lab.fleet.hosts.auth!.port, username: 'admin', password: 'admin', enableSecret: 'lab-enable', hostKeyChecking: 'off', connectTimeoutMs: 5000, commandTimeoutMs: 5000 }),
    );
    expect(report).toMatchObject({ host: 'auth', status: 'unreachable', error: { name: 'AuthError', step: 'connect' } });
    expect(report.error?.message).toMatch(/^auth: authentication failed/);
  });
});
