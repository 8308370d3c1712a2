/**
 * The inventory in the shape `ansible-inventory --list` prints: each group with its own hosts and
 * its children (empty keys and empty groups left out, `all` without hosts), and `_meta.hostvars`
 * with every host's merged variables as written: templates unrendered, so nothing from the
 * environment is revealed, as Ansible prints them.
 */
import type { Inventory } from './inventory';
import { groupDepths, groupsOfHost, mergeHostVars, sortGroups } from './merge-vars';

export interface AnsibleListJson {
  _meta: { hostvars: Record<string, Record<string, unknown>> };
  [group: string]: unknown;
}

export function inventoryListJson(inventory: Inventory): AnsibleListJson {
  const { tree } = inventory;
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const g = tree.groups.get(name)!;
    const entry: Record<string, string[]> = {};
    const hosts = name === 'all' ? [] : tree.hostOrder.filter((h) => g.directHosts.has(h));
    if (hosts.length > 0) entry.hosts = hosts;
    const children = [...g.children];
    if (children.length > 0) entry.children = children;
    for (const child of children) {
      if (!seen.has(child)) {
        seen.add(child);
        visit(child);
      }
    }
    if (Object.keys(entry).length > 0) out[name] = entry;
  };
  visit('all');
  const depths = groupDepths(tree);
  const hostvars: Record<string, Record<string, unknown>> = {};
  for (const host of tree.hostOrder) {
    const merged = mergeHostVars(tree, host, sortGroups(tree, groupsOfHost(tree, host), depths));
    if (merged.size > 0) hostvars[host] = Object.fromEntries([...merged].map(([k, e]) => [k, e.value]));
  }
  return { ...out, _meta: { hostvars } };
}

/** `ansible-inventory --host NAME`: the host's merged variables. */
export function inventoryHostJson(inventory: Inventory, host: string): Record<string, unknown> | undefined {
  return inventoryListJson(inventory)._meta.hostvars[host] ?? (inventory.tree.hostVars.has(host) ? {} : undefined);
}
