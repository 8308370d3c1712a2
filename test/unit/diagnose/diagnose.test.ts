/**
 * The pure decision table: evidence parsed from realistic outputs → one cause with its proof.
 * Then diagnoseHost over a scripted device, for the commands the guide's tree runs.
 */
import {
  parsePing, parseShowClock, parseShowIpInterfaceBrief, parseShowNtpStatus, parseShowLicenseEventlog, parseShowLicenseHistoryMessage, parseShowLicenseStatus,
  parseShowLicenseTechSupport, parseShowLogging, parseShowRunningConfig, parseShowVersion, parseTelnet,
} from '../../../src/parsers';
import { diagnose, diagnoseHost } from '../../../src/diagnose/diagnose';
import { DIAGNOSIS_RULES } from '../../../src/diagnose/rules';
import type { Evidence } from '../../../src/verify/evidence';
import { probeTarget, type Probe } from '../../../src/verify/probes';
import { ScriptedDevice } from '../../helpers/scripted-device';
import * as o from '../verify/outputs';

interface Outputs {
  version?: string; status?: string; tech?: string; eventlog?: string; logging?: string; history?: string;
  clock?: string; config?: string; ping?: string; telnet?: string; interfaces?: string; ntp?: string;
}

const HEALTHY: Required<Omit<Outputs, 'interfaces' | 'ntp'>> = {
  version: o.VERSION_179, status: o.STATUS_HEALTHY, tech: o.TECH_OK, eventlog: o.EVENTLOG_TIMEOUT_RESTORED, logging: o.LOGGING_CLEAN,
  history: o.HISTORY_ANSWERED, clock: o.CLOCK_OK, config: o.RUN_CONFIG, ping: o.PING_OK, telnet: o.TELNET_OPEN,
};

function evidence(over: Outputs): Evidence {
  const x = { ...HEALTHY, ...over };
  const status = parseShowLicenseStatus(x.status).value;
  const config = parseShowRunningConfig(x.config).value.slp;
  const target = probeTarget(status, config);
  const probes: Probe[] = [
    { kind: 'ping', command: target.via === 'proxy' ? o.PING_PROXY : o.PING_CSSM, target, ping: parsePing(x.ping).value },
    { kind: 'telnet', command: target.via === 'proxy' ? o.TELNET_PROXY : o.TELNET_CSSM, target, telnet: parseTelnet(x.telnet).value },
  ];
  const rc = parseShowRunningConfig(x.config).value;
  return {
    ...(over.interfaces ? { interfaces: parseShowIpInterfaceBrief(over.interfaces).value.interfaces } : {}),
    ...(over.ntp ? { ntp: parseShowNtpStatus(over.ntp).value } : {}),
    configTree: rc.tree,
    version: parseShowVersion(x.version).value, status, config, probes,
    techSupport: parseShowLicenseTechSupport(x.tech).value, eventlog: parseShowLicenseEventlog(x.eventlog).value,
    logging: parseShowLogging(x.logging).value, history: parseShowLicenseHistoryMessage(x.history).value, clock: parseShowClock(x.clock).value,
  };
}

const NOT_TRUSTED = { status: o.STATUS_NO_TRUST, tech: o.TECH_NO_REPLY, history: o.HISTORY_EMPTY };

/** A whole running-config (hostname, SLA-TrustPoint as IOS XE creates it, interfaces). */
const FULL_CONFIG = [
  'Building configuration...', '', 'Current configuration : 4200 bytes', '!', 'version 17.9', 'hostname Switch', '!',
  'crypto pki trustpoint SLA-TrustPoint', ' enrollment pkcs12', ' revocation-check crl', '!',
  'ip name-server 10.31.104.74', 'ip domain lookup source-interface Vlan10', 'ip http client source-interface Vlan10', '!',
  'license smart transport smart', 'license smart url default', '!',
  'interface GigabitEthernet0/0', ' vrf forwarding Mgmt-vrf', ' ip address 192.168.100.10 255.255.255.0', '!',
  'interface Vlan10', ' ip address 10.31.121.118 255.255.255.192', '!', 'end', '',
].join('\n');

function brief(iface: string, ip: string, status: string, protocol: string): string {
  return ['Interface              IP-Address      OK? Method Status                Protocol',
    `${iface.padEnd(23)}${ip.padEnd(16)}YES NVRAM  ${status.padEnd(22)}${protocol}`, ''].join('\n');
}

/** The event log with one CSSM failure after the last success of TECH_OK/TECH_NO_REPLY. */
const failEvent = (error: string): string => `${o.EVENTLOG_CLEAN.trimEnd()}\n2025-01-24 23:30:00.000 UTC SAEVT_COMM_FAIL error="${error}"\n`;

const TABLE: [string, Outputs, string, string[]][] = [
  ['healthy (an old, restored failure does not count)', {}, 'healthy', [
    'show license status: Trust Code Installed: 2 of 2 members',
    expect.stringMatching(/^show license tech support: Trust Sync: Attempts: Total=2, Success=2/),
  ] as string[]],
  ['IOS XE 17.3', { version: o.VERSION_173 }, 'unsupported_release', ['show version: C9300-48UN Cisco IOS XE Software, Version 17.03.05']],
  ['transport cslu', { status: o.STATUS_CSLU }, 'not_configured', ['show license status: Transport: Type: cslu']],
  ['name not resolved', { ...NOT_TRUSTED, config: o.RUN_CONFIG_NO_DNS, eventlog: o.EVENTLOG_DNS, ping: o.PING_UNRESOLVED, telnet: 'Translating "smartreceiver.cisco.com"...domain server (255.255.255.255)\n% Bad IP address or host name\n' }, 'dns_resolution_failure', [
    'ping smartreceiver.cisco.com source Vlan10: % Unrecognized host or address, or protocol not running.',
    'show license eventlog: 2025-01-24 23:19:35.341 UTC SAEVT_COMM_FAIL error="Unable to resolve server hostname/domain name"',
    'show running-config: (no ip name-server in the global table)',
  ]],
  ['proxy times out', { ...NOT_TRUSTED, status: o.STATUS_PROXY, ping: o.PING_LOST, telnet: o.TELNET_PROXY_TIMEOUT, eventlog: o.EVENTLOG_RECENT_TIMEOUT }, 'proxy_unreachable', [
    'ping 192.168.217.105 source Vlan10: Success rate is 0 percent (0/5)',
    'telnet 192.168.217.105 80 /ipv4 /source-interface Vlan10: % Connection timed out; remote host not responding',
  ]],
  ['proxy refuses the port', { ...NOT_TRUSTED, status: o.STATUS_PROXY, telnet: o.TELNET_PROXY_REFUSED, eventlog: o.EVENTLOG_RECENT_TIMEOUT }, 'connection_timed_out', [
    'telnet 192.168.217.105 80 /ipv4 /source-interface Vlan10: % Connection refused by remote host',
    'show license status: Transport: Proxy: Address: 192.168.217.105 Port: 80',
  ]],
  ['CSSM 443 times out', { ...NOT_TRUSTED, telnet: o.TELNET_TIMEOUT, eventlog: o.EVENTLOG_RECENT_TIMEOUT, logging: o.LOGGING_COMM_FAILED }, 'connection_timed_out', [
    'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10: % Connection timed out; remote host not responding',
    'show license eventlog: 2025-01-24 23:19:35.341 UTC SAEVT_COMM_FAIL error="Connection timed out"',
  ]],
  ['clock never set', { ...NOT_TRUSTED, clock: o.CLOCK_UNSET, logging: o.LOGGING_CLOCK }, 'clock_not_set', [
    'show clock: *00:12:09.310 UTC Mon Mar 1 1993',
    expect.stringContaining('Certificate validation failed, the system clock is not set.'),
  ] as string[]],
  ['no reply', { ...NOT_TRUSTED, history: o.HISTORY_NO_REPLY }, 'no_reply_from_cssm', [
    'show license history message: Trust Establishment: REQUEST: 2025-01-24T23:19:05.000Z (ID_TOKEN_TRUST) → RESPONSE: 2025-01-24T23:19:05.000Z (empty: no reply)',
    expect.stringMatching(/Trust Establishment: Last Response: NO REPLY on 2025-01-24T23:19:35.000Z/),
  ] as string[]],
  ['token expired', { ...NOT_TRUSTED, tech: o.TECH_TOKEN_FAILED, logging: o.LOGGING_TOKEN }, 'invalid_or_expired_token', [
    'show logging: Jan 24 23:19:05.144: %SMART_LIC-3-TRUST_CODE_INSTALL_FAILED: The install of a new licensing trust code has failed on P:C9300-48UN,S:FOC2345X0AB: The ID token has expired.',
  ]],
  ['no trust yet', { ...NOT_TRUSTED, tech: o.TECH_OK.replace(/Trust Establishment:\n  Attempts: Total=1, Success=1/, 'Trust Establishment:\n  Attempts: Total=0, Success=0') }, 'trust_not_installed', ['show license status: Trust Code Installed: <none>']],
  ['one stack member lacks trust', { status: o.STATUS_ONE_MEMBER }, 'trust_not_installed', [
    'show license status: Trust Code Installed: 1 of 2 members',
    'show license status: Trust Code Installed: Standby: PID:C9300-48UN,SN:FOC2345X0CD NOT INSTALLED',
  ]],
  // Reference §4.1 "Server-side error" row [C GP]: an answer, not a refusal of the token.
  ['CSSM answers OK_TRY_AGAIN with a server error', { tech: o.TECH_SYNC_FAILING }, 'cssm_server_error', [
    'show license tech support: Trust Sync: Last Response: OK_TRY_AGAIN on 2025-01-24T23:39:14.000Z; Failure Reason: Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT; Last Success Time: 2025-01-24T23:19:50.000Z',
  ]],
  ['the HTTP client source interface is shut down', { ...NOT_TRUSTED, config: FULL_CONFIG, interfaces: brief('Vlan10', '10.31.121.118', 'administratively down', 'down') }, 'source_interface_unusable', [
    'show running-config: ip http client source-interface Vlan10',
    'show ip interface brief: Vlan10 10.31.121.118 YES NVRAM administratively down down',
  ]],
  ['the source interface has no address', { ...NOT_TRUSTED, config: FULL_CONFIG, interfaces: brief('Vlan10', 'unassigned', 'up', 'up') }, 'source_interface_unusable', [
    'show ip interface brief: Vlan10 unassigned YES NVRAM up up',
  ]],
  ['the source interface is in another VRF than license smart vrf', { ...NOT_TRUSTED, config: FULL_CONFIG.replace('\ninterface Vlan10\n', '\ninterface Vlan10\n vrf forwarding Mgmt-vrf\n') }, 'source_interface_unusable', [
    'show running-config: interface Vlan10: vrf forwarding Mgmt-vrf',
    'show license status: Transport: VRF: <empty> (global table)',
  ]],
  ['the proxy asks for authentication (HTTP 407)', { ...NOT_TRUSTED, status: o.STATUS_PROXY, ping: o.PING_OK, telnet: o.TELNET_PROXY_OPEN, eventlog: failEvent('HTTP error 407 Proxy Authentication Required') }, 'proxy_refused', [
    'show license status: Transport: Proxy: Address: 192.168.217.105 Port: 80',
    'show license eventlog: 2025-01-24 23:30:00.000 UTC SAEVT_COMM_FAIL error="HTTP error 407 Proxy Authentication Required"',
  ]],
  ['SLA-TrustPoint removed from the running-config', { ...NOT_TRUSTED, config: FULL_CONFIG.replace(/crypto pki trustpoint SLA-TrustPoint\n[^!]*/, ''), history: o.HISTORY_NO_REPLY }, 'tls_pki_failure', [
    'show running-config: (no crypto pki trustpoint SLA-TrustPoint)',
  ]],
  ['ip http client secure-trustpoint overrides SLA-TrustPoint', { ...NOT_TRUSTED, config: FULL_CONFIG.replace('ip http client source-interface Vlan10', 'ip http client source-interface Vlan10\nip http client secure-trustpoint TP-self-signed-1'), history: o.HISTORY_NO_REPLY }, 'tls_pki_failure', [
    'show running-config: ip http client secure-trustpoint TP-self-signed-1',
  ]],
  ['CRL fetch fails for SLA-TrustPoint', { ...NOT_TRUSTED, config: FULL_CONFIG, history: o.HISTORY_NO_REPLY, logging: o.LOGGING_CLEAN.trimEnd() + '\nJan 24 23:19:30.000: %PKI-3-CRL_FETCH_FAIL: CRL fetch for trustpoint SLA-TrustPoint failed\n' }, 'tls_pki_failure', [
    'show running-config: crypto pki trustpoint SLA-TrustPoint: revocation-check crl',
    'show logging: Jan 24 23:19:30.000: %PKI-3-CRL_FETCH_FAIL: CRL fetch for trustpoint SLA-TrustPoint failed',
  ]],
  ['the server answers with an empty response', { ...NOT_TRUSTED, eventlog: failEvent('Received empty response from server') }, 'empty_response_from_server', [
    'show license eventlog: 2025-01-24 23:30:00.000 UTC SAEVT_COMM_FAIL error="Received empty response from server"',
    'show license status: Transport: URL: https://smartreceiver.cisco.com/licservice/license',
  ]],
  ['the Next ACK deadline has passed', { status: o.STATUS_OLD_ACK }, 'reporting_overdue', [
    'show license status: Usage Reporting: Next ACK deadline: 2025-01-01T10:00:00.000Z',
  ]],
];

describe('diagnose: account, clock and old failures', () => {
  const acct = (va: string): string => o.STATUS_HEALTHY.replace('Transport:', `Account Information:\n  Smart Account: BU Production Test As of Jan 24 23:19:05 2025 UTC\n  Virtual Account: ${va}\n\nTransport:`);

  it('the switch reports to another Virtual Account than the play expects: wrong_account', () => {
    const d = diagnose(evidence({ status: acct('Lab-VA') }), { now: o.NOW, expectedAccount: { smart_account: 'BU Production Test', virtual_account: 'Cat9K-Prod' } });
    expect(d.cause).toBe('wrong_account');
    expect(d.evidence).toEqual(['show license status: Smart Account: BU Production Test; Virtual Account: Lab-VA']);
    expect(diagnose(evidence({ status: acct('Cat9K-Prod') }), { now: o.NOW, expectedAccount: { virtual_account: 'Cat9K-Prod' } }).cause).toBe('healthy');
  });

  it('"Connection timed out" on a switch whose clock is unset is connection_timed_out, not the clock', () => {
    // The old rule matched "time" in "timed out". The timeout is in the event log and the TCP
    // probe; the unset clock (`*`) alone proves nothing about this failure.
    const d = diagnose(evidence({ ...NOT_TRUSTED, clock: '*23:40:00.000 UTC Fri Jan 24 2025\n', telnet: o.TELNET_TIMEOUT, eventlog: o.EVENTLOG_RECENT_TIMEOUT }), { now: o.NOW });
    expect(d.cause).toBe('connection_timed_out');
    // Offline (no probe), only the event log: still the timeout.
    const offline = diagnose({ ...evidence({ ...NOT_TRUSTED, clock: '*23:40:00.000 UTC Fri Jan 24 2025\n', eventlog: failEvent('Connection timed out') }), probes: [] }, { now: o.NOW, offline: { notInCapture: ['ping', 'telnet'] } });
    expect(offline.cause).toBe('connection_timed_out');
  });

  it.each([
    ['IST (Israel, +2)', 'IST', 2, '01:40:00.000 IST Sat Jan 25 2025'],
    ['IST (India, +5:30)', 'IST', 5.5, '05:10:00.000 IST Sat Jan 25 2025'],
    ['AST (Atlantic, -4)', 'AST', -4, '19:40:00.000 AST Fri Jan 24 2025'],
    ['AST (Arabia, +3)', 'AST', 3, '02:40:00.000 AST Sat Jan 25 2025'],
    ['CST (China, +8)', 'CST', 8, '07:40:00.000 CST Sat Jan 25 2025'],
  ])('a clock set correctly in %s is not flagged: the offset comes from clock timezone', (_n, zone, hours, shown) => {
    const h = Math.trunc(hours);
    const tz = `clock timezone ${zone} ${h} ${Math.round(Math.abs(hours - h) * 60)}`;
    const d = diagnose(evidence({ clock: `${shown}\n`, config: o.RUN_CONFIG.replace('hostname Switch', `hostname Switch\n${tz}`) }), { now: o.NOW });
    expect(d.cause).toBe('healthy');
  });

  it('a zone with no clock timezone line to read its offset from: skew unknown, not flagged', () => {
    const d = diagnose(evidence({ clock: '05:10:00.000 IST Sat Jan 25 2025\n' }), { now: o.NOW });
    expect(d.cause).toBe('healthy');
  });

  it('a clock hours off with its zone known is clock_not_set', () => {
    const d = diagnose(evidence({ ...NOT_TRUSTED, clock: '13:40:00.000 IST Fri Jan 24 2025\n', config: o.RUN_CONFIG.replace('hostname Switch', 'hostname Switch\nclock timezone IST 5 30'), history: o.HISTORY_NO_REPLY }), { now: o.NOW });
    expect(d.cause).toBe('clock_not_set');
    expect(d.summary).toMatch(/^device clock is 16 h off/); // 13:40 IST at +5:30 is 08:10 UTC, 15.5 h before 23:40 UTC
  });

  it('CSLU failures from before the conversion and failures before the window do not count', () => {
    const log = o.LOGGING_CLEAN.trimEnd() + '\nJan 24 23:30:00.000: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name\n';
    const ev = o.EVENTLOG_CLEAN.trimEnd() + '\n2025-01-24 23:30:00.000 UTC SAEVT_COMM_FAIL error="Unable to resolve server hostname/domain name"\n';
    expect(diagnose(evidence({ logging: log, eventlog: ev }), { now: o.NOW }).cause).toBe('healthy');
    const cssm = failEvent('Connection timed out');
    expect(diagnose(evidence({ eventlog: cssm }), { now: o.NOW, since: new Date('2025-01-24T23:35:00Z') }).cause).toBe('healthy');
  });
});

describe('diagnose (pure decision table)', () => {
  it.each(TABLE)('%s → %s', (_name, outputs, cause, lines) => {
    const d = diagnose(evidence(outputs), { now: o.NOW });
    expect(d.cause).toBe(cause);
    expect(d.evidence).toEqual(expect.arrayContaining(lines));
    expect(d.remedy).not.toBe('');
    expect(d.steps[d.steps.length - 1]).toMatch(new RegExp(`: found — .* \\(${cause}\\)$`));
  });

  it('every cause of the rule table is reached by some row above', () => {
    const reached = new Set([...TABLE.map((r) => r[2]), 'wrong_account']);
    expect(DIAGNOSIS_RULES.map((r) => r.cause).filter((c) => !reached.has(c))).toEqual([]);
  });

  it('nothing matches: unknown, with everything gathered', () => {
    // Trust installed, TCP open, CSSM answered — yet a current COMM_FAIL with a reason no row knows
    // (FN72578's "Communications failure"): no row names it, so the evidence is listed for a person.
    const log = o.EVENTLOG_CLEAN.trimEnd() + '\n2025-01-24 23:39:30.000 UTC SAEVT_COMM_FAIL error="Communications failure"\n';
    const d = diagnose(evidence({ eventlog: log }), { now: o.NOW });
    expect(d.cause).toBe('unknown');
    expect(d.evidence).toEqual(expect.arrayContaining([
      'show license eventlog: 2025-01-24 23:39:30.000 UTC SAEVT_COMM_FAIL error="Communications failure"',
      'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10: Open',
      'show license status: Transport: Type: Smart',
    ]));
  });
});

describe('diagnoseHost', () => {
  it('runs the guide’s commands in order, then ping and telnet from the source interface', async () => {
    const device = new ScriptedDevice({
      'show version': o.VERSION_179, 'show license status': o.STATUS_HEALTHY, 'show running-config': o.RUN_CONFIG, 'show clock detail': o.CLOCK_OK,
      'show license eventlog 7': o.EVENTLOG_CLEAN, 'show logging': o.LOGGING_CLEAN, 'show license history message': o.HISTORY_ANSWERED,
      'show license tech support': o.TECH_OK, [o.PING_CSSM]: o.PING_OK, [o.TELNET_CSSM]: o.TELNET_OPEN,
    });
    const d = await diagnoseHost(device, { clock: { now: () => o.NOW, sleep: async () => undefined } });
    expect(d.cause).toBe('healthy');
    expect(device.log).toEqual([
      'show version', 'show license status', 'show running-config', 'show ip interface brief', 'show clock detail', 'show ntp status',
      'show license eventlog 7', 'show logging', 'show license history message', 'show license tech support', o.PING_CSSM, o.TELNET_CSSM,
    ]);
  });
  it('explaining a change (slp run): a failure from before the change does not count', async () => {
    // Device clock 23:45; the change started 2 minutes ago on the runner's clock; the failure
    // (23:39:30, after the last success) is older than the change, so it is not the explanation.
    const log = o.EVENTLOG_CLEAN.trimEnd() + '\n2025-01-24 23:39:30.000 UTC SAEVT_COMM_FAIL error="Communications failure"\n';
    const script = {
      'show version': o.VERSION_179, 'show license status': o.STATUS_HEALTHY, 'show running-config': o.RUN_CONFIG, 'show clock detail': '23:45:00.000 UTC Fri Jan 24 2025\nTime source is NTP\n',
      'show license eventlog 7': log, 'show logging': o.LOGGING_CLEAN, 'show license history message': o.HISTORY_ANSWERED,
      'show license tech support': o.TECH_OK, [o.PING_CSSM]: o.PING_OK, [o.TELNET_CSSM]: o.TELNET_OPEN,
    };
    const clock = { now: () => o.NOW, sleep: async () => undefined };
    expect((await diagnoseHost(new ScriptedDevice(script), { clock })).cause).toBe('unknown');
    expect((await diagnoseHost(new ScriptedDevice(script), { clock, changedMsAgo: 120_000 })).cause).toBe('healthy');
  });

  it('an unsupported release is diagnosed from show version alone', async () => {
    const device = new ScriptedDevice({ 'show version': o.VERSION_173 });
    const d = await diagnoseHost(device);
    expect(d).toMatchObject({ cause: 'unsupported_release', summary: 'IOS XE 17.03.05 is older than 17.9.1 (Smart Licensing Using Policy over Smart Transport needs 17.9.1 or later)' });
    expect(device.log).toEqual(['show version']);
  });
});
