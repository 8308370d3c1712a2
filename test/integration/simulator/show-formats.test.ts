import { startFleet, type Fleet } from '../../../src/simulator';
import { openSim, type SimClient } from '../../helpers/sim-client';

let fleet: Fleet;
let c: SimClient;
beforeAll(async () => {
  fleet = await startFleet([{ name: 'sw', port: 0, credentials: { username: 'admin', password: 'admin' }, sim: { platform: 'C9300-48UN', members: 2, serial: 'FOC2345X0AB' } }], { asyncDelayMs: 20 });
  c = await openSim({ port: fleet.hosts.sw.port, password: 'admin' });
  await c.send('terminal length 0');
});
afterAll(async () => {
  c.end();
  await fleet.stop();
});

describe('show command formats', () => {
  test('show version carries what ios_facts parses', async () => {
    const v = await c.cmd('show version');
    expect(v.split('\n')[0]).toBe('Cisco IOS XE Software, Version 17.09.04');
    expect(v).toMatch(/^cisco C9300-48UN \(X86\) processor with .* bytes of memory\.$/m);
    expect(v).toMatch(/^Switch uptime is /m);
    expect(v).toContain('System image file is "flash:packages.conf"');
    expect(v).toContain('Processor board ID FOC2345X0AB');
    expect(v).toMatch(/^Model Number\s+: C9300-48UN$/m);
    expect(v).toContain('Smart Licensing Status: Smart Licensing Using Policy');
    expect(v).toMatch(/^\*    1 52    C9300-48UN/m);
  });
  test('show license status: section order and transport block', async () => {
    const s = await c.cmd('show license status');
    const heads = s.split('\n').filter((l) => /^\S.*:/.test(l)).map((l) => l.replace(/:.*/, ''));
    expect(heads).toEqual(['Utility', 'Smart Licensing Using Policy', 'Account Information', 'Data Privacy', 'Transport', 'Policy', 'Miscellaneous', 'Usage Reporting', 'Trust Code Installed']);
    expect(s).toContain('Transport:\n  Type: cslu\n  Cslu address: <empty>\n  Proxy:\n    Not Configured\n  VRF: <empty>\n');
    expect(s).toContain('  Reporting push interval: 30  days\n');
  });
  test('show license summary columns', async () => {
    const rows = (await c.cmd('show license summary')).split('\n');
    expect(rows.slice(-2)).toEqual([
      '  network-advantage       (C9300-48 Network Advan...)       2 IN USE',
      '  dna-advantage           (C9300-48 DNA Advantage)          2 IN USE',
    ]);
  });
  test('show license udi lists the HA members', async () => {
    const u = (await c.cmd('show license udi')).split('\n');
    expect(u[0]).toBe('UDI: PID:C9300-48UN,SN:FOC2345X0AB');
    expect(u.slice(2, 5)).toEqual(['HA UDI List:', '    Active:PID:C9300-48UN,SN:FOC2345X0AB', expect.stringMatching(/^ {4}Standby:PID:C9300-48UN,SN:\w+$/)]);
  });
  test('show license history message with nothing exchanged', async () => {
    expect(await c.cmd('show license history message | include No past')).toBe(['Trust Establishment', 'Usage Reporting', 'Result Polling', 'Authorization Request', 'Authorization Return', 'Trust Sync'].map(() => '  No past history').concat(Array(6).fill('  No past Import history')).join('\n'));
  });
  test('show ip interface brief columns', async () => {
    expect(await c.cmd('show ip interface brief | include ^Interface|^Vlan10')).toBe(
      'Interface              IP-Address      OK? Method Status                Protocol\nVlan10                 10.31.121.118   YES NVRAM  up                    up      ',
    );
  });
  test('cef, arp and mac lead from an address to the egress port', async () => {
    expect(await c.cmd('show ip cef 10.31.104.78')).toBe('0.0.0.0/0\n  nexthop 10.31.121.65 Vlan10');
    expect(await c.cmd('show ip arp 10.31.121.65')).toBe('Protocol  Address          Age (min)  Hardware Addr   Type   Interface\nInternet  10.31.121.65            0   2c31.24b1.7941  ARPA   Vlan10');
    expect(await c.cmd('show mac address-table address 2c31.24b1.7941')).toContain('  10    2c31.24b1.7941    DYNAMIC     Fi1/0/48\nTotal Mac Addresses for this criterion: 1');
  });
  test('ping and telnet show unreachable DNS before configuration', async () => {
    expect(await c.cmd('ping smartreceiver.cisco.com')).toBe('Translating "smartreceiver.cisco.com"...domain server (255.255.255.255)\n% Unrecognized host or address, or protocol not running.\n');
    expect(await c.cmd('telnet 192.168.217.105 8080 /ipv4 /source-interface vlan10')).toBe('Trying 192.168.217.105, 8080 ...\n% Connection refused by remote host');
  });
  test('monitor capture define, start, stop, export', async () => {
    expect(await c.cmd('monitor capture CSSM interface Fi1/0/48 both')).toBe('');
    expect(await c.cmd('monitor capture CSSM match any')).toBe('');
    expect(await c.cmd('monitor capture CSSM start')).toBe('Started capture point : CSSM');
    expect(await c.cmd('monitor capture CSSM stop')).toMatch(/Stopped capture point : CSSM$/);
    expect(await c.cmd('monitor capture CSSM export location flash:cssm.pcap')).toBe('Export Started Successfully');
    expect(fleet.device('sw').state.flash.has('cssm.pcap')).toBe(true);
  });
});
