import { parseShowRunningConfig } from '../../../src/parsers';
import { fixture } from './helpers';

describe('parseShowRunningConfig', () => {
  test('extracts the SLP, DNS, HTTP client and archive settings', () => {
    const r = parseShowRunningConfig(fixture('show-running-config-slp.txt'));
    expect(r.value.slp).toEqual({
      hostname: 'sw-a1',
      transport: 'smart',
      url: { kind: 'default' },
      csluUrl: 'https://cslu.example.com/cslu/v1/pi',
      proxyAddress: '192.168.217.105',
      proxyPort: 80,
      vrf: 'Mgmt-vrf',
      usageInterval: 30,
      bootLevel: { level: 'network-advantage', addon: 'dna-advantage' },
      licenseSmartLines: [
        'license smart transport smart',
        'license smart url default',
        'license smart url cslu https://cslu.example.com/cslu/v1/pi',
        'license smart proxy address 192.168.217.105',
        'license smart proxy port 80',
        'license smart vrf Mgmt-vrf',
        'license smart usage interval 30',
        'license smart frobnicate on',
      ],
      httpClientSourceInterface: 'Vlan10',
      dns: {
        lookup: false,
        lookupSourceInterfaces: [{ vrf: 'Mgmt-vrf', value: 'GigabitEthernet0/0' }, { vrf: null, value: 'Vlan10' }],
        domainNames: [{ vrf: null, value: 'example.com' }, { vrf: 'Mgmt-vrf', value: 'lab.local' }],
        nameServers: [
          { vrf: null, value: '10.31.104.74' },
          { vrf: null, value: '10.31.104.75' },
          { vrf: null, value: '10.31.104.76' },
          { vrf: 'Mgmt-vrf', value: '10.0.0.3' },
        ],
      },
      archive: { path: 'flash:slp-backup', maximum: 5, writeMemory: true, timePeriod: null },
    });
    expect(r.warnings).toEqual([expect.stringContaining('unrecognised "license smart frobnicate on"')]);
  });

  test('builds the parent/child tree; banner text is not read as config', () => {
    const { tree, slp } = parseShowRunningConfig(fixture('show-running-config-slp.txt')).value;
    const vrf = tree.find((n) => n.text === 'vrf definition Mgmt-vrf');
    // IOS prints exit-address-family at the same depth as address-family.
    expect(vrf?.children.map((c) => c.text)).toEqual(['address-family ipv4', 'exit-address-family']);
    expect(tree.find((n) => n.text === 'line vty 0 4')?.children.map((c) => c.text)).toEqual(['transport input ssh']);
    expect(slp.transport).toBe('smart'); // the banner's "license smart transport off" did not count
  });

  test('a default config has no license smart lines: transport null (IOS default cslu), lookup on', () => {
    const { slp } = parseShowRunningConfig('hostname sw\n!\ninterface Vlan1\n no ip address\n!\nend\n').value;
    expect(slp.transport).toBeNull();
    expect(slp.url).toBeNull();
    expect(slp.dns.lookup).toBe(true);
    expect(slp.archive).toBeNull();
  });

  test('| include output: indented leftovers do not count as licensing', () => {
    const r = parseShowRunningConfig('sw#show running-config | include transport\nlicense smart transport off\n transport input ssh\n  destination transport-method http\nsw#');
    expect(r.value.slp.transport).toBe('off');
    expect(r.value.slp.licenseSmartLines).toEqual(['license smart transport off']);
  });

  test('legacy "license smart url <url>" and smart URL forms', () => {
    expect(parseShowRunningConfig('license smart url https://a.example/x\n').value.slp.url).toEqual({ kind: 'legacy', url: 'https://a.example/x' });
    expect(parseShowRunningConfig('license smart url smart https://b.example/y\n').value.slp.url).toEqual({ kind: 'smart', url: 'https://b.example/y' });
  });
});
