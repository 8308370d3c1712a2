import { homedir } from 'os';
import { isAbsolute, join, resolve } from 'path';
import type { HostVars } from '../schema/types.generated';
import type { HostConnection, SshAlgorithms } from './inventory';

export const DEFAULT_CONNECTION = {
  port: 22,
  hostKeyChecking: 'strict',
  connectTimeoutMs: 10_000,
  commandTimeoutMs: 30_000,
} as const;

/** Reads the ansible_* / slp_* variables of one host (already rendered and schema-checked). */
export function hostConnection(name: string, vars: HostVars, inventoryDir: string): HostConnection {
  const connection: HostConnection = {
    address: vars.ansible_host ?? name,
    port: vars.ansible_port ?? DEFAULT_CONNECTION.port,
    hostKeyChecking: keyChecking(vars.slp_host_key_checking),
    connectTimeoutMs: seconds(vars.slp_connect_timeout) ?? DEFAULT_CONNECTION.connectTimeoutMs,
    commandTimeoutMs: seconds(vars.slp_command_timeout) ?? DEFAULT_CONNECTION.commandTimeoutMs,
  };
  const username = vars.ansible_user;
  const password = vars.ansible_password ?? vars.ansible_ssh_pass;
  const enableSecret = vars.ansible_become_password ?? vars.ansible_become_pass;
  const keyFile = vars.ansible_ssh_private_key_file;
  const passphrase = vars.slp_private_key_passphrase;
  const knownHosts = vars.slp_known_hosts_file;
  const longCap = seconds(vars.slp_long_command_timeout);
  const idle = seconds(vars.slp_idle_timeout);
  if (longCap !== undefined) connection.longCommandTimeoutMs = longCap;
  if (idle !== undefined) connection.idleTimeoutMs = idle;
  const algorithms = sshAlgorithms(vars);
  if (algorithms) connection.algorithms = algorithms;
  if (username !== undefined) connection.username = username;
  if (password !== undefined) connection.password = password;
  if (enableSecret !== undefined) connection.enableSecret = enableSecret;
  if (keyFile !== undefined) connection.privateKeyFile = filePath(keyFile, inventoryDir);
  if (passphrase !== undefined) connection.privateKeyPassphrase = passphrase;
  if (knownHosts !== undefined) connection.knownHostsFile = filePath(knownHosts, inventoryDir);
  return connection;
}

/** `off` unquoted is the boolean false in YAML 1.1 (Ansible's reading), so booleans are accepted. */
function keyChecking(value: HostVars['slp_host_key_checking']): HostConnection['hostKeyChecking'] {
  if (value === undefined) return DEFAULT_CONNECTION.hostKeyChecking;
  if (value === true) return 'strict';
  if (value === false) return 'off';
  return value;
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 1000);
}

/** A path variable: ~ expanded, relative paths against the inventory's folder (as Ansible's own). */
function filePath(file: string, base: string): string {
  if (file === '~' || file.startsWith('~/')) return join(homedir(), file.slice(1));
  return isAbsolute(file) ? file : resolve(base, file);
}

/** slp_ssh_legacy and the per-class lists, or undefined when none is set. */
function sshAlgorithms(vars: HostVars): SshAlgorithms | undefined {
  const out: SshAlgorithms = {};
  if (vars.slp_ssh_legacy !== undefined) out.legacy = vars.slp_ssh_legacy;
  if (vars.slp_ssh_kex) out.kex = [...vars.slp_ssh_kex];
  if (vars.slp_ssh_host_key_algorithms) out.serverHostKey = [...vars.slp_ssh_host_key_algorithms];
  if (vars.slp_ssh_ciphers) out.cipher = [...vars.slp_ssh_ciphers];
  if (vars.slp_ssh_macs) out.hmac = [...vars.slp_ssh_macs];
  return Object.keys(out).length > 0 ? out : undefined;
}
