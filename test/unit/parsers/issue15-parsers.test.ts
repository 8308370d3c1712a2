import {
  parseShowClock, parseShowLicenseEventlog, parseShowLicenseRum, parseShowNtpStatus, parseShowVersion, resolveParser,
} from '../../../src/parsers';
import { fixture } from './helpers';

describe('show version: bootloader, AIR levels and every member', () => {
  test('a 2-member stack lists both units with model and serial, the answering one first', () => {
    const r = parseShowVersion(fixture('show-version-c9300-stack-17.9.txt'));
    expect(r.warnings).toEqual([]);
    const v = r.value;
    expect([v.rom, v.bootloader, v.bootloaderVersion]).toEqual(['IOS-XE ROMMON', 'System Bootstrap, Version 17.9.1r [FC13], RELEASE SOFTWARE (P)', '17.9.1r']);
    expect([v.airLicenseLevel, v.airLicenseLevelNextReload]).toEqual(['AIR DNA Advantage', 'AIR DNA Advantage']);
    expect(v.members.map((m) => [m.switchNumber, m.answering, m.model, m.serial, m.ports, m.swVersion, m.mode])).toEqual([
      [1, true, 'C9300-48UN', 'FOC2345X0AB', 65, '17.09.04a', 'INSTALL'],
      [2, false, 'C9300-48UN', 'FOC2345X0AC', 65, '17.09.04a', 'INSTALL'],
    ]);
  });
  test('the run-together ROM/BOOTLDR line of a 17.10 capture, and a member block with no switch table', () => {
    const text = [
      'ROM: IOS-XE ROMMONBOOTLDR: System Bootstrap, Version 17.9.0.4r, DEVELOPMENT SOFTWARE', '',
      'Model Number                       : C9407R', 'System Serial Number               : FXS0000Q0E7', '',
      'Switch 01', '---------', 'Model Number                       : C9407R', 'System Serial Number               : FXS0000Q207',
    ].join('\n');
    const v = parseShowVersion(text).value;
    expect([v.rom, v.bootloaderVersion]).toEqual(['IOS-XE ROMMON', '17.9.0.4r']);
    expect(v.members.map((m) => [m.switchNumber, m.answering, m.model, m.serial, m.ports])).toEqual([
      [null, true, 'C9407R', 'FXS0000Q0E7', null],
      [1, false, 'C9407R', 'FXS0000Q207', null],
    ]);
  });
});

describe('show license eventlog summary', () => {
  test('counts by type and keeps the last failure and restore', () => {
    const r = parseShowLicenseEventlog([
      '**** Event Log ****', '',
      '2025-01-24 13:58:23.900 UTC SAEVT_INIT_START version="5.5.29_rel/114"',
      '2025-01-24 15:17:46.341 UTC SAEVT_COMM_FAIL error="Connection timed out"',
      '2025-01-24 15:20:01.000 UTC SAEVT_COMM_FAIL error="Unable to resolve server hostname/domain name"',
      '2025-01-24 15:35:22.627 UTC SAEVT_COMM_RESTORED',
    ].join('\n'));
    expect(r.warnings).toEqual([]);
    expect(r.value.summary).toEqual({
      total: 4, byType: { SAEVT_INIT_START: 1, SAEVT_COMM_FAIL: 2, SAEVT_COMM_RESTORED: 1 }, commFailures: 2, commRestored: 1,
      lastCommFailure: { time: '2025-01-24T15:20:01.000Z', error: 'Unable to resolve server hostname/domain name' },
      lastCommRestoredAt: '2025-01-24T15:35:22.627Z', firstAt: '2025-01-24T13:58:23.900Z', lastAt: '2025-01-24T15:35:22.627Z',
    });
  });
  test('the empty log under an exec header is empty, not missing', () => {
    const r = parseShowLicenseEventlog('Load for five secs: 0%/0%; one minute: 1%; five minutes: 1%\nTime source is NTP, 14:37:25.569 UTC Tue Mar 22 2022\n\n No EventLog Found.    ');
    expect([r.value.empty, r.value.summary.total, r.value.summary.lastCommFailure, r.warnings]).toEqual([true, 0, null, []]);
  });
  test('anything else is a warning', () => {
    expect(parseShowLicenseEventlog('garbage line').warnings).toEqual(['unrecognised line "garbage line"']);
  });
});

describe('show license rum', () => {
  test('the id all table', () => {
    const r = parseShowLicenseRum('Switch#show license rum id all\nSmart Licensing Usage Report:\n====================================\nReport Id,          State,    Flag, Feature Name\n1700000001          CLOSED    N     network-advantage\n1700000002          ACK       N     dna-advantage\n1700000003          OPEN      N     dna-advantage\n');
    expect(r.warnings).toEqual([]);
    expect(r.value.reports.map((x) => [x.id, x.state, x.flag, x.featureName])).toEqual([
      [1700000001, 'CLOSED', 'N', 'network-advantage'], [1700000002, 'ACK', 'N', 'dna-advantage'], [1700000003, 'OPEN', 'N', 'dna-advantage'],
    ]);
    expect(r.value.byState).toEqual({ CLOSED: 1, ACK: 1, OPEN: 1 });
  });
  test('the detail layout, with two fields on one line', () => {
    const r = parseShowLicenseRum([
      'Smart Licensing Usage Report Detail:', '====================================',
      'Report Id: 1700000002', '  Metric Name: ENTITLEMENT', '  Feature Name: dna-advantage',
      '  Metric Value: regid.2017-05.com.cisco.c9300_dna_advantage,1.0_411773c3-2116-4c10-94a4-5d357fe6ff18',
      '  UDI: PID:C9300-24UX,SN:FCW0000D16Y', '  Previous Report Id: 0,    Next Report Id: 1700000005',
      '  State: ACK,      State Change Reason: ACKED', '  Start Time: Oct 14 11:32:40 2021 UTC,      End Time: Oct 14 11:32:48 2021 UTC',
      '  Storage State: DELETED', '  Transaction ID: 0', '  Transaction Message: <none>',
      'Report Id: 1700000009', '  Metric Name: TELEMETRY', '  State: DELETED,      Close Reason: SMART', '  Frobnication: yes',
    ].join('\n'));
    expect(r.warnings).toEqual(['unrecognised line "Frobnication: yes"']);
    const [a, b] = r.value.reports;
    expect(a).toEqual({
      id: 1700000002, state: 'ACK', flag: null, featureName: 'dna-advantage', metricName: 'ENTITLEMENT',
      metricValue: 'regid.2017-05.com.cisco.c9300_dna_advantage,1.0_411773c3-2116-4c10-94a4-5d357fe6ff18',
      udi: { pid: 'C9300-24UX', sn: 'FCW0000D16Y' }, previousReportId: 0, nextReportId: 1700000005, stateChangeReason: 'ACKED',
      closeReason: null, startTime: '2021-10-14T11:32:40.000Z', endTime: '2021-10-14T11:32:48.000Z', storageState: 'DELETED',
      transactionId: '0', transactionMessage: null,
    });
    expect([b.metricName, b.state, b.closeReason]).toEqual(['TELEMETRY', 'DELETED', 'SMART']);
  });
  test('sh lic rum id all resolves to it', () => {
    expect(resolveParser('sh lic rum id all')?.name).toBe('show license rum');
  });
});

describe('show clock detail / show ntp status', () => {
  test.each([
    ['*00:16:00.857 UTC Sat Dec 26 2025\nTime source is hardware calendar', 'hardware calendar', false],
    ['21:01:34.563 UTC Fri Nov 15 2019\nTime source is NTP', 'ntp', true],
    ['.04:37:54.849 UTC Thu Aug 7 2025\nTime source is NTP', 'ntp', false],
    ['21:34:43.659 MSK Thu Sep 16 2021\nTime source is user configuration', 'user configuration', true],
    ['*10:07:33.375 UTC Mon Mar 1 1993\nNo time source', 'none', false],
  ])('%j', (text, source, authoritative) => {
    const r = parseShowClock(`Switch#show clock detail\n${text}\n`);
    expect(r.warnings).toEqual([]);
    expect([r.value.timeSource, r.value.authoritative]).toEqual([source, authoritative]);
  });
  test('the zone is kept as a name', () => {
    expect(parseShowClock('11:18:56.393 IST Tue Feb 27 2024\nTime source is NTP').value).toMatchObject({ zone: 'IST', time: '2024-02-27T05:48:56.393Z' });
  });
  test('sh clock detail still resolves to show clock', () => {
    expect(resolveParser('sh clock detail')?.name).toBe('show clock');
  });
  test('synchronised and unsynchronised NTP', () => {
    const ok = parseShowNtpStatus([
      'Clock is synchronized, stratum 2, reference is 209.165.200.225',
      'nominal freq is 250.0000 Hz, actual freq is 249.9995 Hz, precision is 2**19',
      'ntp uptime is 589900 (1/100 of seconds), resolution is 4016',
      'reference time is DA088DD3.C4E659D3 (13:21:23.769 UTC Fri Nov 15 2019)',
      'clock offset is 7.0883 msec, root delay is 99.77 msec',
      'root dispersion is 13.43 msec, peer dispersion is 2.48 msec',
      "loopfilter state is 'CTRL' (Normal Controlled Loop), drift is 0.000001803 s/s",
      'system poll interval is 64, last update was 169 sec ago.',
    ].join('\n'));
    expect(ok.warnings).toEqual([]);
    expect(ok.value).toEqual({ synchronized: true, stratum: 2, reference: '209.165.200.225', offsetMs: 7.0883, rootDelayMs: 99.77, referenceTime: '2019-11-15T13:21:23.769Z', lastUpdateSecondsAgo: 169 });
    const bad = parseShowNtpStatus('Clock is unsynchronized, stratum 16, no reference clock\nfrobnicate');
    expect([bad.value.synchronized, bad.value.stratum, bad.value.reference, bad.warnings]).toEqual([false, 16, null, ['unrecognised line "frobnicate"']]);
  });
});
