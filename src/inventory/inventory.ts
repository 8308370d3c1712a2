/** The loaded inventory: hosts with merged, rendered variables and how to reach each one. */
import type { ConfigIssue } from '../errors';
import type { YamlSource, DocPath } from '../schema/yaml-source';
import type { InventoryTree } from './inventory-tree';

/** How a host key is checked against known_hosts (`slp_host_key_checking`). */
export type HostKeyChecking = 'strict' | 'accept-new' | 'off';

/** Everything the device driver needs to open a session, from ansible_* and slp_* variables. */
export interface HostConnection {
  /** ansible_host, or the inventory name. */
  address: string;
  /** ansible_port, default 22. */
  port: number;
  username?: string;
  /** ansible_password / ansible_ssh_pass. */
  password?: string;
  /** ansible_become_password / ansible_become_pass: the enable secret. */
  enableSecret?: string;
  /** ansible_ssh_private_key_file, resolved against the inventory's directory, ~ expanded. */
  privateKeyFile?: string;
  /** slp_private_key_passphrase. */
  privateKeyPassphrase?: string;
  /** slp_host_key_checking, default strict (as Ansible's host_key_checking = True). */
  hostKeyChecking: HostKeyChecking;
  /** slp_known_hosts_file, resolved against the inventory's directory, ~ expanded; absent = the driver's ~/.ssh/known_hosts. */
  knownHostsFile?: string;
  /** slp_connect_timeout (seconds) × 1000, default 10 s. */
  connectTimeoutMs: number;
  /** slp_command_timeout (seconds) × 1000, default 30 s. */
  commandTimeoutMs: number;
  /** slp_long_command_timeout (seconds) × 1000; absent = the driver's default. */
  longCommandTimeoutMs?: number;
  /** slp_idle_timeout (seconds) × 1000; absent = the driver's default. */
  idleTimeoutMs?: number;
  /** slp_ssh_legacy and the slp_ssh_* lists; absent = the driver's modern defaults. */
  algorithms?: SshAlgorithms;
}

/** SSH algorithms to offer: the legacy set added, and/or explicit lists per class (which win). */
export interface SshAlgorithms {
  legacy?: boolean;
  kex?: string[];
  serverHostKey?: string[];
  cipher?: string[];
  hmac?: string[];
}

/** A host with its groups and its merged, rendered variables. */
export interface InventoryHost {
  name: string;
  /** Every group the host belongs to, `all` first, in variable-precedence order. */
  groups: string[];
  /** Merged (all < parent < child < host) and rendered variables. */
  vars: Record<string, unknown>;
  connection: HostConnection;
  /** Values decrypted from Ansible Vault in this inventory: never shown, never written. */
  secrets?: readonly string[];
}

/** A group with its place in the hierarchy. */
export interface InventoryGroup {
  name: string;
  /** Distance from `all` along the longest parent chain (all = 0), as Ansible computes it. */
  depth: number;
  parents: string[];
  children: string[];
  /** Hosts listed in this group or any descendant, in inventory order. */
  hosts: string[];
  /** Hosts listed in this group itself, in inventory order. */
  directHosts: string[];
}

/** A loaded inventory: hosts and groups, with the source kept for locating issues. */
export interface Inventory {
  /** The sources as given, joined with ", " (for messages). */
  file: string;
  /** Every source as given (files, directories, host lists, scripts). */
  sources: string[];
  /** The first source file read (kept for callers locating issues in a single-file inventory). */
  source: YamlSource;
  /** In the order hosts first appear in the file. */
  hosts: Map<string, InventoryHost>;
  groups: Map<string, InventoryGroup>;
  /** What was found but not read (unknown files in group_vars, ignored files…), with its path. */
  notes: ConfigIssue[];
  /** The variables as written, before templates (for `slp inventory --list`). */
  tree: InventoryTree;
}

/** A variable's value with where it was written. */
export interface VarEntry {
  value: unknown;
  path: DocPath;
  /** The file it was written in (an inventory source, or a group_vars/host_vars file). */
  source: YamlSource;
}
