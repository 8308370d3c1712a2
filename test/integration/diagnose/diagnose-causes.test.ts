/**
 * The causes issue 15 added, each from a lab fault or a lab configuration, diagnosed through the
 * real driver; and the TCP probe on real-switch terms: the far end holds the telnet session open
 * (CSSM and proxies do, reference §3.12 note), hardened vty lines refuse outgoing telnet.
 * 127.0.0.1 only.
 */
import type { Device } from '../../../src/device';
import { diagnoseHost } from '../../../src/diagnose/diagnose';
import { parseShowLicenseHistoryMessage } from '../../../src/parsers';
import { installTrust, useDiagnoseLab, seedLines, spec, syncAndWaitForAck, until } from './lab';

const LAB_PROXY = { address: '192.168.217.105', port: 80 };
const DAY = 86_400_000;

const SPECS = [
  spec('hardened', { vty_transport_output: 'none' }),
  spec('held-proxy'),
  spec('src-down'),
  spec('src-vrf'),
  spec('proxy-407', { faults: { proxy: 'auth_required' } }),
  spec('proxy-tls', { faults: { proxy: 'tls_inspection' } }),
  spec('secure-tp'),
  spec('crl', { faults: { crl_fetch_fail: true } }),
  spec('empty', { faults: { cssm: 'empty_response' } }),
  spec('server-error', { faults: { cssm: 'server_error' } }),
  spec('account'),
  spec('overdue'),
  spec('ist'),
  spec('ast'),
];

const lab = useDiagnoseLab(SPECS);
const dev = (name: string): Promise<Device> => lab.dev(name);

/** Outgoing sessions still open on the switch, over all its vty sessions. */
function outgoingLeft(name: string): number {
  return [...lab.fleet.device(name).state.sessions].reduce((n, s) => n + ((s as { outgoing?: unknown[] }).outgoing?.length ?? 0), 0);
}

async function configured(name: string, extra: string[] = [], opts: { proxy?: typeof LAB_PROXY; trust?: boolean } = {}): Promise<Device> {
  const device = await dev(name);
  await device.configure([...seedLines(opts.proxy), ...extra]);
  if (opts.trust !== false) await installTrust(device);
  return device;
}

describe('the TCP probe on real-switch terms', () => {
  it('a healthy switch with transport output none on its vty comes out healthy, the TCP path said untested', async () => {
    const device = await configured('hardened');
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('healthy');
    expect(d.summary).toMatch(/TCP path untested \(outgoing telnet is refused on the vty/);
    // The refused probe is not even tried: nothing to time out, nothing left open.
    expect(d.steps.some((s) => s.startsWith('ran: telnet'))).toBe(false);
    expect(lab.fleet.device('hardened').runningConfig()).toContain(' transport output none');
  });

  it('a proxy that holds the connection open: the session is suspended and disconnected, none is left', async () => {
    // The lab's far end never closes an open telnet session; a probe that waited for it would
    // never get its prompt back.
    const device = await configured('held-proxy', [], { proxy: LAB_PROXY });
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('healthy');
    expect(d.steps).toEqual(expect.arrayContaining(['ran: telnet 192.168.217.105 80 /ipv4 /source-interface Vlan10', 'ran: disconnect', 'ran: show sessions']));
    expect(d.evidence).toEqual(expect.arrayContaining([
      'telnet 192.168.217.105 80 /ipv4 /source-interface Vlan10: Open',
      'show sessions: % No connections open',
    ]));
    expect(outgoingLeft('held-proxy')).toBe(0);
    // The session is still usable after the probe.
    expect((await device.run('show clock')).output).toMatch(/UTC/);
  });
});

describe('causes added by issue 15, each from the lab', () => {
  it('the HTTP client source interface is shut down: source_interface_unusable', async () => {
    const device = await configured('src-down', [], { trust: false });
    await device.configure(['interface Vlan10', 'shutdown']);
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('source_interface_unusable');
    expect(d.evidence).toEqual(expect.arrayContaining([
      'show running-config: ip http client source-interface Vlan10',
      expect.stringMatching(/^show ip interface brief: Vlan10 10\.31\.121\.118 YES \S+ administratively down down$/),
    ]));
  });

  it('the source interface sits in Mgmt-vrf while licensing uses the global table: source_interface_unusable', async () => {
    const device = await configured('src-vrf', ['ip http client source-interface GigabitEthernet0/0'], { trust: false });
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('source_interface_unusable');
    expect(d.summary).toBe('the HTTP client source interface is unusable: GigabitEthernet0/0 is in VRF Mgmt-vrf but licensing uses the global table');
  });

  it('the proxy answers CONNECT with 407: proxy_refused', async () => {
    const device = await configured('proxy-407', [], { proxy: LAB_PROXY });
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('proxy_refused');
    expect(d.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/SAEVT_COMM_FAIL error="HTTP error 407 Proxy Authentication Required"$/)]));
  });

  it('a TLS-inspecting proxy: tls_pki_failure', async () => {
    const device = await configured('proxy-tls', [], { proxy: LAB_PROXY });
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('tls_pki_failure');
    expect(d.summary).toMatch(/TLS-inspecting proxy/);
  });

  it('ip http client secure-trustpoint points elsewhere: tls_pki_failure', async () => {
    const device = await configured('secure-tp', ['ip http client secure-trustpoint TP-self-signed-1']);
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('tls_pki_failure');
    expect(d.evidence[0]).toBe('show running-config: ip http client secure-trustpoint TP-self-signed-1');
  });

  it('the CRL of SLA-TrustPoint cannot be fetched: tls_pki_failure', async () => {
    const device = await configured('crl');
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('tls_pki_failure');
    expect(d.evidence).toEqual(expect.arrayContaining([
      'show running-config: crypto pki trustpoint SLA-TrustPoint: revocation-check crl',
      expect.stringMatching(/%PKI-3-CRL_FETCH_FAIL: CRL fetch for trustpoint SLA-TrustPoint failed$/),
    ]));
  });

  it('the server behind the URL answers nothing: empty_response_from_server', async () => {
    const device = await configured('empty');
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('empty_response_from_server');
    expect(d.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/SAEVT_COMM_FAIL error="Received empty response from server"$/)]));
  });

  it('CSSM answers OK_TRY_AGAIN with a server error: cssm_server_error (retry later)', async () => {
    const device = await configured('server-error');
    await device.run('license smart sync all');
    await answered(device);
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('cssm_server_error');
    expect(d.remedy).toMatch(/^Nothing to fix on the switch: retry later/);
  });

  it('the switch reports to another Virtual Account than the play expects: wrong_account', async () => {
    const device = await configured('account');
    const d = await diagnoseHost(device, { expectedAccount: { virtual_account: 'Cat9K-Prod' } });
    expect(d.cause).toBe('wrong_account');
    expect(d.evidence).toEqual(['show license status: Smart Account: LAB Smart Account; Virtual Account: LAB-VA']);
    expect((await diagnoseHost(device, { expectedAccount: { virtual_account: 'LAB-VA' } })).cause).toBe('healthy');
  });

  it('no report for longer than the ACK deadline: reporting_overdue', async () => {
    const device = await configured('overdue', ['license smart usage interval 365']);
    await syncAndWaitForAck(device);
    lab.fleet.device('overdue').advanceClock(61 * DAY);
    // Timers that came due (a trust sync) land their answers asynchronously: let them.
    await answered(device);
    const later = { now: () => new Date(Date.now() + 61 * DAY), sleep: async () => undefined };
    const d = await diagnoseHost(device, { clock: later });
    expect(d.cause).toBe('reporting_overdue');
    expect(d.summary).toMatch(/^reporting is overdue: the Next ACK deadline \(.*\) has passed$/);
  });

  it.each([
    ['ist', 'IST 5 30'],
    ['ast', 'AST -4 0'],
  ])('%s: a clock set correctly in a zone whose name means several offsets is not flagged', async (name, tz) => {
    const device = await configured(name, [`clock timezone ${tz}`]);
    expect((await device.run('show clock')).output).toMatch(new RegExp(` ${tz.split(' ')[0]} `));
    const d = await diagnoseHost(device);
    expect(d.cause).toBe('healthy');
  });
});

/** Waits (bounded) until every request in the message history has its RESPONSE line. */
async function answered(device: Device): Promise<void> {
  await until(
    async () => parseShowLicenseHistoryMessage((await device.run('show license history message')).output).value,
    (h) => h.exchanges.every((x) => x.responseAt !== null),
    'the requests to be answered',
  );
}
