import { gateReason } from '../../../src/converge/gate';
import { parseIosXeVersion } from '../../../src/parsers/ios-xe-version';

describe('gateReason', () => {
  it.each([
    ['C9300-48UN', '17.09.04', null],
    ['C9200L-24T-4G', '17.9.1', null],
    ['C9300X-48HX', '17.12.03', null],
    ['C9407R', '17.13.1', null],
    ['C9500X-28C8D', '17.10.1', null],
    ['C9606R', '17.18.1', null],
    ['C9300-48P', '17.03.05', 'IOS XE 17.03.05 is older than 17.9.1 (Smart Licensing Using Policy over Smart Transport needs 17.9.1 or later)'],
    ['C9300-48P', '17.08.01', 'IOS XE 17.08.01 is older than 17.9.1 (Smart Licensing Using Policy over Smart Transport needs 17.9.1 or later)'],
    ['ISR4451-X/K9', '17.09.04', 'platform ISR4451-X/K9 is not a Catalyst 9200/9300/9400/9500/9600'],
    ['C9800-40-K9', '17.09.04', 'platform C9800-40-K9 is not a Catalyst 9200/9300/9400/9500/9600'],
  ])('%s %s', (platform, version, reason) => {
    expect(gateReason({ platform, version: parseIosXeVersion(version) })).toBe(reason);
  });
  it('needs both facts', () => {
    expect(gateReason({ platform: null, version: null })).toBe('platform not found in show version');
    expect(gateReason({ platform: 'C9300-48P', version: null })).toBe('IOS XE version not found in show version');
  });
});
