/**
 * The pure decision table: evidence parsed from realistic outputs → one cause with its proof.
 * Then diagnoseHost over a scripted device, for the commands the guide's tree runs.
 */
import {
  parsePing, parseShowClock, parseShowLicenseEventlog, parseShowLicenseHistoryMessage, parseShowLicenseStatus,
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
  clock?: string; config?: string; ping?: string; telnet?: string;
}

const HEALTHY: Required<Outputs> = {
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
  return {
    version: parseShowVersion(x.version).value, status, config, probes,
    techSupport: parseShowLicenseTechSupport(x.tech).value, eventlog: parseShowLicenseEventlog(x.eventlog).value,
    logging: parseShowLogging(x.logging).value, history: parseShowLicenseHistoryMessage(x.history).value, clock: parseShowClock(x.clock).value,
  };
}

const NOT_TRUSTED = { status: o.STATUS_NO_TRUST, tech: o.TECH_NO_REPLY, history: o.HISTORY_EMPTY };

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
];

describe('diagnose (pure decision table)', () => {
  it.each(TABLE)('%s → %s', (_name, outputs, cause, lines) => {
    const d = diagnose(evidence(outputs), { now: o.NOW });
    expect(d.cause).toBe(cause);
    expect(d.evidence).toEqual(expect.arrayContaining(lines));
    expect(d.remedy).not.toBe('');
    expect(d.steps[d.steps.length - 1]).toMatch(new RegExp(`: found — .* \\(${cause}\\)$`));
  });

  it('every cause of the rule table is reached by some row above', () => {
    const reached = new Set(TABLE.map((r) => r[2]));
    expect(DIAGNOSIS_RULES.map((r) => r.cause).filter((c) => !reached.has(c))).toEqual([]);
  });

  it('nothing matches: unknown, with everything gathered', () => {
    // Trust installed, TCP open, CSSM answered — yet a current COMM_FAIL with a reason no row knows
    // (FN72578's "Communications failure"): no row names it, so the evidence is listed for a person.
    const log = o.EVENTLOG_CLEAN.trimEnd() + '\n2025-01-24 23:30:00.000 UTC SAEVT_COMM_FAIL error="Communications failure"\n';
    const d = diagnose(evidence({ eventlog: log }), { now: o.NOW });
    expect(d.cause).toBe('unknown');
    expect(d.evidence).toEqual(expect.arrayContaining([
      'show license eventlog: 2025-01-24 23:30:00.000 UTC SAEVT_COMM_FAIL error="Communications failure"',
      'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10: Open',
      'show license status: Transport: Type: Smart',
    ]));
  });
});

describe('diagnoseHost', () => {
  it('runs the guide’s commands in order, then ping and telnet from the source interface', async () => {
    const device = new ScriptedDevice({
      'show version': o.VERSION_179, 'show license status': o.STATUS_HEALTHY, 'show running-config': o.RUN_CONFIG, 'show clock': o.CLOCK_OK,
      'show license eventlog 7': o.EVENTLOG_CLEAN, 'show logging': o.LOGGING_CLEAN, 'show license history message': o.HISTORY_ANSWERED,
      'show license tech support': o.TECH_OK, [o.PING_CSSM]: o.PING_OK, [o.TELNET_CSSM]: o.TELNET_OPEN,
    });
    const d = await diagnoseHost(device, { clock: { now: () => o.NOW, sleep: async () => undefined } });
    expect(d.cause).toBe('healthy');
    expect(device.log).toEqual([
      'show version', 'show license status', 'show running-config', 'show clock', 'show license eventlog 7', 'show logging',
      'show license history message', 'show license tech support', o.PING_CSSM, o.TELNET_CSSM,
    ]);
  });
  it('an unsupported release is diagnosed from show version alone', async () => {
    const device = new ScriptedDevice({ 'show version': o.VERSION_173 });
    const d = await diagnoseHost(device);
    expect(d).toMatchObject({ cause: 'unsupported_release', summary: 'IOS XE 17.03.05 is older than 17.9.1 (Smart Licensing Using Policy over Smart Transport needs 17.9.1 or later)' });
    expect(device.log).toEqual(['show version']);
  });
});
