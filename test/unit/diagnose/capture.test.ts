/** The capture flow over a scripted device: the seed's step 5 commands, and clean-up on failure. */
import { runCapture } from '../../../src/diagnose/capture';
import type { ProbeTarget } from '../../../src/verify/probes';
import { ScriptedDevice } from '../../helpers/scripted-device';

const clock = { now: () => new Date('2025-01-24T15:41:10Z'), sleep: async () => undefined };
const PROXY: ProbeTarget = { host: '10.31.104.78', port: 80, via: 'proxy', vrf: null, sourceInterface: 'Vlan10' };

// The seed's step 5 outputs.
const SCRIPT = {
  'show ip cef 10.31.104.78': '0.0.0.0/0\n  nexthop 10.31.121.65 Vlan10\n',
  'show ip arp 10.31.121.65': 'Protocol  Address          Age (min)  Hardware Addr   Type   Interface\nInternet  10.31.121.65            0   2c31.24b1.6bc6  ARPA   Vlan10\n',
  'show mac address-table address 2c31.24b1.6bc6': '          Mac Address Table\n-------------------------------------------\n\nVlan    Mac Address       Type        Ports\n----    -----------       --------    -----\n  10    2c31.24b1.6bc6    DYNAMIC     Fi1/0/48\nTotal Mac Addresses for this criterion: 1\n',
  'monitor capture SLPCAP interface Fi1/0/48 both': '',
  'monitor capture SLPCAP match any': '',
  'monitor capture SLPCAP start': 'Started capture point : SLPCAP\n',
  'license smart sync all': '',
  'monitor capture SLPCAP stop': 'Stopped capture point : SLPCAP\n',
  'monitor capture SLPCAP export location flash:slp-sw1-20250124T154110.pcap': 'Export Started Successfully\n',
  'no monitor capture SLPCAP': '',
};

describe('runCapture', () => {
  it('follows cef → arp → MAC table to the port, captures a sync, exports, removes the capture point', async () => {
    const device = new ScriptedDevice(SCRIPT);
    const r = await runCapture(device, PROXY, { host: 'sw1', clock, waitMs: 0 });
    expect(device.log).toEqual(Object.keys(SCRIPT));
    expect(r).toMatchObject({ file: 'flash:slp-sw1-20250124T154110.pcap', nextHop: '10.31.121.65', mac: '2c31.24b1.6bc6', port: 'Fi1/0/48', error: null, cleanedUp: true });
  });

  it('a capture point that does not start: the flow stops and the point is still removed', async () => {
    const device = new ScriptedDevice({ ...SCRIPT, 'monitor capture SLPCAP start': '% Capture point SLPCAP does not exist or is not fully configured\n' });
    const r = await runCapture(device, PROXY, { host: 'sw1', clock, waitMs: 0 });
    expect(r.error).toBe('"monitor capture SLPCAP start" answered: % Capture point SLPCAP does not exist or is not fully configured');
    expect(device.log.slice(-2)).toEqual(['monitor capture SLPCAP start', 'no monitor capture SLPCAP']);
    expect(r).toMatchObject({ file: null, cleanedUp: true });
  });

  it('the connection dropping during stop still attempts the clean-up and reports both', async () => {
    const drop = new Error('sw1: connection closed during "monitor capture SLPCAP stop"');
    const device = new ScriptedDevice({ ...SCRIPT, 'monitor capture SLPCAP stop': drop, 'no monitor capture SLPCAP': new Error('sw1: connection closed') });
    const r = await runCapture(device, PROXY, { host: 'sw1', clock, waitMs: 0 });
    expect(device.log.slice(-1)).toEqual(['no monitor capture SLPCAP']);
    expect(r.cleanedUp).toBe(false);
    expect(r.error).toBe('"monitor capture SLPCAP stop" failed: sw1: connection closed during "monitor capture SLPCAP stop"; clean-up: "no monitor capture SLPCAP" failed: sw1: connection closed');
  });

  it('no route: nothing was defined, so nothing is removed', async () => {
    const device = new ScriptedDevice({ 'show ip cef 10.31.104.78': '0.0.0.0/0\n  no route\n' });
    const r = await runCapture(device, PROXY, { host: 'sw1', clock, waitMs: 0 });
    expect(r).toMatchObject({ error: 'no route toward 10.31.104.78 in show ip cef', cleanedUp: true, file: null });
    expect(device.log).toEqual(['show ip cef 10.31.104.78']);
  });

  it('a routed port (Mgmt-vrf GigabitEthernet0/0) is captured on directly, in the VRF', async () => {
    const target: ProbeTarget = { host: '192.168.100.50', port: 80, via: 'proxy', vrf: 'Mgmt-vrf', sourceInterface: 'GigabitEthernet0/0' };
    const device = new ScriptedDevice({
      ...SCRIPT,
      'show ip cef vrf Mgmt-vrf 192.168.100.50': '192.168.100.0/24\n  attached to GigabitEthernet0/0\n',
      'monitor capture SLPCAP interface GigabitEthernet0/0 both': '',
    });
    const r = await runCapture(device, target, { host: 'sw1', clock, waitMs: 0 });
    expect(r).toMatchObject({ port: 'GigabitEthernet0/0', nextHop: '192.168.100.50', mac: null, error: null });
    expect(device.log[1]).toBe('monitor capture SLPCAP interface GigabitEthernet0/0 both');
  });
});
