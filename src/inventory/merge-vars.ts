/**
 * Variable precedence, as Ansible's VariableManager applies it (default VARIABLE_PRECEDENCE):
 * inventory group vars < group_vars/all (inventory-adjacent, then playbook-adjacent) < group_vars/<group>
 * (same order) < inventory host vars < host_vars/<host> (inventory-adjacent, then playbook-adjacent).
 * Groups are applied in order of (depth, ansible_group_priority, name), so for a host in several
 * groups the deeper group wins and equal depths are settled by priority, then by name.
 */
import type { InventoryTree, VarsDir } from './inventory-tree';
import type { VarEntry } from './inventory';

export function groupDepths(tree: InventoryTree): Map<string, number> {
  const depths = new Map<string, number>();
  const depthOf = (name: string, seen: Set<string>): number => {
    const known = depths.get(name);
    if (known !== undefined) return known;
    const g = tree.groups.get(name)!;
    let depth = 0;
    for (const parent of g.parents) {
      // A cycle is reported elsewhere; here it only must not recurse forever.
      if (!seen.has(parent)) depth = Math.max(depth, depthOf(parent, new Set([...seen, name])) + 1);
    }
    depths.set(name, depth);
    return depth;
  };
  for (const name of tree.groups.keys()) depthOf(name, new Set([name]));
  return depths;
}

/** Every group containing the host, directly or through children; `all` included. */
export function groupsOfHost(tree: InventoryTree, host: string): Set<string> {
  const out = new Set<string>(['all']);
  const addAncestors = (name: string): void => {
    if (out.has(name) && name !== 'all') return;
    out.add(name);
    for (const p of tree.groups.get(name)!.parents) addAncestors(p);
  };
  for (const g of tree.groups.values()) if (g.directHosts.has(host)) addAncestors(g.name);
  return out;
}

export function sortGroups(tree: InventoryTree, names: Iterable<string>, depths: Map<string, number>): string[] {
  return [...names].sort((a, b) => {
    const ga = tree.groups.get(a)!;
    const gb = tree.groups.get(b)!;
    return depths.get(a)! - depths.get(b)! || ga.priority - gb.priority || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** The host's variables before templates are rendered, each with where it was written. */
export function mergeHostVars(tree: InventoryTree, host: string, orderedGroups: readonly string[]): Map<string, VarEntry> {
  const merged = new Map<string, VarEntry>();
  const apply = (vars: Map<string, VarEntry> | undefined): void => {
    for (const [key, entry] of vars ?? []) {
      merged.delete(key); // keeps the map in the order a reader expects: last written last
      merged.set(key, entry);
    }
  };
  const fromDirs = (dirs: VarsDir[], groups: readonly string[]): void => {
    for (const dir of dirs) for (const g of groups) apply(dir.groups.get(g));
  };
  for (const name of orderedGroups) apply(tree.groups.get(name)!.vars);
  fromDirs(tree.inventoryDirs, ['all']);
  fromDirs(tree.playbookDirs, ['all']);
  const others = orderedGroups.filter((g) => g !== 'all');
  fromDirs(tree.inventoryDirs, others);
  fromDirs(tree.playbookDirs, others);
  apply(tree.hostVars.get(host));
  for (const dir of tree.inventoryDirs) apply(dir.hosts.get(host));
  for (const dir of tree.playbookDirs) apply(dir.hosts.get(host));
  return merged;
}
