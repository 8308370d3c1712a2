import { canonicalLines, isHiddenDefault } from '../settings/equivalences';
import { settingKey } from './owned-settings';
import type { Plan } from './plan';

/**
 * The owned lines after a plan is applied, for `--check --diff`: an added line replaces the
 * setting it fills (name servers append), a `no` line clears what it names, hidden defaults
 * disappear from the shown config.
 */
export function predictOwnedLines(before: readonly string[], plan: Plan): string[] {
  let lines = [...before];
  for (const p of plan.lines) {
    if (p.line.startsWith('no ') && p.line !== 'no ip domain lookup') {
      const named = p.line.slice(3);
      lines = lines.filter((l) => l !== named && !l.startsWith(`${named} `));
      continue;
    }
    for (const c of canonicalLines(p.line)) {
      const key = settingKey(c);
      lines = lines.filter((l) => settingKey(l) !== key);
      if (!isHiddenDefault(c)) lines.push(c);
    }
  }
  return lines;
}
