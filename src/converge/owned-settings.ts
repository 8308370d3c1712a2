/**
 * The settings the tool owns, read from the settings table (settings/settings-table.ts): the slot
 * a canonical line fills, and which lines a plan file may push.
 */
import { readLine, slotKey, type ReadLine } from '../settings/owned-line';
import type { SettingsTable } from '../settings/setting-row';
import { SETTINGS } from '../settings/settings-table';

function find(canonical: string, table: SettingsTable): ReadLine {
  const read = readLine(canonical, table);
  if (!read) throw new Error(`not an owned SLP line: ${canonical}`);
  return read;
}

/** The slot a canonical line fills. Throws for a line the tool does not own (a bug). */
export function settingKey(canonical: string, table: SettingsTable = SETTINGS): string {
  const { row, ...at } = find(canonical, table);
  return slotKey(row, at);
}

/**
 * Whether a line may be pushed as part of a plan: an owned setting or the removal of one, in
 * printable ASCII, single spaces, no `?` or `|` (IOS help / output filters). A plan file is text a
 * person can edit, so `slp apply` pushes nothing outside what the tool owns.
 */
export function isOwnedCommand(line: string, table: SettingsTable = SETTINGS): boolean {
  if (!/^[!-~]+(?: [!-~]+)*$/.test(line) || /[?|]/.test(line)) return false;
  if (table.some((row) => row.bareRemoval === line)) return true;
  const positive = line.startsWith('no ') ? line.slice(3) : line;
  return table.some((row) => row.match.test(positive));
}
