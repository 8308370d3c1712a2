import { canonicalInterface, canonicalLines, DEFAULT_SMART_URL, isHiddenDefault } from '../../../src/settings/equivalences';

describe('canonicalLines', () => {
  it.each([
    ['license smart url default', ['license smart url default']],
    [`license smart url smart ${DEFAULT_SMART_URL}`, ['license smart url default']],
    [`license smart url ${DEFAULT_SMART_URL}`, ['license smart url default']],
    ['license smart url https://onprem.example.com/x', ['license smart url smart https://onprem.example.com/x']],
    ['ip domain-name example.com', ['ip domain name example.com']],
    ['ip domain-name vrf Mgmt-vrf example.com', ['ip domain name vrf Mgmt-vrf example.com']],
    ['ip name-server 10.0.0.1 10.0.0.2', ['ip name-server 10.0.0.1', 'ip name-server 10.0.0.2']],
    ['ip name-server vrf Mgmt-vrf 10.0.0.1', ['ip name-server vrf Mgmt-vrf 10.0.0.1']],
    ['ip name-server vrf Mgmt-vrf 10.0.0.1 2001:db8::1', ['ip name-server vrf Mgmt-vrf 10.0.0.1', 'ip name-server vrf Mgmt-vrf 2001:db8::1']],
    ['ip domain lookup source-interface vlan10', ['ip domain lookup source-interface Vlan10']],
    ['ip http client source-interface  gi0/0', ['ip http client source-interface GigabitEthernet0/0']],
  ])('%s', (line, expected) => {
    expect(canonicalLines(line)).toEqual(expected);
  });

  it('knows which canonical lines are hidden defaults', () => {
    expect(['license smart url default', 'license smart transport cslu', 'ip domain lookup', 'no ip domain lookup', 'license smart transport smart'].map(isHiddenDefault)).toEqual([true, true, true, false, false]);
  });
});

describe('canonicalInterface', () => {
  it.each([
    ['vlan10', 'Vlan10'],
    ['Vlan 10', 'Vlan10'],
    ['gi0/0', 'GigabitEthernet0/0'],
    ['Gig1/0/1', 'GigabitEthernet1/0/1'],
    ['te1/1/1', 'TenGigabitEthernet1/1/1'],
    ['tw1/0/1', 'TwoGigabitEthernet1/0/1'],
    ['twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['po1', 'Port-channel1'],
    ['lo0', 'Loopback0'],
    ['Weird9', 'Weird9'],
  ])('%s → %s', (typed, canonical) => {
    expect(canonicalInterface(typed)).toBe(canonical);
  });
});
