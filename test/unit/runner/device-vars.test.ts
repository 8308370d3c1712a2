import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError } from '../../../src/errors';
import { loadInventory } from '../../../src/inventory/load-inventory';
import { connectOptionsFor } from '../../../src/runner/connect-options';

/** The driver's per-host settings reach ConnectOptions from a host or any of its groups. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-devvars-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function optionsOf(text: string, host: string) {
  const file = join(dir, `inv-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const inv = loadInventory(file, {});
  const h = inv.hosts.get(host);
  if (!h) throw new Error(`no host ${host}`);
  return connectOptionsFor(h);
}

describe('device variables in the inventory', () => {
  const INV = `
all:
  children:
    slow_supervisors:
      vars: { slp_long_command_timeout: 1200, slp_idle_timeout: 90 }
      hosts:
        sw1:
        sw2: { slp_idle_timeout: 15 }
    fast:
      hosts:
        sw3:
`;
  test('timeouts set on a group apply to its hosts, a host value wins, others keep the defaults', () => {
    expect(optionsOf(INV, 'sw1')).toMatchObject({ longCommandTimeoutMs: 1_200_000, idleTimeoutMs: 90_000 });
    expect(optionsOf(INV, 'sw2')).toMatchObject({ longCommandTimeoutMs: 1_200_000, idleTimeoutMs: 15_000 });
    const sw3 = optionsOf(INV, 'sw3');
    expect(sw3.longCommandTimeoutMs).toBeUndefined();
    expect(sw3.idleTimeoutMs).toBeUndefined();
  });

  test('a timeout that is not a positive number is refused with its location', () => {
    expect(() => optionsOf('all:\n  hosts:\n    sw1: { slp_idle_timeout: 0 }\n', 'sw1')).toThrow(ConfigError);
    expect(() => optionsOf('all:\n  hosts:\n    sw1: { slp_idle_timeout: 0 }\n', 'sw1')).toThrow(/:3:\d+: .*slp_idle_timeout/);
  });
});

describe('SSH algorithms in the inventory', () => {
  const INV = `
all:
  children:
    old_images:
      vars: { slp_ssh_legacy: true }
      hosts:
        sw1:
        sw2: { slp_ssh_ciphers: [aes128-cbc], slp_ssh_kex: [diffie-hellman-group1-sha1] }
    modern:
      hosts:
        sw3:
`;
  test('slp_ssh_legacy on a group reaches its hosts; explicit lists ride along; others offer only the defaults', () => {
    expect(optionsOf(INV, 'sw1').algorithms).toEqual({ legacy: true });
    expect(optionsOf(INV, 'sw2').algorithms).toEqual({ legacy: true, cipher: ['aes128-cbc'], kex: ['diffie-hellman-group1-sha1'] });
    expect(optionsOf(INV, 'sw3').algorithms).toBeUndefined();
  });

  test('an algorithm name with a space is refused with its location', () => {
    expect(() => optionsOf('all:\n  hosts:\n    sw1: { slp_ssh_macs: ["hmac sha1"] }\n', 'sw1')).toThrow(/:3:\d+: .*slp_ssh_macs/);
  });
});
