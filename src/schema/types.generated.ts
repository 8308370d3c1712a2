/* eslint-disable */
/**
 * GENERATED FILE — do not edit. Source: schemas/playbook.schema.json and
 * schemas/inventory.schema.json. Regenerate with `npm run gen:types`
 * (test/unit/schema/types-generated.test.ts fails while this file is stale).
 */

// ---- playbook.schema.json

/**
 * The desired Smart Licensing Using Policy state. Settings IOS XE accepts only together are checked together: a proxy or a URL only with the transports that use them.
 */
export type SlpState = SlpState1;
export type HttpsUrl = string;
export type VrfName = string;
/**
 * An IOS interface name, one token: Vlan10, GigabitEthernet0/0, Port-channel1, TenGigabitEthernet1/1/1.100
 */
export type InterfaceName = string;
export type IpAddress = string;
export type DomainName = string;
export type Address = string;
export type Port = number;
export type Duration = string;
/**
 * A list of plays. Every value that reaches the switch CLI has a strict pattern: one token, no whitespace or control characters, no '?', no '|'.
 *
 * @minItems 1
 */
export type Playbook = Play[];

export interface Play {
  name: string;
  /**
   * Ansible host pattern: names, groups, a:b or a,b (union), a:&b (intersection), !a (exclusion), * and ? wildcards, ~regex, subscripts (web[0], web[0:2]), all.
   */
  hosts: string;
  /**
   * Batch size: a number of hosts or a percentage of the play's hosts. Default: all hosts in one batch.
   */
  serial?: number | string;
  max_fail_percentage?: number;
  /**
   * Minutes for confirm-or-revert (configure terminal revert timer).
   */
  revert_timer?: number;
  /**
   * write memory when something changed (default true)
   */
  save?: boolean;
  /**
   * Play variables, over host variables.
   */
  vars?: {
    [k: string]: unknown | undefined;
  };
  slp: SlpState;
  verify?: VerifyItem[];
}
export interface SlpState1 {
  /**
   * replaced: owned settings take exactly the declared values, absent = default. merged: only add or change.
   */
  state?: 'replaced' | 'merged';
  transport: 'smart' | 'callhome' | 'cslu' | 'off';
  /**
   * "default" or { smart: https://… } or { cslu: https://… }
   */
  url?: 'default' | CustomUrl;
  vrf?: VrfName;
  http_client_source_interface?: InterfaceName;
  /**
   * license smart usage interval, days
   */
  usage_interval?: number;
  dns?: DnsSettings;
  proxy?: ProxySettings;
  trust?: TrustSettings;
  /**
   * license smart sync all after trust or config changes
   */
  sync?: boolean;
  /**
   * Shared settings that state: replaced may remove when the play does not declare them (name servers not listed, a domain name or an HTTP client source interface not declared, in the play's VRF). Other services (PKI, NTP, AAA, syslog, Catalyst Center) use them too, so without an entry here replaced never removes them.
   */
  purge?: ('dns.servers' | 'dns.domain' | 'http_client_source_interface')[];
}
export interface CustomUrl {
  smart?: HttpsUrl;
  cslu?: HttpsUrl;
}
/**
 * Only the sub-keys present are owned.
 */
export interface DnsSettings {
  lookup?: boolean;
  /**
   * @minItems 1
   * @maxItems 6
   */
  servers?: IpAddress[];
  domain?: DomainName;
  source_interface?: InterfaceName;
}
export interface ProxySettings {
  address: Address;
  port: Port;
}
export interface TrustSettings {
  /**
   * The idtoken, usually "{{ env.SLP_IDTOKEN }}". Never printed.
   */
  token?: string;
  /**
   * A file holding the idtoken (relative to the playbook).
   */
  token_file?: string;
  scope?: 'all' | 'local';
  force?: boolean;
  /**
   * How long to wait for the trust code to show in show license status (default 120s). A failure the agent retries is not final before then; a final answer from the switch ends the wait at once.
   */
  timeout?: string;
}
/**
 * One assertion: exactly one assertion key, plus optional name and within (keep checking until it holds or the duration passes).
 */
export interface VerifyItem {
  name?: string;
  within?: Duration;
  trust_installed?: boolean;
  trust_sync_ok?: boolean;
  no_comm_failure_since?: Duration;
  last_ack_within_days?: number;
  settings_as_declared?: boolean;
  reachable?: ReachableCheck;
  history_has_response?: boolean;
  account_is?: Account;
}
export interface ReachableCheck {
  host: Address;
  port: Port;
}
/**
 * The Smart Account and/or Virtual Account the switch must report to (show license status → Account Information).
 */
export interface Account {
  smart_account?: string;
  virtual_account?: string;
}

// ---- inventory.schema.json

/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "group".
 */
export type Group = {
  hosts?: {
    [k: string]: null | HostVars | undefined;
  } | null;
  vars?: null | HostVars;
  children?: {
    [k: string]: Group | undefined;
  } | null;
} | null;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "address".
 */
export type HostAddress = string;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "secret".
 */
export type Secret = string;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "path".
 */
export type Path = string;
/**
 * Key exchange algorithms to offer, in order; replaces the default (and legacy) list
 *
 * @minItems 1
 */
export type AlgorithmList = string[];
/**
 * Host key algorithms to accept, in order; replaces the default (and legacy) list
 *
 * @minItems 1
 */
export type AlgorithmList1 = string[];
/**
 * Ciphers to offer, in order; replaces the default (and legacy) list
 *
 * @minItems 1
 */
export type AlgorithmList2 = string[];
/**
 * MAC algorithms to offer, in order; replaces the default (and legacy) list
 *
 * @minItems 1
 */
export type AlgorithmList3 = string[];
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "groupName".
 */
export type GroupName = string;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "hostName".
 */
export type HostName = string;
/**
 * @minItems 1
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "algorithmList".
 */
export type AlgorithmList4 = string[];

/**
 * Ansible YAML inventory: top-level groups (usually only `all`), each with hosts, vars and children.
 */
export interface InventoryFile {
  [k: string]: Group | undefined;
}
/**
 * Variables of a host or group. The ansible_* and slp_* variables below are understood; any other variable is free for templates. (Typed as an object where it is used: a host entry may also be empty.)
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "hostVars".
 */
export interface HostVars {
  ansible_host?: HostAddress;
  ansible_port?: number;
  ansible_user?: string;
  ansible_password?: Secret;
  ansible_ssh_pass?: Secret;
  ansible_become_password?: Secret;
  ansible_become_pass?: Secret;
  ansible_ssh_private_key_file?: Path;
  slp_private_key_passphrase?: Secret;
  /**
   * strict (default), accept-new or off; true and false (YAML 1.1 yes/no/on/off, as Ansible reads them) mean strict and off.
   */
  slp_host_key_checking?: 'strict' | 'accept-new' | 'off' | true | false;
  /**
   * OpenSSH known_hosts file for host key checking (default ~/.ssh/known_hosts); a relative path is resolved against the inventory file's folder.
   */
  slp_known_hosts_file?: string;
  /**
   * seconds
   */
  slp_connect_timeout?: number;
  /**
   * seconds: overall cap for one command or config line
   */
  slp_command_timeout?: number;
  /**
   * seconds: overall cap for commands with long outputs (show license tech support, show logging, show tech-support license); default 600
   */
  slp_long_command_timeout?: number;
  /**
   * seconds without a byte from the device after which any command fails, under any cap; default 60
   */
  slp_idle_timeout?: number;
  /**
   * Also offer the algorithms old IOS XE images need (diffie-hellman-group14-sha1, group1, ssh-rsa, aes-cbc, hmac-sha1); weak, so off by default
   */
  slp_ssh_legacy?: boolean;
  slp_ssh_kex?: AlgorithmList;
  slp_ssh_host_key_algorithms?: AlgorithmList1;
  slp_ssh_ciphers?: AlgorithmList2;
  slp_ssh_macs?: AlgorithmList3;
  /**
   * Reserved for the simulated lab (defined by the simulator).
   */
  sim?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Reserved for the simulated lab network (defined by the simulator).
   */
  sim_lab?: {
    [k: string]: unknown | undefined;
  };
  [k: string]: unknown | undefined;
}
