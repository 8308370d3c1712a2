/**
 * Reads the group tree out of schema-checked Ansible inventory sources (YAML, or INI already in
 * YAML's shape): which hosts and groups exist, who is whose parent, where each variable was
 * written. Several sources add to one tree, in order, as Ansible's InventoryData does. No
 * merging, no templates.
 */
import type { ConfigIssue } from '../errors';
import type { Templated } from '../schema/check-document';
import type { Group, InventoryFile } from '../schema/types.generated';
import { issueAt, type DocPath, type YamlSource } from '../schema/yaml-source';
import { expandHostRange, HostRangeError, splitHostPort } from './host-range';
import type { VarEntry } from './inventory';

/** One group as the inventory declares it, before variables are merged. */
export interface GroupNode {
  name: string;
  parents: Set<string>;
  children: Set<string>;
  directHosts: Set<string>;
  vars: Map<string, VarEntry>;
  /** ansible_group_priority from the inventory (default 1); not a variable, as in Ansible. */
  priority: number;
  /** Where the group is first written (for cycle messages). */
  path: DocPath;
  source: YamlSource;
}

/** Variables read from one group_vars/ + host_vars/ pair, by group or host name. */
export interface VarsDir {
  dir: string;
  groups: Map<string, Map<string, VarEntry>>;
  hosts: Map<string, Map<string, VarEntry>>;
}

/** Groups, hosts and their own variables as read from the sources, before merging. */
export interface InventoryTree {
  groups: Map<string, GroupNode>;
  /** Host name → its own variables, merged over every place it is listed (later wins). */
  hostVars: Map<string, Map<string, VarEntry>>;
  hostOrder: string[];
  /** group_vars/ and host_vars/ beside the inventory sources, in source order. */
  inventoryDirs: VarsDir[];
  /** group_vars/ and host_vars/ beside the playbook. */
  playbookDirs: VarsDir[];
  issues: ConfigIssue[];
}

export function emptyTree(): InventoryTree {
  return { groups: new Map(), hostVars: new Map(), hostOrder: [], inventoryDirs: [], playbookDirs: [], issues: [] };
}

/** Adds one source's groups and hosts to the tree. */
export function addToTree(tree: InventoryTree, data: Templated<InventoryFile>, src: YamlSource): void {
  const node = (name: string, path: DocPath): GroupNode => {
    let g = tree.groups.get(name);
    if (!g) {
      g = { name, parents: new Set(), children: new Set(), directHosts: new Set(), vars: new Map(), priority: 1, path, source: src };
      tree.groups.set(name, g);
    }
    return g;
  };
  // As Ansible's InventoryData starts: `ungrouped` is the first child of `all`.
  if (!tree.groups.has('all')) {
    node('all', []).children.add('ungrouped');
    node('ungrouped', []).parents.add('all');
  }
  const visit = (name: string, group: Templated<Group> | undefined, path: DocPath, parent: string | undefined): void => {
    const g = node(name, path);
    if (parent !== undefined && parent !== name) {
      g.parents.add(parent);
      node(parent, path).children.add(name);
    }
    if (!group || typeof group !== 'object') return;
    for (const [pattern, vars] of entriesOf(group.hosts)) {
      const { pattern: range, port } = splitHostPort(pattern);
      let names: string[];
      try {
        names = expandHostRange(range);
      } catch (error) {
        if (!(error instanceof HostRangeError)) throw error;
        tree.issues.push(issueAt(src, [...path, 'hosts', pattern], error.message, 'key'));
        continue;
      }
      for (const host of names) {
        g.directHosts.add(host);
        if (!tree.hostVars.has(host)) {
          tree.hostVars.set(host, new Map());
          tree.hostOrder.push(host);
        }
        const own = tree.hostVars.get(host)!;
        if (port !== undefined) own.set('ansible_port', { value: port, path: [...path, 'hosts', pattern], source: src });
        for (const [key, value] of entriesOf(vars)) own.set(key, { value, path: [...path, 'hosts', pattern, key], source: src });
      }
    }
    for (const [key, value] of entriesOf(group.vars)) {
      if (key === 'ansible_group_priority') {
        const p = Number(value);
        if (Number.isInteger(p)) g.priority = p;
        else tree.issues.push(issueAt(src, [...path, 'vars', key], `ansible_group_priority must be an integer, got ${JSON.stringify(value)}`));
        continue;
      }
      g.vars.set(key, { value, path: [...path, 'vars', key], source: src });
    }
    for (const [child, childGroup] of entriesOf(group.children)) {
      visit(child, childGroup, [...path, 'children', child], name);
    }
  };
  for (const [name, group] of Object.entries(data)) visit(name, group ?? undefined, [name], undefined);
}

/**
 * Ansible's reconcile_inventory, once every source is read: a group with no parent becomes a
 * child of `all`; a host in no group but `all` goes to `ungrouped`; cycles are errors.
 */
export function reconcileTree(tree: InventoryTree): void {
  const all = tree.groups.get('all');
  if (!all) return;
  for (const g of tree.groups.values()) {
    if (g.name !== 'all' && g.parents.size === 0) {
      g.parents.add('all');
      all.children.add(g.name);
    }
  }
  const ungrouped = tree.groups.get('ungrouped')!;
  const grouped = new Set<string>();
  for (const g of tree.groups.values()) if (g.name !== 'all' && g.name !== 'ungrouped') g.directHosts.forEach((h) => grouped.add(h));
  for (const host of tree.hostOrder) {
    if (grouped.has(host)) ungrouped.directHosts.delete(host);
    else ungrouped.directHosts.add(host);
  }
  tree.issues.push(...findCycles(tree));
}

/** Entries of a mapping; nothing for null or a (template) string, which the schema reported. */
function entriesOf<V>(value: Record<string, V> | string | null | undefined): [string, V][] {
  return value && typeof value === 'object' ? Object.entries(value) : [];
}

function findCycles(tree: InventoryTree): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (name: string, trail: string[]): void => {
    state.set(name, 'open');
    for (const child of tree.groups.get(name)!.children) {
      if (state.get(child) === 'open') {
        const g = tree.groups.get(child)!;
        issues.push(issueAt(g.source, g.path, `group "${child}" is its own ancestor (${[...trail, name, child].join(' → ')})`, 'key'));
      } else if (!state.has(child)) {
        walk(child, [...trail, name]);
      }
    }
    state.set(name, 'done');
  };
  walk('all', []);
  // A cycle no path from `all` reaches (every member has a parent) is still a cycle.
  for (const name of tree.groups.keys()) if (!state.has(name)) walk(name, []);
  return issues;
}
