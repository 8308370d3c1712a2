import { maskConfigSecrets, MASK } from '../../src/redact-config';
import { Redactor } from '../../src/redact';

/** Each secret kind a running-config carries: the line kept, only the value masked. */
const CASES: [string, string, string][] = [
  ['enable secret', 'enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM', `enable secret 9 ${MASK}`],
  ['enable password', 'enable password 7 0822455D0A16', `enable password 7 ${MASK}`],
  ['enable password level', 'enable password level 5 7 0822455D0A16', `enable password level 5 7 ${MASK}`],
  ['line password', ' password 7 094F471A1A0A', ` password 7 ${MASK}`],
  ['username secret', 'username admin privilege 15 secret 9 $9$abcdefgh$ijklmn', `username admin privilege 15 secret 9 ${MASK}`],
  ['username scrypt', 'username netops privilege 15 algorithm-type scrypt secret 9 $9$2MJBozw/9R3UsU$x', `username netops privilege 15 algorithm-type scrypt secret 9 ${MASK}`],
  ['username password 7', 'username ro password 7 121A0C041104', `username ro password 7 ${MASK}`],
  ['secret 5', 'username old secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', `username old secret 5 ${MASK}`],
  ['secret 8', 'enable secret 8 $8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs', `enable secret 8 ${MASK}`],
  ['SNMP community RO', 'snmp-server community N0tPublic RO', `snmp-server community ${MASK} RO`],
  ['SNMP community ACL', 'snmp-server community Priv4te RW SNMP-ACL', `snmp-server community ${MASK} RW SNMP-ACL`],
  ['SNMPv3 user', 'snmp-server user mon grp v3 auth sha AuthPass1 priv aes 128 PrivPass1', `snmp-server user mon grp v3 auth sha ${MASK} priv aes 128 ${MASK}`],
  ['key chain key-string', ' key-string 7 070C285F4D06', ` key-string 7 ${MASK}`],
  ['key-string plain', ' key-string OspfKey1', ` key-string ${MASK}`],
  ['tacacs server key 7', ' key 7 0822455D0A16', ` key 7 ${MASK}`],
  ['tacacs-server global key', 'tacacs-server key 7 0822455D0A16', `tacacs-server key 7 ${MASK}`],
  ['tacacs-server host key', 'tacacs-server host 10.0.0.5 key T4cacsKey', `tacacs-server host 10.0.0.5 key ${MASK}`],
  ['radius-server host key', 'radius-server host 10.0.0.6 auth-port 1812 acct-port 1813 key 7 05080F1C2243', `radius-server host 10.0.0.6 auth-port 1812 acct-port 1813 key 7 ${MASK}`],
  ['server-private key', ' server-private 10.0.0.7 key 7 0822455D0A16', ` server-private 10.0.0.7 key 7 ${MASK}`],
  ['crypto isakmp key', 'crypto isakmp key IsakmpK3y address 203.0.113.9', `crypto isakmp key ${MASK} address 203.0.113.9`],
  ['crypto isakmp key 6', 'crypto isakmp key 6 FLgBaJHXdYY_AcHZZMgQ_RhTDJXHUBAAB address 0.0.0.0', `crypto isakmp key 6 ${MASK} address 0.0.0.0`],
  ['pre-shared-key', '  pre-shared-key local 0 Ikev2Psk', `  pre-shared-key local 0 ${MASK}`],
  ['NTP authentication key', 'ntp authentication-key 1 md5 0822455D0A16 7', `ntp authentication-key 1 md5 ${MASK} 7`],
  ['NTP key plain', 'ntp authentication-key 42 md5 NtpKey42', `ntp authentication-key 42 md5 ${MASK}`],
  ['echoed after a prompt', 'sw1(config)#snmp-server community Echoed RO', `sw1(config)#snmp-server community ${MASK} RO`],
];

/** Lines that hold no secret and must come out unchanged. */
const KEEP = [
  ' key 1', // a key id in a key chain
  'key chain OSPF',
  'ntp authenticate',
  'ntp trusted-key 1',
  'service password-encryption',
  'no service password-recovery',
  'sw-password-01                : ok=5    changed=1    unreachable=0    failed=0',
  'Device sw-secret-lab password policy: strict',
  'crypto pki trustpoint SLA-TrustPoint',
  'snmp-server enable traps',
  '% Bad secrets',
];

describe('maskConfigSecrets', () => {
  it.each(CASES)('masks the %s value and keeps the line', (_name, line, masked) => {
    expect(maskConfigSecrets(line)).toBe(masked);
  });

  it.each(KEEP.map((l) => [l]))('keeps %j as is', (line) => {
    expect(maskConfigSecrets(line)).toBe(line);
  });

  it('masks a whole config line by line, keeping every line for a diff', () => {
    const config = CASES.map((c) => c[1]).join('\n');
    const masked = maskConfigSecrets(config);
    expect(masked.split('\n')).toEqual(CASES.map((c) => c[2]));
    expect(maskConfigSecrets(masked)).toBe(masked);
  });

  it('is part of every Redactor', () => {
    expect(new Redactor().redact('snmp-server community N0tPublic RO\n')).toBe(`snmp-server community ${MASK} RO\n`);
  });
});
