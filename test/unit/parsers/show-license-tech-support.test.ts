import { parseShowLicenseTechSupport } from '../../../src/parsers';

// The seed's `| sec Trust` sample after a failed trust request (indentation restored).
const SEC_TRUST_FAILED = `Switch#show license tech support | sec Trust
Trust Establishment:
  Attempts: Total=2, Success=0, Fail=2 Ongoing Failure: Overall=2 Communication=2
  Last Response: NO REPLY on Feb 21 16:55:39 2025 UTC
    Failure Reason: <none>
  Last Success Time: <none>
  Last Failure Time: Feb 21 16:55:39 2025 UTC
Trust Acknowledgement:
  Attempts: Total=0, Success=0, Fail=0  Ongoing Failure: Overall=0 Communication=0
  Last Response: <none>
    Failure Reason: <none>
  Last Success Time: <none>
  Last Failure Time: <none>
Trust Sync:
  Attempts: Total=0, Success=0, Fail=0  Ongoing Failure: Overall=0 Communication=0
  Last Response: OK_TRY_AGAIN on Nov 15 18:45:47 2024 UTC
    Failure Reason: Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT
  Last Success Time: <none>
  Last Failure Time: <none>
Trusted Store Interface: True
Local Device: P:C9300-48UN,S:FOC2345X0AB, state[1], NOT INSTALLED TrustId:605
Overall Trust: No ID
`;

function techSupport(): string {
  return [
    'Smart Licensing Tech Support info', '', 'Smart Licensing Status', '======================', '',
    'Smart Licensing is ENABLED', '', 'Utility:', '  Status: DISABLED', '', 'Transport:', '  Type: Smart',
    '  URL: https://smartreceiver.cisco.com/licservice/license', '  Proxy:', '    Address: <empty>', '    Port: <empty>',
    '    Username: <empty>', '    Password: <empty>', '  Server Identity Check: True', '  VRF: <empty>', '',
    'Usage Reporting:', '  Last ACK received: <none>', '  Next ACK deadline: Oct 27 17:00:51 2024 UTC',
    '  Reporting push interval: 30  days State(2) InPolicy(90)', '', 'Trust Code Installed: <none>',
    'License Usage', '=============', 'Handle: 1', '  License: network-advantage', '  Count: 2', '  Status: IN USE(15)',
    '  Measurements:', '    ENTITLEMENT:', '      Count: 99', '', 'Product Information', '===================',
    'UDI: PID:C9300-24P,SN:FOC2334W0K5', '', 'HA UDI List:', '    Active:PID:C9300-24P,SN:FOC2334W0K5',
    '    Member:PID:C9300-48U,SN:FOC2133Z047', '', 'Agent Version', '=============', 'Smart Agent for Licensing: 5.5.29_rel/114',
    '', 'Upcoming Scheduled Jobs', '=======================', 'Current time: Jan 24 23:38:54 2025 UTC',
    'Send Utility RUM reports: Feb 23 23:20:56 2025 UTC (29 days, 23 hours, 49 minutes, 39 seconds remaining)',
    'Init Flag Check: Expired Not Rescheduled', '', 'Communication Statistics:', '=======================',
    'Communication Level Allowed: INDIRECT', 'Overall State: <empty>', SEC_TRUST_FAILED.split('\n').slice(1, 19).join('\n'),
    '', 'Usage Report Summary:', '=====================', 'Total: 8,  Purged: 0(0)',
    'Total Acknowledged Received: 0,  Waiting for Ack: 0(8)', 'Available to Report: 8  Collecting Data: 4',
    'Maximum Display: 8  In Storage: 8,  MIA: 0(0)', 'Report Module Status: Ready', '', 'Other Info', '==========',
    'P:C9300-24P,S:FOC2334W0K5: No Trust Data', 'P:C9300-48U,S:FOC2133Z047: P:C9300-48U,S:FOC2133Z047, state[2], Trust Data INSTALLED  TrustId:77',
    'Overall Trust: No ID', 'Clock sync-ed with NTP: False',
  ].join('\r\n');
}

describe('parseShowLicenseTechSupport', () => {
  test('reads the seed "| sec Trust" failure: NO REPLY counters and NOT INSTALLED trust', () => {
    const r = parseShowLicenseTechSupport(SEC_TRUST_FAILED);
    expect(r.warnings).toEqual([]);
    expect(r.value.communication.categories['Trust Establishment']).toEqual({
      total: 2, success: 0, fail: 2, ongoingFailureOverall: 2, ongoingFailureCommunication: 2, lastResponse: 'NO REPLY',
      lastResponseAt: '2025-02-21T16:55:39.000Z', failureReason: null, lastSuccessAt: null, lastFailureAt: '2025-02-21T16:55:39.000Z',
    });
    expect(r.value.communication.categories['Trust Sync']).toMatchObject({ lastResponse: 'OK_TRY_AGAIN', failureReason: 'Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT' });
    expect(r.value.trustDevices).toEqual([{ pid: 'C9300-48UN', sn: 'FOC2345X0AB', state: 1, installed: false, status: 'NOT INSTALLED', trustId: 605 }]);
    expect([r.value.overallTrust, r.value.overallTrustInstalled]).toEqual(['No ID', false]);
  });

  test('reads a whole output: status, handles, UDIs, timers, summary, per-member trust', () => {
    const v = parseShowLicenseTechSupport(techSupport()).value;
    expect(v.status.transport).toMatchObject({ type: 'smart', proxyConfigured: false, serverIdentityCheck: true, vrf: null });
    expect(v.status.usageReporting?.reportingPushIntervalDays).toBe(30);
    expect(v.status.trustCode).toEqual({ installed: false, installedAt: null, members: [] });
    expect(v.licenseUsage).toEqual([{ handle: 1, license: 'network-advantage', entitlementTag: null, description: null, count: 2, status: 'IN USE(15)', licenseType: null, enforcementType: null }]);
    expect(v.udi).toEqual({ pid: 'C9300-24P', sn: 'FOC2334W0K5' });
    expect(v.haUdiList).toEqual([{ role: 'Active', pid: 'C9300-24P', sn: 'FOC2334W0K5' }, { role: 'Member', pid: 'C9300-48U', sn: 'FOC2133Z047' }]);
    expect(v.agentVersion).toBe('5.5.29_rel/114');
    expect(v.currentTime).toBe('2025-01-24T23:38:54.000Z');
    expect(v.scheduledJobs).toEqual([
      { name: 'Send Utility RUM reports', at: '2025-02-23T23:20:56.000Z', raw: 'Feb 23 23:20:56 2025 UTC (29 days, 23 hours, 49 minutes, 39 seconds remaining)' },
      { name: 'Init Flag Check', at: null, raw: 'Expired Not Rescheduled' },
    ]);
    expect(Object.keys(v.communication.categories)).toEqual(['Trust Establishment', 'Trust Acknowledgement', 'Trust Sync']);
    expect(v.communication.levelAllowed).toBe('INDIRECT');
    expect(v.usageReportSummary).toEqual({ total: 8, purged: 0, totalAcknowledgedReceived: 0, waitingForAck: 0, availableToReport: 8, collectingData: 4, maximumDisplay: 8, inStorage: 8, mia: 0, reportModuleStatus: 'Ready' });
    expect(v.trustDevices.map((d) => [d.sn, d.installed, d.trustId])).toEqual([['FOC2334W0K5', false, null], ['FOC2133Z047', true, 77]]);
    expect(v.clockSyncedWithNtp).toBe(false);
  });

  test('parses 1 MB of tech support without pathological slowdown (result checked, not timed)', () => {
    const big = techSupport();
    const text = Array.from({ length: Math.ceil(1_000_000 / big.length) }, () => big).join('\r\n');
    const r = parseShowLicenseTechSupport(text);
    expect(r.value.trustDevices.length).toBe(2 * Math.ceil(1_000_000 / big.length));
  });
});
