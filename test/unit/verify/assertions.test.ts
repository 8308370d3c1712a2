/**
 * Each `verify:` assertion passing and failing, over a scripted device answering with realistic
 * outputs and the real parsers (test/unit/verify/outputs.ts).
 */
import type { VerifyItem } from '../../../src/schema/types.generated';
import type { DesiredSlp } from '../../../src/converge/desired';
import { runCheck } from '../../../src/verify/verify';
import { ScriptedDevice, type Reply } from '../../helpers/scripted-device';
import * as o from './outputs';

const SLP: DesiredSlp = { transport: 'smart', url: 'default', http_client_source_interface: 'Vlan10' };
const clock = { now: () => o.NOW, sleep: async () => undefined };

async function check(item: VerifyItem, script: Record<string, Reply | Reply[]>, slp: DesiredSlp = SLP) {
  const device = new ScriptedDevice({ 'show clock': o.CLOCK_OK, 'show running-config': o.RUN_CONFIG, ...script });
  const r = await runCheck(device, item, slp, { clock });
  return { ...r, log: device.log };
}

describe('trust_installed', () => {
  it('passes when every stack member (by UDI) has a trust code', async () => {
    const r = await check({ trust_installed: true }, { 'show license udi': o.UDI_STACK, 'show license status': o.STATUS_HEALTHY });
    expect(r).toMatchObject({ name: 'trust_installed', passed: true, message: 'trust code installed on all 2 members', attempts: 1 });
    expect(r.evidence).toEqual([
      'show license status: Trust Code Installed: Active: PID:C9300-48UN,SN:FOC2345X0AB INSTALLED on 2025-01-24T23:19:05.000Z',
      'show license status: Trust Code Installed: Standby: PID:C9300-48UN,SN:FOC2345X0CD INSTALLED on 2025-01-24T23:19:05.000Z',
    ]);
  });
  it('fails naming the member without one', async () => {
    const r = await check({ trust_installed: true }, { 'show license udi': o.UDI_STACK, 'show license status': o.STATUS_ONE_MEMBER });
    expect(r.passed).toBe(false);
    expect(r.message).toBe('no trust code on Standby PID:C9300-48UN,SN:FOC2345X0CD');
  });
  // A C9407R with two supervisors: one chassis UDI for Active and Standby (real capture
  // show-license-tech-support/12 prints both lines with SN:FXS2119Q2U7). Each supervisor counts.
  const UDI_DUAL_SUP = 'UDI: PID:C9407R,SN:FXS2119Q2U7\n\nHA UDI List:\n    Active:PID:C9407R,SN:FXS2119Q2U7\n    Standby:PID:C9407R,SN:FXS2119Q2U7\n';
  const dualSupStatus = (standby: string): string =>
    ['Trust Code Installed:', '  Active: PID:C9407R,SN:FXS2119Q2U7', '    INSTALLED on Nov 22 11:34:47 2023 PDT', '  Standby: PID:C9407R,SN:FXS2119Q2U7', `    ${standby}`, ''].join('\n');
  it('a dual-supervisor chassis: the standby supervisor is checked on its own, not hidden behind the shared serial', async () => {
    const ok = await check({ trust_installed: true }, { 'show license udi': UDI_DUAL_SUP, 'show license status': dualSupStatus('INSTALLED on Nov 22 11:34:47 2023 PDT') });
    expect(ok).toMatchObject({ passed: true, message: 'trust code installed on all 2 members' });
    expect(ok.evidence).toEqual([
      'show license status: Trust Code Installed: Active: PID:C9407R,SN:FXS2119Q2U7 INSTALLED on 2023-11-22T18:34:47.000Z',
      'show license status: Trust Code Installed: Standby: PID:C9407R,SN:FXS2119Q2U7 INSTALLED on 2023-11-22T18:34:47.000Z',
    ]);
    const bad = await check({ trust_installed: true }, { 'show license udi': UDI_DUAL_SUP, 'show license status': dualSupStatus('NOT INSTALLED') });
    expect(bad).toMatchObject({ passed: false, message: 'no trust code on Standby PID:C9407R,SN:FXS2119Q2U7' });
  });
  it('standalone: passes on the single date, fails on <none>', async () => {
    const ok = await check({ trust_installed: true }, { 'show license udi': o.UDI_STANDALONE, 'show license status': o.STATUS_STANDALONE_TRUSTED });
    expect(ok).toMatchObject({ passed: true, message: 'trust code installed on 2025-01-24T23:19:05.000Z' });
    const bad = await check({ trust_installed: true }, { 'show license udi': o.UDI_STANDALONE, 'show license status': o.STATUS_NO_TRUST });
    expect(bad).toMatchObject({ passed: false, message: 'no trust code installed', evidence: ['show license status: Trust Code Installed: <none>'] });
  });
  it('a stack with <none> says no trust code is installed (not that the member list is missing)', async () => {
    const r = await check({ trust_installed: true }, { 'show license udi': o.UDI_STACK, 'show license status': o.STATUS_NO_TRUST });
    expect(r).toMatchObject({
      passed: false,
      message: 'no trust code installed on any of the 2 stack members',
      evidence: ['show license status: Trust Code Installed: <none>'],
    });
  });
});

describe('trust_sync_ok', () => {
  it('passes when trust establishment and trust sync last answered OK', async () => {
    const r = await check({ trust_sync_ok: true }, { 'show license tech support': o.TECH_OK });
    expect(r).toMatchObject({ passed: true, message: 'trust establishment and trust sync OK (last sync 2025-01-24T23:39:14.000Z)' });
    expect(r.evidence).toHaveLength(4);
  });
  it('fails on NO REPLY and on a failing trust sync', async () => {
    const noReply = await check({ trust_sync_ok: true }, { 'show license tech support': o.TECH_NO_REPLY });
    expect(noReply.message).toBe('Trust Establishment: never succeeded (Total=2, Fail=2); Trust Sync: never succeeded (Total=0, Fail=0)');
    const sync = await check({ trust_sync_ok: true }, { 'show license tech support': o.TECH_SYNC_FAILING });
    expect(sync).toMatchObject({ passed: false, message: 'Trust Sync: last response OK_TRY_AGAIN' });
  });
});

describe('no_comm_failure_since', () => {
  const base = { 'show logging': o.LOGGING_CLEAN };
  it('passes when the only failure is older than the window (and reads a day more of event log)', async () => {
    const r = await check({ no_comm_failure_since: '1h' }, { ...base, 'show license eventlog 2': o.EVENTLOG_TIMEOUT_RESTORED });
    expect(r).toMatchObject({ passed: true, message: 'no CSSM communication failure since 2025-01-24T22:40:00.000Z', evidence: [] });
  });
  it('fails on a COMM_FAIL inside the window, quoting event log and syslog', async () => {
    const r = await check({ no_comm_failure_since: '1h' }, { 'show logging': o.LOGGING_COMM_FAILED, 'show license eventlog 2': o.EVENTLOG_RECENT_TIMEOUT });
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 communication failure(s) since 2025-01-24T22:40:00.000Z: Connection timed out');
    expect(r.evidence).toEqual([
      'show license eventlog: 2025-01-24 23:19:35.341 UTC SAEVT_COMM_FAIL error="Connection timed out"',
      'show logging: Jan 24 23:19:35.341: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out',
    ]);
  });
  it('ignores CSLU failures from before the conversion to Smart transport (syslog names CSLU; the event log pairs with it)', async () => {
    const cslu = 'Jan 24 23:19:35.341: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name';
    const log = o.LOGGING_CLEAN.trimEnd() + `\n${cslu}\n`;
    const ev = o.EVENTLOG_CLEAN.trimEnd() + '\n2025-01-24 23:19:35.341 UTC SAEVT_COMM_FAIL error="Unable to resolve server hostname/domain name"\n';
    const r = await check({ no_comm_failure_since: '1h' }, { 'show logging': log, 'show license eventlog 2': ev });
    expect(r).toMatchObject({ passed: true, message: 'no CSSM communication failure since 2025-01-24T22:40:00.000Z (2 CSLU failure(s) ignored)' });
  });
  it('a 1d window also catches the restored failure of the afternoon', async () => {
    const r = await check({ no_comm_failure_since: '1d' }, { ...base, 'show license eventlog 2': o.EVENTLOG_TIMEOUT_RESTORED });
    expect(r).toMatchObject({ passed: false, message: '1 communication failure(s) since 2025-01-23T23:40:00.000Z: Connection timed out' });
  });
});

describe('last_ack_within_days', () => {
  it('passes with a fresh ACK', async () => {
    const r = await check({ last_ack_within_days: 30 }, { 'show license status': o.STATUS_HEALTHY });
    expect(r).toMatchObject({ passed: true, message: 'last ACK 0.0 days ago (limit 30 days)' });
    expect(r.evidence).toEqual([
      'show license status: Usage Reporting: Last ACK received: 2025-01-24T23:20:50.000Z',
      'show license status: Usage Reporting: Next ACK deadline: 2025-04-24T23:20:00.000Z',
      'show license status: Policy: Reporting frequency (days): 111 (Customer Policy)',
    ]);
  });
  it('fails with an old ACK, a passed deadline and an overdue policy', async () => {
    const r = await check({ last_ack_within_days: 30 }, { 'show license status': o.STATUS_OLD_ACK });
    expect(r.message).toBe('last ACK is 145.6 days old (limit 30 days); ACK deadline 2025-01-01T10:00:00.000Z has passed; overdue for the policy: reporting every 111 days');
  });
  it('fails when no ACK was ever received', async () => {
    const r = await check({ last_ack_within_days: 30 }, { 'show license status': o.STATUS_NO_TRUST });
    expect(r).toMatchObject({ passed: false, message: 'no ACK received from CSSM yet' });
  });
});

describe('settings_as_declared', () => {
  it('passes when status and running-config match the play', async () => {
    const r = await check({ settings_as_declared: true }, { 'show license status': o.STATUS_HEALTHY });
    expect(r).toMatchObject({ passed: true, message: 'transport, URL, proxy, VRF and source interface as declared' });
  });
  it('fails listing each difference (proxy shown, none declared; VRF declared, none shown)', async () => {
    const r = await check({ settings_as_declared: true }, { 'show license status': o.STATUS_PROXY }, { ...SLP, vrf: 'Mgmt-vrf' });
    expect(r.message).toBe('proxy 192.168.217.105:80 is configured, none declared; VRF is <empty>, declared Mgmt-vrf');
    expect(r.evidence).toContain('show license status: Transport: Proxy: Address: 192.168.217.105 Port: 80');
  });
  it('fails on the transport type', async () => {
    const r = await check({ settings_as_declared: true }, { 'show license status': o.STATUS_CSLU });
    expect(r.message).toBe('transport is cslu, declared smart');
  });
});

describe('reachable', () => {
  it('passes when telnet opens from the HTTP client source interface', async () => {
    const r = await check({ reachable: { host: 'smartreceiver.cisco.com', port: 443 } }, { 'show license status': o.STATUS_HEALTHY, [o.PING_CSSM]: o.PING_OK, [o.TELNET_CSSM]: o.TELNET_OPEN });
    expect(r).toMatchObject({ name: 'reachable smartreceiver.cisco.com:443', passed: true, message: 'TCP smartreceiver.cisco.com:443 from Vlan10 open' });
    expect(r.evidence).toEqual([
      'ping smartreceiver.cisco.com source Vlan10: Success rate is 100 percent (5/5)',
      'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10: Open',
    ]);
  });
  it('probes the proxy instead when one is configured, and fails when it times out', async () => {
    const r = await check({ reachable: { host: 'smartreceiver.cisco.com', port: 443 } }, { 'show license status': o.STATUS_PROXY, [o.PING_PROXY]: o.PING_LOST, [o.TELNET_PROXY]: o.TELNET_PROXY_TIMEOUT });
    expect(r).toMatchObject({ passed: false, message: 'TCP proxy 192.168.217.105:80 from Vlan10: % Connection timed out; remote host not responding' });
    expect(r.log.slice(-2)).toEqual([o.PING_PROXY, o.TELNET_PROXY]);
  });
  it('a lost ping with an open TCP path still passes, and says so', async () => {
    const r = await check({ reachable: { host: 'x', port: 1 } }, { 'show license status': o.STATUS_PROXY, [o.PING_PROXY]: o.PING_LOST, [o.TELNET_PROXY]: o.TELNET_PROXY_OPEN });
    expect(r).toMatchObject({ passed: true, message: 'TCP proxy 192.168.217.105:80 from Vlan10 open (ping failed: ICMP may be filtered)' });
  });
});

describe('history_has_response', () => {
  it('passes on a REQUEST with a non-empty RESPONSE', async () => {
    const r = await check({ history_has_response: true }, { 'show license history message': o.HISTORY_ANSWERED });
    expect(r).toMatchObject({
      passed: true,
      message: '1 of 1 request(s) answered by CSSM',
      evidence: ['show license history message: Trust Establishment: REQUEST: 2025-01-24T23:18:59.000Z (ID_TOKEN_TRUST) → RESPONSE: 2025-01-24T23:19:05.000Z status_code OK'],
    });
  });
  it('fails on an empty RESPONSE and on no history at all', async () => {
    const r = await check({ history_has_response: true }, { 'show license history message': o.HISTORY_NO_REPLY });
    expect(r).toMatchObject({ passed: false, message: 'none of 1 request(s) got a response' });
    expect(r.evidence[0]).toMatch(/RESPONSE: 2025-01-24T23:19:05.000Z \(empty: no reply\)$/);
    const none = await check({ history_has_response: true }, { 'show license history message': o.HISTORY_EMPTY });
    expect(none).toMatchObject({ passed: false, message: 'no request in the message history', evidence: [] });
  });
});

describe('account_is', () => {
  const withAccount = o.STATUS_HEALTHY.replace('Transport:', 'Account Information:\n  Smart Account: BU Production Test As of Jan 24 23:19:05 2025 UTC\n  Virtual Account: Cat9K-FranklinDT\n\nTransport:');
  it('passes when the Smart and Virtual Account are the expected ones', async () => {
    const r = await check({ account_is: { smart_account: 'BU Production Test', virtual_account: 'Cat9K-FranklinDT' } }, { 'show license status': withAccount });
    expect(r).toMatchObject({ passed: true, message: 'reports to BU Production Test / Cat9K-FranklinDT' });
  });
  it('fails naming the account that differs', async () => {
    const r = await check({ account_is: { virtual_account: 'Cat9K-Prod' } }, { 'show license status': withAccount });
    expect(r).toMatchObject({ passed: false, message: 'Virtual Account is Cat9K-FranklinDT, expected Cat9K-Prod' });
    expect(r.evidence).toEqual(['show license status: Smart Account: BU Production Test; Virtual Account: Cat9K-FranklinDT']);
  });
});
