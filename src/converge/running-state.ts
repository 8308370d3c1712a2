/**
 * The narrow view of a switch the planner reads. It is filled from the parsers' output
 * (observe.ts) and never from raw text, so the planner can be tested with plain objects.
 */

/** The global routing table, as a key in the per-VRF maps below. */
export const GLOBAL_VRF = '';

/** SLP-related settings as `show running-config` shows them. Absent = the line is not shown. */
export interface ObservedConfig {
  /** `license smart transport X`; absent when not shown (IOS hides the default, cslu). */
  transport?: string;
  /** Smart URL: `default` for `license smart url default`, else the URL of `url smart U` / `url U`. */
  url?: string;
  /** `license smart url cslu U`. */
  csluUrl?: string;
  proxyAddress?: string;
  proxyPort?: number;
  vrf?: string;
  usageInterval?: number;
  httpClientSourceInterface?: string;
  /** False only when `no ip domain lookup` is shown (lookup is on by default and hidden). */
  domainLookup: boolean;
  /** `ip domain lookup [vrf V] source-interface I`, keyed by VRF (GLOBAL_VRF = global). */
  domainLookupSourceInterface: Record<string, string>;
  /** `ip name-server [vrf V] A [B …]`, keyed by VRF, in the device's order. */
  nameServers: Record<string, string[]>;
  /** `ip domain name [vrf V] N` (also `ip domain-name`), keyed by VRF. */
  domainName: Record<string, string>;
  /** `archive` / ` path P`: needed before `configure terminal revert timer`. */
  archivePath?: string;
}

/** The effective transport settings from `show license status` → `Transport:`. */
export interface ObservedTransportStatus {
  /** `Type: Smart` / `cslu` / `Callhome` / `Off` … as printed. */
  type?: string;
  /** `URL:` (smart transport) as printed. */
  url?: string;
  /** Absent = `Not Configured`. */
  proxy?: { address?: string; port?: number };
  /** Absent = `<empty>` / `Not Configured`. */
  vrf?: string;
}

/** One stack member's trust code, from `show license status` → `Trust Code Installed`. */
export interface ObservedTrustMember {
  /** `active`, `standby`, `member` (a standalone switch is `active`). */
  role: string;
  installed: boolean;
}

export interface ObservedSlp {
  config: ObservedConfig;
  /** Absent when `show license status` could not be read. */
  status?: ObservedTransportStatus;
  /** Empty when no member reports a trust code (`Trust Code Installed: <none>`). */
  trust: ObservedTrustMember[];
}

/** A switch with nothing configured: what a factory-default 17.9 C9300 looks like. */
export function emptyObservedConfig(): ObservedConfig {
  return { domainLookup: true, domainLookupSourceInterface: {}, nameServers: {}, domainName: {} };
}
