import { compareIosXeVersions, parseIosXeVersion, parseShowVersion } from '../../../src/parsers';
import { fixture } from './helpers';

describe('parseShowVersion', () => {
  test('reads a 2-member C9300 stack on 17.9.4a', () => {
    const r = parseShowVersion(fixture('show-version-c9300-stack-17.9.txt'));
    expect(r.warnings).toEqual([]);
    const v = r.value;
    expect(v.version).toEqual({ raw: '17.09.04a', normalized: '17.9.4a', major: 17, minor: 9, rebuild: 4, suffix: 'a' });
    expect([v.hostname, v.platform, v.serial, v.train, v.image, v.smartLicensingStatus]).toEqual(['sw-a1', 'C9300-48UN', 'FOC2345X0AB', 'Cupertino', 'CAT9K_IOSXE', 'Smart Licensing Using Policy']);
    expect(v.uptimeSeconds).toBe(604800 + 2 * 86400 + 3 * 3600 + 4 * 60);
    expect(v.switches).toEqual([
      { switchNumber: 1, active: true, ports: 65, model: 'C9300-48UN', swVersion: '17.09.04a', swImage: 'CAT9K_IOSXE', mode: 'INSTALL', serial: 'FOC2345X0AB' },
      { switchNumber: 2, active: false, ports: 65, model: 'C9300-48UN', swVersion: '17.09.04a', swImage: 'CAT9K_IOSXE', mode: 'INSTALL', serial: 'FOC2345X0AC' },
    ]);
    expect(v.licensePackages).toEqual([
      { current: 'network-advantage', type: 'Smart License', nextReboot: 'network-advantage' },
      { current: 'dna-advantage', type: 'Subscription Smart License', nextReboot: 'dna-advantage' },
    ]);
    expect(v.lastReloadReason).toBe('Reload Command');
  });

  test('warns when there is nothing to read', () => {
    expect(parseShowVersion('garbage\n').warnings).toEqual(['no IOS XE version found', 'no platform (PID) found']);
  });

  test.each([
    ['17.09.04', '17.9.4', 4],
    ['17.9.4', '17.9.4', 4],
    ['17.9.4a', '17.9.4a', 4],
    ['17.18.01prd21', '17.18.1prd21', 1],
    ['17.10.20220531:054228', '17.10', null],
  ])('normalises %s', (raw, normalized, rebuild) => {
    expect(parseIosXeVersion(raw)).toMatchObject({ normalized, rebuild });
  });

  test('orders versions for the 17.9.1 gate', () => {
    const gate = parseIosXeVersion('17.9.1')!;
    expect(compareIosXeVersions(parseIosXeVersion('17.03.05')!, gate)).toBeLessThan(0);
    expect(compareIosXeVersions(parseIosXeVersion('17.09.01')!, gate)).toBe(0);
    expect(compareIosXeVersions(parseIosXeVersion('17.12.03')!, gate)).toBeGreaterThan(0);
    expect(parseIosXeVersion('S2C')).toBeNull();
  });
});
