import { canonicalLines, isHiddenDefaultIn } from '../settings/equivalences';
import type { SettingsTable } from '../settings/setting-row';
import { SETTINGS } from '../settings/settings-table';
import { settingKey } from './owned-settings';
import { readLine } from '../settings/owned-line';
import type { Plan } from './plan';

/**
 * The owned lines after a plan is applied, for `--check --diff`: an added line replaces the
 * setting it fills (list items append), a `no` line clears what it names, hidden defaults
 * disappear from the shown config.
 */
export function predictOwnedLines(before: readonly string[], plan: Plan, table: SettingsTable = SETTINGS): string[] {
  let lines = [...before];
  for (const p of plan.lines) {
    const canonical = canonicalLines(p.line, table);
    // `no ip domain lookup` sets a flag: it is a value, not a removal.
    if (p.line.startsWith('no ') && !canonical.every((c) => readLine(c, table))) {
      const named = p.line.slice(3);
      lines = lines.filter((l) => l !== named && !l.startsWith(`${named} `));
      continue;
    }
    for (const c of canonical) {
      const key = settingKey(c, table);
      lines = lines.filter((l) => settingKey(l, table) !== key);
      if (!isHiddenDefaultIn(c, table)) lines.push(c);
    }
  }
  return lines;
}
