/**
 * Equivalent renderings, gathered from the settings table's rows. IOS XE hides defaults and may
 * print a line differently from how it was typed; comparing typed lines with shown lines verbatim
 * is exactly what makes Ansible's `ios_config` (match=line) report a change on every run
 * (realclients README, Q1/R1). Every line the planner compares, desired or observed, goes through
 * canonicalLines() first.
 *
 * The decisions are documented on the rows (settings-table.ts): the default Smart URL in every
 * form equals `license smart url default` and is confirmed by `show license status` (URL:);
 * `license smart transport cslu` and `ip domain lookup` are hidden defaults; `ip domain-name` is the
 * old spelling of `ip domain name`; `ip name-server A B` equals one line per server (order kept);
 * interface names are stored canonically (`vlan10` → `Vlan10`).
 */
import { collapseSpaces } from '../parsers/preprocess';
import type { Equivalence, SettingsTable } from './setting-row';
import { SETTINGS } from './settings-table';

export { canonicalInterface } from './interface-names';
export { DEFAULT_SMART_URL } from './settings-table';

/** Every row's equivalences, in table order; each rule sees the output of the ones before it. */
export function equivalencesOf(table: SettingsTable): Equivalence[] {
  return table.flatMap((row) => row.equivalences ?? []);
}

export const EQUIVALENCES: readonly Equivalence[] = equivalencesOf(SETTINGS);

/** Canonical lines that equal "nothing shown": the device's defaults. */
export function hiddenDefaultsOf(table: SettingsTable): ReadonlySet<string> {
  return new Set(table.flatMap((row) => (row.hiddenDefault === undefined ? [] : [row.render(row.hiddenDefault, undefined)])));
}

export const HIDDEN_DEFAULTS: ReadonlySet<string> = hiddenDefaultsOf(SETTINGS);

/** A line in canonical form; one typed line may stand for several (name servers). */
export function canonicalLines(line: string, table: SettingsTable = SETTINGS): string[] {
  let lines = [collapseSpaces(line.trim())];
  for (const rule of table === SETTINGS ? EQUIVALENCES : equivalencesOf(table)) {
    // Every line of every running-config passes here, and almost no rule matches: the one-line
    // case allocates nothing.
    if (lines.length === 1) {
      const m = rule.match.exec(lines[0]!);
      if (m) lines = rule.rewrite(m);
      continue;
    }
    lines = lines.flatMap((l) => {
      const m = rule.match.exec(l);
      return m ? rule.rewrite(m) : [l];
    });
  }
  return lines;
}

/** Whether a canonical line is one of the production table's hidden defaults. */
export function isHiddenDefault(canonical: string): boolean {
  return HIDDEN_DEFAULTS.has(canonical);
}

/** Whether a canonical line is a hidden default of `table`. */
export function isHiddenDefaultIn(canonical: string, table: SettingsTable): boolean {
  return (table === SETTINGS ? HIDDEN_DEFAULTS : hiddenDefaultsOf(table)).has(canonical);
}
