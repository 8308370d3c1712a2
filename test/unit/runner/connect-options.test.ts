import os from 'node:os';
import type { InventoryHost } from '../../../src/inventory/inventory';
import { connectionSecrets, connectOptionsFor } from '../../../src/runner/connect-options';

function host(connection: Partial<InventoryHost['connection']>): InventoryHost {
  return {
    name: 'sw1',
    groups: ['all'],
    vars: {},
    connection: { address: '10.0.0.1', port: 22, hostKeyChecking: 'strict', connectTimeoutMs: 10_000, commandTimeoutMs: 30_000, ...connection },
  };
}

describe('connectOptionsFor', () => {
  test('maps every inventory field, and adds the per-call extras', () => {
    const h = host({
      username: 'netops', password: 'pw-123456', enableSecret: 'en-secret', privateKeyFile: '/k/id', privateKeyPassphrase: 'phrase-1',
      knownHostsFile: '/inv/known_hosts', hostKeyChecking: 'accept-new',
    });
    expect(connectOptionsFor(h, { transcriptFile: '/logs/sw1.log', secrets: ['tok'] })).toEqual({
      name: 'sw1', host: '10.0.0.1', port: 22, username: 'netops', password: 'pw-123456', enableSecret: 'en-secret',
      privateKeyFile: '/k/id', passphrase: 'phrase-1', knownHostsFile: '/inv/known_hosts', hostKeyChecking: 'accept-new',
      connectTimeoutMs: 10_000, commandTimeoutMs: 30_000, transcriptFile: '/logs/sw1.log', secrets: ['tok'],
    });
  });

  test('without ansible_user the login is the OS user (as ssh and Ansible), and absent fields stay absent', () => {
    expect(connectOptionsFor(host({}))).toEqual({
      name: 'sw1', host: '10.0.0.1', port: 22, username: os.userInfo().username, hostKeyChecking: 'strict', connectTimeoutMs: 10_000, commandTimeoutMs: 30_000,
    });
  });
});

describe('connectionSecrets', () => {
  test('a password equal to the login name is no secret; enable secret and passphrase always are', () => {
    expect(connectionSecrets(host({ username: 'admin', password: 'admin', enableSecret: 'lab-enable' }))).toEqual([undefined, 'lab-enable', undefined]);
    expect(connectionSecrets(host({ username: 'admin', password: 'S3cret', privateKeyPassphrase: 'phrase' }))).toEqual(['S3cret', undefined, 'phrase']);
  });
});
