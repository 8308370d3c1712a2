import type { ShowRunningConfig } from '../parsers/show-running-config';
import type { ShowLicenseStatus } from '../parsers/show-license-status';
import { canonicalLines } from '../settings/equivalences';
import { readLine } from '../settings/owned-line';
import type { SettingsTable } from '../settings/setting-row';
import { SETTINGS } from '../settings/settings-table';
import {
  emptyObservedConfig,
  GLOBAL_VRF,
  setStatusAt,
  type ObservedConfig,
  type ObservedSlp,
  type ObservedTransportStatus,
  type ObservedTrustMember,
} from './running-state';

/**
 * The planner's running state from the running-config: every global line, in canonical form, that a
 * row of the settings table recognises (its `match`). A later line for the same slot wins, as on IOS.
 */
export function observeConfig(run: ShowRunningConfig, table: SettingsTable = SETTINGS): ObservedConfig {
  const config = emptyObservedConfig(table);
  for (const node of run.tree) {
    if (node.indent !== 0) continue; // `| include` leftovers such as ` transport input ssh`
    for (const canonical of canonicalLines(node.text, table)) {
      const read = readLine(canonical, table);
      if (!read) continue;
      const { row, value } = read;
      const vrf = read.vrf ?? GLOBAL_VRF;
      const held = config[row.name];
      if (row.shape === 'flag') config[row.name] = value === 'on';
      else if (row.shape === 'single') config[row.name] = row.numeric ? Number(value) : value;
      else if (typeof held === 'object') {
        if (row.shape === 'per-vrf') config[row.name] = { ...(held as Record<string, string>), [vrf]: value };
        else {
          const lists = held as Record<string, string[]>;
          config[row.name] = { ...lists, [vrf]: [...(lists[vrf] ?? []), value] };
        }
      }
    }
  }
  if (run.slp.archive?.path) config.archivePath = run.slp.archive.path;
  return config;
}

/** The trust state per member; a standalone switch with a date is one trusted `active`. */
export function observeTrust(status: ShowLicenseStatus | undefined): ObservedTrustMember[] {
  const trust = status?.trustCode;
  if (!trust) return [];
  if (trust.members.length === 0) {
    return trust.installed ? [{ role: 'active', installed: true, ...(trust.installedAt ? { installedAt: trust.installedAt } : {}) }] : [];
  }
  return trust.members.map((m) => ({
    role: m.role.toLowerCase(),
    installed: m.installed,
    pid: m.pid,
    sn: m.sn,
    ...(m.installedAt ? { installedAt: m.installedAt } : {}),
  }));
}

/** What `show license status` shows for every row that has a status field, at its path. */
export function observeStatus(status: ShowLicenseStatus, table: SettingsTable = SETTINGS): ObservedTransportStatus {
  const observed: ObservedTransportStatus = {};
  for (const row of table) {
    const value = row.status?.read(status);
    if (row.status && value !== undefined && value !== '') setStatusAt(observed, row.status.path, value);
  }
  return observed;
}

/** Builds the planner's view from `show running-config` and (optionally) `show license status`. */
export function observeSlp(run: ShowRunningConfig, status?: ShowLicenseStatus, table: SettingsTable = SETTINGS): ObservedSlp {
  const observed: ObservedSlp = { config: observeConfig(run, table), trust: observeTrust(status) };
  // No Transport section: the status could not confirm anything.
  if (status?.transport) observed.status = observeStatus(status, table);
  return observed;
}
