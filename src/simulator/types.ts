/**
 * Shapes of the simulated lab: one `SimDeviceSpec` per switch (credentials + the inventory's
 * `sim:` block) and the lab network (`sim_lab:`). The `sim:` block is documented in
 * docs/contracts.md §4; everything here is optional so an empty block gives a healthy C9300.
 */

export interface SimFaults {
  dns_unreachable?: boolean;
  /**
   * `holds_open`: the proxy accepts the TCP session and never answers on it (the agent times out).
   * `auth_required`: the proxy answers CONNECT with HTTP 407 (RFC 9110; the agent's reason text is
   * inferred). `tls_inspection`: the proxy re-signs CSSM's certificate with its own CA [I].
   */
  proxy?: 'down' | 'wrong_port' | 'holds_open' | 'auth_required' | 'tls_inspection';
  /**
   * `empty_response`: the server behind the URL answers with nothing (reference §2.4
   * `Received empty response from server`, [C-other CZNOLAN]). `server_error`: Trust Sync is answered
   * `OK_TRY_AGAIN` / `Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT` (§4.1, [C GP]).
   */
  cssm?: 'timeout' | 'no_reply' | 'empty_response' | 'server_error';
  /** CRL download for SLA-TrustPoint fails (`%PKI-3-CRL_FETCH_FAIL`, text inferred): TLS to CSSM fails. */
  crl_fetch_fail?: boolean;
  token?: 'invalid' | 'expired';
  auth_failure?: boolean;
  /** The first session to be sent N+1 commands loses its connection (once per switch). */
  disconnect_after_commands?: number;
  /** The first session to send a line containing this text loses its connection there (once per switch). */
  disconnect_on_command?: string;
  reject_command?: string;
  /** A config line or privileged EXEC command containing this text is never answered (no output, no prompt). */
  hang_on_command?: string;
  clock_not_set?: boolean;
  legacy_ssh_only?: boolean;
  /** The first N trust requests time out toward CSSM (COMM_FAILED); the agent's retry 30 s later then goes through. */
  cssm_fail_attempts?: number;
}

export interface SimMember {
  pid: string;
  serial: string;
}

/** The inventory's `sim:` host block. */
export interface SimBlock {
  platform?: string;
  version?: string;
  members?: number | SimMember[];
  serial?: string;
  hostname?: string;
  interfaces?: string[];
  latency_ms?: number;
  /**
   * Extra real-time delay for lines that start with a key (`show running-config`: 2000), on top
   * of latency_ms: a real switch takes seconds to build a long output.
   */
  command_delay_ms?: Record<string, number>;
  /** This switch's delay before a trust install or sync result lands (the fleet's asyncDelayMs otherwise). */
  async_delay_ms?: number;
  motd?: string;
  /** `transport output` on the vty lines (hardening: `none` or `ssh` refuses outgoing telnet). */
  vty_transport_output?: 'none' | 'ssh' | 'telnet' | 'all';
  faults?: SimFaults;
  /** `hardened`: `no logging monitor` and `transport output none` on the vty lines (docs/simulator.md). */
  profile?: 'default' | 'hardened';
  /**
   * A factory-default switch (transport cslu, no CSLU address) fails its CSLU discovery every hour
   * and logs COMM_FAILED … (CSLU) (real capture syslog-smart-lic/01). N = hours of it already in
   * the log buffer at start; the hourly attempts go on while the transport stays cslu.
   */
  cslu_failures_hours?: number;
}

/** The inventory's `sim_lab:` block: what the simulated network around the switches offers. */
export interface SimLab {
  /** Name servers that answer (reachable from every VRF the lab subnets use). */
  dns_servers?: string[];
  /** The lab's HTTPS proxy. */
  proxy?: { address: string; port: number };
  /** When true, CSSM is reachable only through the proxy (direct 443 is dropped). */
  proxy_required?: boolean;
  /** Host names that resolve to CSSM. */
  cssm_hosts?: string[];
  /** Addressing behind each switch interface: which VRF it sits in, the switch's address, next hop. */
  subnets?: Record<string, { vrf?: string; address: string; mask: string; gateway: string; internet?: boolean }>;
}

export interface SimCredentials {
  username: string;
  password: string;
  enableSecret?: string;
  /** OpenSSH public key line (`ssh-ed25519 AAAA… comment`) accepted for public-key login. */
  authorizedKey?: string;
}

export interface SimDeviceSpec {
  name: string;
  port: number;
  credentials: SimCredentials;
  sim?: SimBlock;
  lab?: SimLab;
}

export interface FleetOptions {
  /** Bind address; tests and the lab only ever use 127.0.0.1. */
  host?: string;
  /** Directory holding one ed25519 host key per host (`<name>.key`); absent = one key per fleet, in memory. */
  stateDir?: string;
  /** Real-time delay before an asynchronous licensing result (trust install, sync) lands. */
  asyncDelayMs?: number;
  /** Simulated start time (ms since epoch); default: the real clock. */
  startTime?: number;
  /** Default sim_lab when a spec has none. */
  lab?: SimLab;
}

export const DEFAULT_LAB: Required<Omit<SimLab, 'subnets'>> & { subnets: NonNullable<SimLab['subnets']> } = {
  dns_servers: ['10.31.104.74'],
  proxy: { address: '192.168.217.105', port: 80 },
  proxy_required: false,
  cssm_hosts: ['smartreceiver.cisco.com'],
  subnets: {
    Vlan10: { vrf: '', address: '10.31.121.118', mask: '255.255.255.192', gateway: '10.31.121.65', internet: true },
    'GigabitEthernet0/0': { vrf: 'Mgmt-vrf', address: '192.168.100.10', mask: '255.255.255.0', gateway: '192.168.100.1', internet: true },
  },
};
