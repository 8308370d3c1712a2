import { SimDevice } from '../../../src/simulator/sim-device';
import { cssmReachable, resolve, tcpConnect } from '../../../src/simulator/network-model';
import type { SimFaults } from '../../../src/simulator/types';

function device(faults: SimFaults = {}): SimDevice {
  const d = new SimDevice({ name: 'sw', port: 0, credentials: { username: 'admin', password: 'admin' }, sim: { faults } }, { asyncDelayMs: 10 });
  const c = d.running;
  c.license.transport = 'smart';
  c.dns.nameServers[''] = ['10.31.104.74'];
  return d;
}

describe('network model', () => {
  test('a configured switch reaches CSSM directly', () => {
    expect(cssmReachable(device().netContext())).toEqual({ ok: true });
  });
  test('cslu transport never talks to CSSM', () => {
    const d = device();
    d.running.license.transport = undefined;
    expect(cssmReachable(d.netContext())).toEqual({ ok: false, failure: 'transport' });
  });
  test.each([
    ['no name server', (d: SimDevice) => void (d.running.dns.nameServers = {})],
    ['domain lookup off', (d: SimDevice) => void (d.running.dns.lookup = false)],
    ['a name server the lab does not run', (d: SimDevice) => void (d.running.dns.nameServers[''] = ['10.9.9.9'])],
    ['license vrf without the vrf name server', (d: SimDevice) => void (d.running.license.vrf = 'Mgmt-vrf')],
  ])('DNS failure: %s', (_name, change) => {
    const d = device();
    change(d);
    expect(cssmReachable(d.netContext())).toEqual({ ok: false, failure: 'dns' });
  });
  test('the VRF variants together work', () => {
    const d = device();
    d.running.license.vrf = 'Mgmt-vrf';
    d.running.dns.nameServers['Mgmt-vrf'] = ['10.31.104.74'];
    d.running.httpClientSourceInterface = 'GigabitEthernet0/0';
    expect(cssmReachable(d.netContext())).toEqual({ ok: true });
  });
  test('a source interface outside the VRF in use times out', () => {
    const d = device();
    d.running.httpClientSourceInterface = 'GigabitEthernet0/0';
    expect(cssmReachable(d.netContext())).toEqual({ ok: false, failure: 'timeout' });
  });
  test('a shut source interface times out (proxy given by address, so DNS is not needed)', () => {
    const d = device();
    d.running.license.proxyAddress = '192.168.217.105';
    d.running.license.proxyPort = 80;
    d.running.httpClientSourceInterface = 'Vlan10';
    d.running.interfaces.Vlan10.shutdown = true;
    expect(cssmReachable(d.netContext())).toEqual({ ok: false, failure: 'timeout' });
  });
  test('proxy: right one works, wrong port is refused, down times out', () => {
    const d = device();
    d.running.license.proxyAddress = '192.168.217.105';
    d.running.license.proxyPort = 80;
    expect(cssmReachable(d.netContext())).toEqual({ ok: true });
    expect(tcpConnect(d.netContext(), '192.168.217.105', 8080, '')).toBe('refused');
    expect(tcpConnect(device({ proxy: 'down' }).netContext(), '192.168.217.105', 80, '')).toBe('timeout');
    d.running.license.proxyPort = 8080;
    expect(cssmReachable(d.netContext())).toEqual({ ok: false, failure: 'timeout' });
  });
  test('faults: dns_unreachable, cssm timeout, cssm no_reply', () => {
    expect(cssmReachable(device({ dns_unreachable: true }).netContext())).toEqual({ ok: false, failure: 'dns' });
    expect(resolve(device({ dns_unreachable: true }).netContext(), 'smartreceiver.cisco.com', '')).toEqual({ ok: false, server: '10.31.104.74' });
    expect(cssmReachable(device({ cssm: 'timeout' }).netContext())).toEqual({ ok: false, failure: 'timeout' });
    expect(cssmReachable(device({ cssm: 'no_reply' }).netContext())).toEqual({ ok: false, failure: 'no_reply' });
  });
});
