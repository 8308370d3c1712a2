/**
 * The narrow view of a switch the planner reads. It is filled from the parsers' output
 * (running-state-from-parsers.ts) through the settings table, never from raw text, so the planner
 * can be tested with plain objects.
 */
import { SETTINGS } from '../settings/settings-table';
import type { SettingsTable } from '../settings/setting-row';

/** The global routing table, as a key in the per-VRF maps below. */
export const GLOBAL_VRF = '';

/** One setting's value as read: by shape (settings/setting-row.ts) single, flag, per VRF, list per VRF. */
export type RunningValue = string | number | boolean | Record<string, string> | Record<string, string[]>;

/**
 * Owned settings as `show running-config` shows them, keyed by the settings table's row names.
 * Absent = the line is not shown. The named fields are the production rows (settings-table.ts);
 * a row added to the table needs no field here.
 */
export interface ObservedConfig {
  [setting: string]: RunningValue | undefined;
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
  domainLookup?: boolean;
  /** `ip domain lookup [vrf V] source-interface I`, keyed by VRF (GLOBAL_VRF = global). */
  domainLookupSourceInterface?: Record<string, string>;
  /** `ip name-server [vrf V] A [B …]`, keyed by VRF, in the device's order. */
  nameServers?: Record<string, string[]>;
  /** `ip domain name [vrf V] N` (also `ip domain-name`), keyed by VRF. */
  domainName?: Record<string, string>;
  /** `archive` / ` path P`: needed before `configure terminal revert timer` (not a setting). */
  archivePath?: string;
}

/** A value in the status view: as printed, or a group of them (`Proxy:` → address, port). */
export type StatusValue = string | number | { [field: string]: string | number | undefined };

/**
 * The effective transport settings from `show license status` → `Transport:`, at the settings
 * table's status paths (`proxy.port`). The named fields are the production rows' paths.
 */
export interface ObservedTransportStatus {
  [field: string]: StatusValue | undefined;
  /** `Type: Smart` / `cslu` / `Callhome` / `Off` … as printed. */
  type?: string;
  /** `URL:` (smart transport) as printed. */
  url?: string;
  /** Absent = `Not Configured`. */
  proxy?: { address?: string; port?: number };
  /** Absent = `<empty>` / `Not Configured`. */
  vrf?: string;
  /** `Cslu address:` (cslu transport); absent = `<empty>`. */
  csluAddress?: string;
}

/** One stack member's trust code, from `show license status` → `Trust Code Installed`. */
export interface ObservedTrustMember {
  /** `active`, `standby`, `member` (a standalone switch is `active`). */
  role: string;
  installed: boolean;
  /** From the member line (`Active: PID:…,SN:…`); absent on the standalone single-date form. */
  pid?: string;
  sn?: string;
  /** ISO 8601 UTC of `INSTALLED on …` (or the standalone date), as the device's clock read it. */
  installedAt?: string;
}

export interface ObservedSlp {
  config: ObservedConfig;
  /** Absent when `show license status` could not be read. */
  status?: ObservedTransportStatus;
  /** Empty when no member reports a trust code (`Trust Code Installed: <none>`). */
  trust: ObservedTrustMember[];
}

/** A switch with nothing configured: what a factory-default 17.9 C9300 looks like. */
export function emptyObservedConfig(table: SettingsTable = SETTINGS): ObservedConfig {
  const config: ObservedConfig = {};
  for (const row of table) {
    if (row.shape === 'flag') config[row.name] = true;
    else if (row.shape === 'per-vrf' || row.shape === 'list') config[row.name] = {};
  }
  return config;
}

/** The value at a dotted status path (`proxy.port`), as printed; undefined when not shown. */
export function statusAt(status: ObservedTransportStatus, path: string): string | undefined {
  const [head, sub] = path.split('.', 2) as [string, string | undefined];
  const v = status[head];
  const leaf = sub === undefined ? v : typeof v === 'object' ? v[sub] : undefined;
  return leaf === undefined || leaf === '' || typeof leaf === 'object' ? undefined : String(leaf);
}

/** Sets a dotted status path, creating its group. */
export function setStatusAt(status: ObservedTransportStatus, path: string, value: string | number): void {
  const [head, sub] = path.split('.', 2) as [string, string | undefined];
  if (sub === undefined) {
    status[head] = value;
    return;
  }
  const group = status[head];
  status[head] = { ...(typeof group === 'object' ? group : {}), [sub]: value };
}
