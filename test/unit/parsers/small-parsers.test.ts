import {
  parsePing, parseShowClock, parseShowIpArp, parseShowIpCef, parseShowIpInterfaceBrief, parseShowLicenseEventlog,
  parseShowLicenseSummary, parseShowLicenseUdi, parseShowLicenseUsage, parseShowLogging, parseShowMacAddressTable, parseTelnet,
} from '../../../src/parsers';

describe('parseShowLicenseEventlog', () => {
  test('reads events with time, type and attributes', () => {
    const r = parseShowLicenseEventlog([
      'Switch#show license eventlog 1', '', '**** Event Log ****', '',
      '2025-01-24 13:58:27.742 UTC SAEVT_TAG_AUTHORIZED count="1" entitlementTag="regid.2017-05.com.cisco.C9300_48P_NW_Advantagek9,1.0_6a22"',
      '2025-01-24 15:17:46.341 UTC SAEVT_COMM_FAIL error="Connection timed out"',
      '2025-01-24 15:35:22.627 UTC SAEVT_COMM_RESTORED',
    ].join('\n'));
    expect(r.warnings).toEqual([]);
    expect(r.value.events.map(({ raw: _raw, ...e }) => e)).toEqual([
      { time: '2025-01-24T13:58:27.742Z', type: 'SAEVT_TAG_AUTHORIZED', attributes: { count: '1', entitlementTag: 'regid.2017-05.com.cisco.C9300_48P_NW_Advantagek9,1.0_6a22' } },
      { time: '2025-01-24T15:17:46.341Z', type: 'SAEVT_COMM_FAIL', attributes: { error: 'Connection timed out' } },
      { time: '2025-01-24T15:35:22.627Z', type: 'SAEVT_COMM_RESTORED', attributes: {} },
    ]);
  });
  test('an empty log', () => {
    const r = parseShowLicenseEventlog(' No EventLog Found.    \n');
    expect([r.value.events, r.value.empty, r.value.summary.total, r.warnings]).toEqual([[], true, 0, []]);
  });
});

describe('parseShowLicenseSummary / usage / udi', () => {
  test('summary rows with account', () => {
    const r = parseShowLicenseSummary('Account Information:\n  Smart Account: <none>\n  Virtual Account: <none>\n\nLicense Usage:\n  License                 Entitlement Tag               Count Status\n  -----------------------------------------------------------------------------\n  network-advantage       (C9300-48 Network Advan...)       2 IN USE\n');
    expect(r.value).toEqual({ account: { smartAccount: null, smartAccountAsOf: null, virtualAccount: null }, licenses: [{ license: 'network-advantage', entitlementTag: 'C9300-48 Network Advan...', count: 2, status: 'IN USE' }] });
    expect(r.warnings).toEqual([]);
  });
  test('usage blocks', () => {
    const r = parseShowLicenseUsage('License Authorization:\n  Status: Not Applicable\n\ndna-advantage (C9300-48 DNA Advantage):\n  Description: C9300-48 DNA Advantage\n  Count: 1\n  Version: 1.0\n  Status: IN USE\n  Export status: NOT RESTRICTED\n  Feature Name: dna-advantage\n  Feature Description: C9300-48 DNA Advantage\n  Enforcement type: NOT ENFORCED\n  License type: Subscription\n');
    expect(r.value).toEqual({ authorizationStatus: 'Not Applicable', licenses: [{ license: 'dna-advantage', entitlement: 'C9300-48 DNA Advantage', description: 'C9300-48 DNA Advantage', count: 1, version: '1.0', status: 'IN USE', exportStatus: 'NOT RESTRICTED', featureName: 'dna-advantage', enforcementType: 'NOT ENFORCED', licenseType: 'Subscription' }] });
  });
  test('standalone udi', () => {
    expect(parseShowLicenseUdi('UDI: PID:C9300-48P,SN:FOC1\n').value).toEqual({ udi: { pid: 'C9300-48P', sn: 'FOC1' }, members: [] });
  });
});

describe('reachability parsers', () => {
  test('ping success with source', () => {
    const r = parsePing('Switch#ping smartreceiver.cisco.com source Vlan10\nType escape sequence to abort.\nSending 5, 100-byte ICMP Echos to 146.112.59.25, timeout is 2 seconds:\nPacket sent with a source address of 10.31.121.118 \n!!!!!\nSuccess rate is 100 percent (5/5), round-trip min/avg/max = 364/365/368 ms\n');
    expect(r.value).toMatchObject({ outcome: 'ok', target: '146.112.59.25', sourceAddress: '10.31.121.118', sent: 5, received: 5, successRatePercent: 100, rttMinMs: 364, rttAvgMs: 365, rttMaxMs: 368, pattern: '!!!!!' });
  });
  test('ping all lost and unresolvable', () => {
    expect(parsePing('Sending 5, 100-byte ICMP Echos to 10.1.1.1, timeout is 2 seconds:\n.....\nSuccess rate is 0 percent (0/5)\n').value).toMatchObject({ outcome: 'failed', received: 0, rttAvgMs: null });
    expect(parsePing('Translating "smartreceiver.cisco.com"...domain server (10.31.104.74)\n% Unrecognized host or address, or protocol not running.\n').value).toMatchObject({ outcome: 'unresolved', dnsServer: '10.31.104.74' });
  });
  test.each([
    ['Trying 192.168.217.105, 80 ... Open\n\n[Connection to 192.168.217.105 closed by foreign host]', 'open'],
    ['Trying us.ciscoiot.com (10.105.58.227, 443)... Open', 'open'],
    ['Trying 10.1.1.1, 443 ...\n% Connection timed out; remote host not responding', 'timed_out'],
    ['Trying 192.168.217.105, 8080 ...\n% Connection refused by remote host', 'refused'],
    ['Translating "bad.example"...domain server (10.31.104.74)\n% Bad IP address or host name', 'unknown_host'],
    ['Translating "bad.example"...domain server (10.31.104.74)\n% Unknown host or address', 'unknown_host'],
  ])('telnet %#', (text, outcome) => {
    expect(parseTelnet(text).value.outcome).toBe(outcome);
  });
  test('telnet open by name records address and port', () => {
    expect(parseTelnet('Trying us.ciscoiot.com (10.105.58.227, 443)... Open').value).toEqual({ outcome: 'open', host: 'us.ciscoiot.com', address: '10.105.58.227', port: 443, dnsServer: null, closedByForeignHost: false, error: null });
  });
  test('cef, arp, mac table (seed step 5)', () => {
    expect(parseShowIpCef('Switch#sh ip cef 10.31.104.78\n0.0.0.0/0\n  nexthop 10.31.121.65 Vlan10\n').value).toEqual({ prefix: '0.0.0.0/0', nextHops: [{ address: '10.31.121.65', interface: 'Vlan10', attached: false }] });
    expect(parseShowIpArp('Protocol  Address          Age (min)  Hardware Addr   Type   Interface\nInternet  10.31.121.65            0   2c31.24b1.6bc6  ARPA   Vlan10\n').value.entries).toEqual([{ protocol: 'Internet', address: '10.31.121.65', ageMinutes: 0, mac: '2c31.24b1.6bc6', type: 'ARPA', interface: 'Vlan10' }]);
    const mac = parseShowMacAddressTable('          Mac Address Table\n-------------------------------------------\n\nVlan    Mac Address       Type        Ports\n----    -----------       --------    -----\n  10    2c31.24b1.6bc6    DYNAMIC     Fi1/0/48\nTotal Mac Addresses for this criterion: 1\n');
    expect(mac.value).toEqual({ entries: [{ vlan: 10, mac: '2c31.24b1.6bc6', type: 'DYNAMIC', ports: ['Fi1/0/48'] }], total: 1 });
    expect(mac.warnings).toEqual([]);
  });
  test('ip interface brief with a two-word status', () => {
    expect(parseShowIpInterfaceBrief('Interface              IP-Address      OK? Method Status                Protocol\nVlan10                 10.31.121.118   YES DHCP   up                    up      \nGigabitEthernet0/0     unassigned      YES NVRAM  administratively down down    \n').value.interfaces).toEqual([
      { interface: 'Vlan10', ipAddress: '10.31.121.118', ok: true, method: 'DHCP', status: 'up', protocol: 'up' },
      { interface: 'GigabitEthernet0/0', ipAddress: null, ok: true, method: 'NVRAM', status: 'administratively down', protocol: 'down' },
    ]);
  });
});

describe('show clock / show logging', () => {
  test('a * clock is not authoritative', () => {
    expect(parseShowClock('*23:38:54.683 UTC Fri Jan 24 2025\n').value).toEqual({ time: '2025-01-24T23:38:54.683Z', authoritative: false, marker: '*', raw: '*23:38:54.683 UTC Fri Jan 24 2025', timeSource: null, zone: 'UTC' });
    expect(parseShowClock('15:41:10.058 UTC Fri Jan 24 2025').value.authoritative).toBe(true);
  });
  test('output that is not a clock is not an authoritative clock', () => {
    const r = parseShowClock("                ^\n% Invalid input detected at '^' marker.\n");
    expect(r.value).toEqual({ time: null, authoritative: false, marker: '', raw: '^', timeSource: null, zone: null });
    expect(r.warnings).toEqual(['not a date: "^"', `unrecognised line "% Invalid input detected at '^' marker."`]);
  });
  test('SMART_LIC COMM_FAILED lines give target and reason', () => {
    const r = parseShowLogging('Log Buffer (4096 bytes):\nme/domain name \n*Jan 24 15:17:46.341: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out\n*Jan 24 15:18:00.000: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.0.0.1)\n');
    expect(r.value.messages).toHaveLength(2);
    expect(r.value.smartLic).toEqual([{
      timestamp: 'Jan 24 15:17:46.341', clockMarker: '*', facility: 'SMART_LIC', severity: 3, mnemonic: 'COMM_FAILED',
      message: 'Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out',
      raw: '*Jan 24 15:17:46.341: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out',
      target: 'Cisco Smart Software Manager (CSSM)', reason: 'Connection timed out',
    }]);
  });
  test('the buffer keeps debug lines, which carry no %FAC-SEV-MNEMONIC tag', () => {
    const r = parseShowLogging([
      'Syslog logging: enabled (0 messages dropped)', '', 'Log Buffer (4096 bytes):', '',
      '*Jan 24 15:17:46.001: HTTPC: POST https://smartreceiver.cisco.com/licservice/license',
      '*Jan 24 15:17:46.341: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out',
    ].join('\r\n'));
    expect(r.value.buffer).toEqual([
      '*Jan 24 15:17:46.001: HTTPC: POST https://smartreceiver.cisco.com/licservice/license',
      '*Jan 24 15:17:46.341: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out',
    ]);
    expect(r.value.messages).toHaveLength(1);
  });
});
