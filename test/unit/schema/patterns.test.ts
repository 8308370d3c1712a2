import { validatePlay } from '../../../src/schema/validators';

/** Every value that reaches the switch CLI: what passes and what must never pass. */
function accepts(slp: Record<string, unknown>): boolean {
  return validatePlay({ name: 'p', hosts: 'all', slp: { transport: 'smart', ...slp } });
}

const SMUGGLE = ['\n', '\r', '\t', ' ', '?', '|', '\u0000', '\u001b', ';'];

describe('CLI-safe patterns', () => {
  test.each([
    ['interface', (v: string) => ({ http_client_source_interface: v }), ['Vlan10', 'GigabitEthernet0/0', 'GigabitEthernet1/0/48', 'Port-channel1', 'TenGigabitEthernet1/1/1.100', 'Loopback0', 'AppGigabitEthernet1/0/1']],
    ['vrf', (v: string) => ({ vrf: v }), ['Mgmt-vrf', 'mgmt', 'VRF_1', 'a:b.c']],
    ['proxy address', (v: string) => ({ proxy: { address: v, port: 80 } }), ['192.168.217.105', 'proxy.example.com', '2001:db8::1', '::1', 'proxy']],
    ['domain', (v: string) => ({ dns: { domain: v } }), ['example.com', 'lab.local', 'cisco.com']],
    ['name server', (v: string) => ({ dns: { servers: [v] } }), ['10.31.104.74', '2001:db8::53']],
    ['url', (v: string) => ({ url: { smart: v } }), ['https://smartreceiver.cisco.com/licservice/license', 'https://10.1.1.1:8443/SmartTransport', 'https://[2001:db8::1]/x']],
    // The form CSSM issues (reference §2.1, the seed's example shape): URL-encoded base64 with %0A/%3D.
    ['token', (v: string) => ({ trust: { token: v } }), ['a'.repeat(20), 'ODRlYjQ2ZDItZjY5Mi00NmYy+/=._-x', 'x'.repeat(8192),
      'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQzLTE3NDAyNjU5%0AODA0NTV8VXVHVjdvVjByejY1aVZYa0lCVkl0dGVzdFNk9WZTdDb3lhZEZT%0ANjkyST0%3D%0A']],
  ])('%s: accepts real values, rejects every smuggling character', (_name, wrap, good) => {
    for (const v of good) expect([v, accepts(wrap(v))]).toEqual([v, true]);
    for (const v of good) {
      for (const bad of SMUGGLE) {
        const injected = `${v}${bad}no ip routing`;
        expect([injected, accepts(wrap(injected))]).toEqual([injected, false]);
      }
    }
  });

  test.each([
    ['proxy address', { proxy: { address: '1.2.3', port: 80 } }],
    ['proxy address', { proxy: { address: '256.1.1.1', port: 80 } }],
    ['name server host name', { dns: { servers: ['dns.example.com'] } }],
    ['plain http url', { url: { smart: 'http://x.example.com/' } }],
    ['url keyword', { url: 'custom' }],
    ['both url kinds', { url: { smart: 'https://a.example.com/', cslu: 'https://b.example.com/' } }],
    ['short token', { trust: { token: 'a'.repeat(19) } }],
    ['long token', { trust: { token: 'a'.repeat(8193) } }],
    ['token with a broken % escape', { trust: { token: 'NGFkODgzMGUtZmNkMS00NTRj%0' } }],
    ['token with a % escape of a non-hex', { trust: { token: 'NGFkODgzMGUtZmNkMS00NTRj%G1' } }],
    ['token with a space', { trust: { token: 'NGFkODgzMGUtZmNk MS00NTRj' } }],
    ['interface without number', { http_client_source_interface: 'Vlan' }],
    ['vrf too long', { vrf: 'v'.repeat(33) }],
  ])('rejects %s %j', (_name, slp) => {
    expect(accepts(slp)).toBe(false);
  });
});
