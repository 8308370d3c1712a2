/**
 * Reading a canonical line against the settings table: which row owns it, the value it carries and
 * the slot it fills. Two lines with the same slot set the same thing (a new value replaces the old).
 */
import type { SettingRow, SettingsTable, SettingValueAt } from './setting-row';

/** A line the table recognises: its row and value. */
export interface ReadLine extends SettingValueAt {
  row: SettingRow;
}

/** The row that owns a canonical line, with its value; undefined for a line the tool does not own. */
export function readLine(canonical: string, table: SettingsTable): ReadLine | undefined {
  for (const row of table) {
    const m = row.match.exec(canonical);
    if (!m) continue;
    const g = m.groups ?? {};
    const value = row.shape === 'flag' ? (g.no ? 'off' : 'on') : g.value ?? '';
    return { row, value, ...(g.vrf ? { vrf: g.vrf } : {}) };
  }
  return undefined;
}

/**
 * The slot a value fills: the row, per VRF for the VRF variants; each list item is a slot of its
 * own (name servers are added and removed one by one).
 */
export function slotKey(row: SettingRow, at: SettingValueAt): string {
  const vrf = at.vrf ? ` vrf ${at.vrf}` : '';
  if (row.shape === 'list') return `${row.name}${vrf} ${at.value}`;
  return row.shape === 'per-vrf' ? `${row.name}${vrf}` : row.name;
}
