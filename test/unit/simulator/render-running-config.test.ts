import { SimDevice } from '../../../src/simulator/sim-device';
import { renderLicenseLines } from '../../../src/simulator/render-running-config';

const dev = (): SimDevice => new SimDevice({ name: 'sw', port: 0, credentials: { username: 'admin', password: 'pw', enableSecret: 'sekret' } }, { asyncDelayMs: 10 });
const lines = (d: SimDevice): string[] => d.runningConfigText().split('\n');

describe('running-config rendering', () => {
  test('factory defaults hide ip domain lookup and the cslu transport', () => {
    const d = dev();
    const text = d.runningConfigText();
    expect(text).not.toMatch(/^ip domain lookup$/m);
    expect(text).not.toMatch(/^license smart transport/m);
    expect(renderLicenseLines(d.running, d.platform)).toEqual(['license boot level network-advantage addon dna-advantage']);
  });
  test('the no form of a default is shown', () => {
    const d = dev();
    d.running.dns.lookup = false;
    expect(lines(d)).toContain('no ip domain lookup');
  });
  test('SLP lines in IOS order, including VRF variants', () => {
    const d = dev();
    Object.assign(d.running.license, { transport: 'smart', urlDefault: true, proxyAddress: '192.168.217.105', proxyPort: 80, vrf: 'Mgmt-vrf', usageInterval: 30 });
    d.running.dns.lookupSource['Mgmt-vrf'] = 'GigabitEthernet0/0';
    d.running.dns.nameServers['Mgmt-vrf'] = ['10.31.104.74', '10.31.104.75'];
    d.running.dns.domainName['Mgmt-vrf'] = 'example.com';
    d.running.httpClientSourceInterface = 'GigabitEthernet0/0';
    const l = lines(d);
    expect(l.filter((x) => /^(license|ip domain|ip name-server|ip http client)/.test(x))).toEqual([
      'ip domain lookup vrf Mgmt-vrf source-interface GigabitEthernet0/0',
      'ip domain name vrf Mgmt-vrf example.com',
      'ip name-server vrf Mgmt-vrf 10.31.104.74 10.31.104.75',
      'license boot level network-advantage addon dna-advantage',
      'license smart transport smart',
      'license smart url default',
      'license smart proxy address 192.168.217.105',
      'license smart proxy port 80',
      'license smart vrf Mgmt-vrf',
      'license smart usage interval 30',
      'ip http client source-interface GigabitEthernet0/0',
    ]);
  });
  test('secrets never appear in clear text and the byte count is right', () => {
    const text = dev().runningConfigText();
    expect(text).not.toContain('sekret');
    expect(text).toMatch(/^enable secret 9 \$9\$/m);
    const body = text.slice(text.indexOf('\n!') + 1);
    expect(text).toContain(`Current configuration : ${Buffer.byteLength(body)} bytes`);
  });
  test('a C9200L runs the essentials tier', () => {
    const d = new SimDevice({ name: 'x', port: 0, credentials: { username: 'a', password: 'b' }, sim: { platform: 'C9200L-24T-4G' } }, { asyncDelayMs: 10 });
    expect(lines(d)).toContain('license boot level network-essentials addon dna-essentials');
  });
});
