import type { DesiredSlp } from './desired';
import { canonicalLines } from '../settings/equivalences';
import { slotKey } from '../settings/owned-line';
import type { SettingRow, SettingsTable, SettingValueAt } from '../settings/setting-row';
import { SETTINGS } from '../settings/settings-table';
import { GLOBAL_VRF, type ObservedConfig } from './running-state';

/** One configuration line the tool owns, with the setting it fills and why it is there. */
export interface OwnedLine {
  /** The slot this line fills (settings/owned-line.ts slotKey). */
  key: string;
  /** The settings-table row it belongs to. */
  row: SettingRow;
  /** The line as it is typed (desired) or shown (observed). */
  line: string;
  /** After the equivalence table: the form lines are compared in. */
  canonical: string;
  /** Playbook field that caused it (`slp.proxy.port`), or `running-config` for observed lines. */
  cause: string;
  value: string;
  vrf?: string;
}

function owned(row: SettingRow, at: SettingValueAt, cause: string, table: SettingsTable): OwnedLine[] {
  const line = row.render(at.value, at.vrf);
  const canonical = canonicalLines(line, table);
  return canonical.map((c) => ({
    key: slotKey(row, at),
    row,
    line: canonical.length > 1 ? c : line,
    canonical: c,
    cause,
    value: at.value,
    ...(at.vrf ? { vrf: at.vrf } : {}),
  }));
}

/**
 * The lines that make a switch match `desired`, in push order, in running-config form. With
 * `state: replaced` an absent `url` means the default Smart URL; other absent settings produce
 * no line here (plan.ts removes them).
 */
export function desiredLines(desired: DesiredSlp, table: SettingsTable = SETTINGS): OwnedLine[] {
  const replaced = (desired.state ?? 'replaced') === 'replaced';
  return table.flatMap((row) => row.desired(desired, replaced).flatMap((v) => owned(row, v, v.cause, table)));
}

/** The values a running state holds for one row; a flag at its (hidden) default holds none. */
export function shownValues(row: SettingRow, config: ObservedConfig): SettingValueAt[] {
  const v = config[row.name];
  if (v === undefined) return [];
  if (row.shape === 'flag') return v === false ? [{ value: 'off' }] : [];
  if (typeof v !== 'object') return [{ value: String(v) }];
  const at = (vrf: string): { vrf?: string } => (vrf === GLOBAL_VRF ? {} : { vrf });
  return Object.keys(v)
    .sort()
    .flatMap((vrf) => {
      const item = v[vrf];
      return (Array.isArray(item) ? item : item === undefined ? [] : [item]).map((value) => ({ value, ...at(vrf) }));
    });
}

/** The owned lines a running-config shows, in the same order as desiredLines. */
export function observedLines(config: ObservedConfig, table: SettingsTable = SETTINGS): OwnedLine[] {
  return table.flatMap((row) => shownValues(row, config).flatMap((v) => owned(row, v, 'running-config', table)));
}
