import { parseShowLicenseStatus } from '../../../src/parsers';
import { fixture } from './helpers';

describe('parseShowLicenseStatus', () => {
  test('reads a stack with Smart transport, proxy, VRF and per-member trust (CRLF, prompt, syslog)', () => {
    const r = parseShowLicenseStatus(fixture('show-license-status-stack-smart-proxy.txt'));
    expect(r.warnings).toEqual([]);
    expect(r.syslog.map((s) => s.mnemonic)).toEqual(['TRUST_INSTALL_SUCCESS']);
    expect(r.value.transport).toEqual({
      type: 'smart', typeRaw: 'Smart', url: 'https://smartreceiver.cisco.com/licservice/license', csluAddress: null,
      proxyConfigured: true, proxyAddress: '192.168.217.105', proxyPort: 80, proxyUsername: null, vrf: 'Mgmt-vrf',
      serverIdentityCheck: null, ipMode: null, trustPoint: null,
    });
    expect(r.value.account).toEqual({ smartAccount: 'Example Corp', smartAccountAsOf: '2025-01-24T23:19:05.000Z', virtualAccount: 'Campus-VA' });
    expect(r.value.trustCode).toEqual({
      installed: true,
      installedAt: '2025-01-24T23:19:05.000Z',
      members: [
        { role: 'Active', pid: 'C9300-48UN', sn: 'FOC2345X0AB', installed: true, installedAt: '2025-01-24T23:19:05.000Z', validFrom: null, expiresAt: null },
        { role: 'Member', pid: 'C9300-48UN', sn: 'FOC2345X0AC', installed: true, installedAt: '2025-01-24T23:19:06.000Z', validFrom: null, expiresAt: null },
      ],
    });
    expect(r.value.usageReporting).toEqual({
      lastAckReceived: '2025-01-24T23:25:55.000Z', nextAckDeadline: '2025-03-25T23:25:55.000Z', reportingPushIntervalDays: 30,
      reportingPushIntervalRaw: '30  days', nextAckPushCheck: null, nextReportPush: '2025-02-23T23:20:56.000Z',
      lastReportPush: '2025-01-24T23:20:56.000Z', lastReportFileWrite: null,
    });
    expect(r.value.policy).toMatchObject({ name: 'SLE Policy', reportingAckRequired: true, source: 'Customer Policy', installedOn: '2025-01-24T23:19:05.000Z' });
    expect(r.value.slpEnabled).toBe(true);
    expect(r.value.utilityEnabled).toBe(false);
  });

  test('reads the 17.3 layout: cslu default, proxy and VRF "Not Configured", EDT dates, no trust', () => {
    const r = parseShowLicenseStatus(fixture('show-license-status-17.3-default.txt'));
    expect(r.warnings).toEqual([]);
    expect(r.value.transport).toMatchObject({ type: 'cslu', csluAddress: null, proxyConfigured: false, proxyAddress: null, vrf: null });
    expect(r.value.account).toBeNull();
    expect(r.value.trustCode).toEqual({ installed: false, installedAt: null, members: [] });
    // EDT is UTC-4.
    expect(r.value.usageReporting?.nextAckDeadline).toBe('2021-11-02T18:02:53.000Z');
    expect(r.value.sections).toEqual(['Utility', 'Smart Licensing Using Policy', 'Data Privacy', 'Transport', 'Miscellaneous', 'Policy', 'Usage Reporting', 'Trust Code Installed']);
  });

  test('reads the seed "| i Trust" excerpt with a standalone trust date', () => {
    const r = parseShowLicenseStatus('Switch#show license status  | i Trust\n\nTrust Code Installed: Jan 24 23:19:05 2025 UTC\n');
    expect(r.value.trustCode).toEqual({ installed: true, installedAt: '2025-01-24T23:19:05.000Z', members: [] });
    expect(r.value.transport).toBeNull();
  });

  test('treats an empty Trust Code Installed value (after factory reset) as not installed', () => {
    expect(parseShowLicenseStatus('Trust Code Installed:\n').value.trustCode).toEqual({ installed: false, installedAt: null, members: [] });
  });

  test('warns about lines it does not know, keeps the rest', () => {
    const r = parseShowLicenseStatus('Transport:\n  Type: Smart\n  Frobnicator: on\n');
    expect(r.value.transport?.type).toBe('smart');
    expect(r.warnings).toEqual(['Transport: unrecognised line "Frobnicator: on"']);
  });

  test('reads agent 6.3 trust code members with Valid on / Expired on', () => {
    const text = [
      'Trust Code Installed:',
      '  Active: PID:C9350-48T,SN:FOC2820Y07F',
      '    INSTALLED on Apr 23 15:28:43 2025 IST    Valid on Apr 23 15:23:40 2025 IST',
      '    Expired on Apr 25 02:55:41 2033 IST',
      '    Trust Code Type: CSSM',
    ].join('\n');
    expect(parseShowLicenseStatus(text).value.trustCode?.members).toEqual([
      { role: 'Active', pid: 'C9350-48T', sn: 'FOC2820Y07F', installed: true, installedAt: '2025-04-23T09:58:43.000Z', validFrom: '2025-04-23T09:53:40.000Z', expiresAt: '2033-04-24T21:25:41.000Z' },
    ]);
  });
});
