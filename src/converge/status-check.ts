import type { DesiredSlp } from './desired';
import { slotKey } from '../settings/owned-line';
import { confirms, type SettingRow, type SettingsTable } from '../settings/setting-row';
import { SETTINGS, statusRows } from '../settings/settings-table';
import { statusAt, type ObservedTransportStatus } from './running-state';

/**
 * Where `show license status` disagrees with the desired state, for every row of the settings
 * table with a status field, in the order the status prints them. The running-config alone cannot settle the idempotence of hidden or
 * re-rendered lines (`license smart url default`), while the status shows what the licensing
 * agent actually uses — so a setting counts as converged only when both agree
 * (slp-smart-transport.md §1.2 recommendation).
 */
export interface StatusMismatch {
  /** The row whose line to push again. */
  row: SettingRow;
  /** The slot (settings/owned-line.ts slotKey) to push again. */
  key: string;
  /** Set when the fix is a removal: the line that removes what the status shows. */
  removal?: string;
  /** What the status shows, for the plan's cause (`Proxy Port: 80`). */
  shown: string;
}

export function statusMismatches(
  desired: DesiredSlp,
  status: ObservedTransportStatus,
  replaced: boolean,
  table: SettingsTable = SETTINGS,
): StatusMismatch[] {
  const out: StatusMismatch[] = [];
  const shownAt = (path: string): string | undefined => statusAt(status, path);
  for (const row of statusRows(table)) {
    const field = row.status;
    if (field.reportOnly) continue;
    const shown = shownAt(field.path);
    const key = slotKey(row, { value: '' });
    const wanted = row.desired(desired, replaced)[0];
    if (wanted) {
      if (field.when && !field.when(desired, shownAt)) continue;
      if (shown === undefined) {
        if (field.absent !== undefined) out.push({ row, key, shown: `${field.label}: ${field.absent}` });
      } else if (!confirms(field, shown, wanted.value)) {
        out.push({ row, key, shown: `${field.label}: ${shown}` });
      }
    } else if (replaced && row.removeWhenAbsent && field.absent !== undefined && shown !== undefined) {
      out.push({ row, key, removal: row.remove(shown, undefined), shown: `${field.label}: ${shown}` });
    }
  }
  return out;
}
