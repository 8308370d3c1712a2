import { isHiddenDefaultIn } from '../settings/equivalences';
import type { SettingsTable } from '../settings/setting-row';
import { SETTINGS } from '../settings/settings-table';
import { observedLines, shownValues } from './lines';
import { listChanges } from './list-changes';
import type { ObservedConfig } from './running-state';

/**
 * The owned lines of a config in canonical form: what rollback checks, drift hashes and diffs
 * compare. Hidden defaults are dropped: a shown `license smart url default` equals no line.
 */
export function ownedConfigLines(config: ObservedConfig, table: SettingsTable = SETTINGS): string[] {
  return observedLines(config, table)
    .map((l) => l.canonical)
    .filter((l) => !isHiddenDefaultIn(l, table));
}

/**
 * Lines that take the owned settings from `now` back to `before` (the backup). Pure; every owned
 * setting is compared, so whatever a partial push changed is undone.
 */
export function planRollback(before: ObservedConfig, now: ObservedConfig, table: SettingsTable = SETTINGS): string[] {
  const single = (c: ObservedConfig) =>
    new Map(
      observedLines(c, table)
        .filter((l) => l.row.shape !== 'list')
        .map((l) => [l.key, l] as const),
    );
  const b = single(before);
  const n = single(now);
  const removes: string[] = [];
  const adds: string[] = [];
  for (const [key, line] of n) {
    if (!b.has(key) && !isHiddenDefaultIn(line.canonical, table)) removes.push(line.row.remove(line.value, line.vrf));
  }
  for (const [key, line] of b) {
    const hiddenEither = isHiddenDefaultIn(line.canonical, table) && !n.has(key);
    if (n.get(key)?.canonical !== line.canonical && !hiddenEither) adds.push(line.canonical);
  }
  for (const row of table.filter((r) => r.shape === 'list')) {
    const byVrf = (c: ObservedConfig): Map<string | undefined, string[]> => {
      const m = new Map<string | undefined, string[]>();
      for (const v of shownValues(row, c)) m.set(v.vrf, [...(m.get(v.vrf) ?? []), v.value]);
      return m;
    };
    const was = byVrf(before);
    const is = byVrf(now);
    for (const vrf of new Set([...was.keys(), ...is.keys()])) {
      const { remove, add } = listChanges(was.get(vrf) ?? [], is.get(vrf) ?? []);
      removes.push(...remove.map((s) => row.remove(s, vrf)));
      adds.push(...add.map((s) => row.render(s, vrf)));
    }
  }
  return [...removes, ...adds];
}
