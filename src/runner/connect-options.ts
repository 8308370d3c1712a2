/**
 * The one mapping from an inventory host to the SSH driver's ConnectOptions, shared by `slp run`
 * (plan, apply, demo) and `slp diagnose`, so the two cannot disagree on how a host is reached.
 */
import os from 'node:os';
import type { ConnectOptions } from '../device';
import type { InventoryHost } from '../inventory/inventory';

/** Per-call additions the inventory does not hold: transcript file, extra secrets, event hook. */
export type ConnectExtras = Partial<Omit<ConnectOptions, 'name'>>;

/**
 * ConnectOptions for `host`. Without `ansible_user` the login name is the local OS user, as ssh and
 * Ansible default it. Optional fields absent from the inventory stay absent, so the driver's own
 * defaults (e.g. ~/.ssh/known_hosts) apply.
 */
export function connectOptionsFor(host: InventoryHost, extra: ConnectExtras = {}): ConnectOptions {
  const c = host.connection;
  return {
    name: host.name,
    host: c.address,
    port: c.port,
    username: c.username ?? os.userInfo().username,
    ...(c.password !== undefined ? { password: c.password } : {}),
    ...(c.enableSecret !== undefined ? { enableSecret: c.enableSecret } : {}),
    ...(c.privateKeyFile !== undefined ? { privateKeyFile: c.privateKeyFile } : {}),
    ...(c.privateKeyPassphrase !== undefined ? { passphrase: c.privateKeyPassphrase } : {}),
    ...(c.knownHostsFile !== undefined ? { knownHostsFile: c.knownHostsFile } : {}),
    hostKeyChecking: c.hostKeyChecking,
    connectTimeoutMs: c.connectTimeoutMs,
    commandTimeoutMs: c.commandTimeoutMs,
    ...(c.longCommandTimeoutMs !== undefined ? { longCommandTimeoutMs: c.longCommandTimeoutMs } : {}),
    ...(c.idleTimeoutMs !== undefined ? { idleTimeoutMs: c.idleTimeoutMs } : {}),
    ...(c.algorithms !== undefined ? { algorithms: c.algorithms } : {}),
    ...extra,
  };
}

/**
 * The secrets a host's connection holds, for a redactor: enable secret, key passphrase, and the
 * login password unless it equals the login name actually used (the lab's admin/admin is no
 * secret, and hiding it would garble every `username admin` line) — the driver's own rule.
 */
export function connectionSecrets(host: InventoryHost): (string | undefined)[] {
  const o = connectOptionsFor(host);
  return [o.password !== o.username ? o.password : undefined, o.enableSecret, o.passphrase, ...(host.secrets ?? [])];
}
