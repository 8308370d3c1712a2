import { isHiddenDefault } from '../settings/equivalences';
import { observedLines, vrfWord } from './lines';
import { nameServerChanges } from './name-servers';
import type { ObservedConfig } from './running-state';
import { removalLine } from './owned-settings';

/**
 * The owned lines of a config in canonical form: what rollback checks, drift hashes and diffs
 * compare. Hidden defaults are dropped: a shown `license smart url default` equals no line.
 */
export function ownedConfigLines(config: ObservedConfig): string[] {
  return observedLines(config)
    .map((l) => l.canonical)
    .filter((l) => !isHiddenDefault(l));
}

/**
 * Lines that take the owned settings from `now` back to `before` (the backup). Pure; every owned
 * setting is compared, so whatever a partial push changed is undone.
 */
export function planRollback(before: ObservedConfig, now: ObservedConfig): string[] {
  const single = (c: ObservedConfig): Map<string, string> =>
    new Map(
      observedLines(c)
        .filter((l) => !l.key.startsWith('ip name-server'))
        .map((l) => [l.key, l.canonical]),
    );
  const b = single(before);
  const n = single(now);
  const removes: string[] = [];
  const adds: string[] = [];
  for (const [key, line] of n) {
    if (!b.has(key) && !isHiddenDefault(line)) removes.push(removalLine(line));
  }
  for (const [key, line] of b) {
    const hiddenEither = isHiddenDefault(line) && !n.has(key);
    if (n.get(key) !== line && !hiddenEither) adds.push(line);
  }
  for (const vrf of new Set([...Object.keys(before.nameServers), ...Object.keys(now.nameServers)])) {
    const v = vrfWord(vrf || undefined);
    const { remove, add } = nameServerChanges(before.nameServers[vrf] ?? [], now.nameServers[vrf] ?? []);
    removes.push(...remove.map((s) => `no ip name-server ${v}${s}`));
    adds.push(...add.map((s) => `ip name-server ${v}${s}`));
  }
  return [...removes, ...adds];
}
