/**
 * Reads the group tree out of a schema-checked Ansible YAML inventory: which hosts and groups
 * exist, who is whose parent, where each variable was written. No merging, no templates.
 */
import type { ConfigIssue } from '../errors';
import type { Templated } from '../schema/check-document';
import type { Group, InventoryFile } from '../schema/types.generated';
import { issueAt, type DocPath, type YamlSource } from '../schema/yaml-source';
import type { VarEntry } from './inventory';

/** One group as the inventory file declares it, before variables are merged. */
export interface GroupNode {
  name: string;
  parents: Set<string>;
  children: Set<string>;
  directHosts: Set<string>;
  vars: Map<string, VarEntry>;
  /** Where the group is first written (for cycle messages). */
  path: DocPath;
}

/** Groups, hosts and their own variables as read from the file, before merging. */
export interface InventoryTree {
  groups: Map<string, GroupNode>;
  /** Host name → its own variables, merged over every place it is listed (later wins). */
  hostVars: Map<string, Map<string, VarEntry>>;
  hostOrder: string[];
  issues: ConfigIssue[];
}

export function readInventoryTree(data: Templated<InventoryFile>, src: YamlSource): InventoryTree {
  const tree: InventoryTree = { groups: new Map(), hostVars: new Map(), hostOrder: [], issues: [] };
  const node = (name: string, path: DocPath): GroupNode => {
    let g = tree.groups.get(name);
    if (!g) {
      g = { name, parents: new Set(), children: new Set(), directHosts: new Set(), vars: new Map(), path };
      tree.groups.set(name, g);
    }
    return g;
  };
  const visit = (name: string, group: Templated<Group> | undefined, path: DocPath, parent: string | undefined): void => {
    const g = node(name, path);
    if (parent !== undefined && parent !== name) {
      g.parents.add(parent);
      node(parent, path).children.add(name);
    }
    if (!group || typeof group !== 'object') return;
    for (const [host, vars] of entriesOf(group.hosts)) {
      g.directHosts.add(host);
      if (!tree.hostVars.has(host)) {
        tree.hostVars.set(host, new Map());
        tree.hostOrder.push(host);
      }
      for (const [key, value] of entriesOf(vars)) {
        tree.hostVars.get(host)!.set(key, { value, path: [...path, 'hosts', host, key] });
      }
    }
    for (const [key, value] of entriesOf(group.vars)) {
      g.vars.set(key, { value, path: [...path, 'vars', key] });
    }
    for (const [child, childGroup] of entriesOf(group.children)) {
      visit(child, childGroup, [...path, 'children', child], name);
    }
  };
  node('all', ['all']);
  for (const [name, group] of Object.entries(data)) {
    visit(name, group ?? undefined, [name], name === 'all' ? undefined : 'all');
  }
  // Ansible's implicit group: hosts that belong to no group but `all`.
  const ungrouped = node('ungrouped', ['all']);
  for (const host of tree.hostOrder) {
    const inSome = [...tree.groups.values()].some((g) => g.name !== 'all' && g.name !== 'ungrouped' && g.directHosts.has(host));
    if (!inSome) ungrouped.directHosts.add(host);
  }
  if (!ungrouped.parents.size) ungrouped.parents.add('all');
  tree.groups.get('all')!.children.add('ungrouped');
  tree.issues.push(...findCycles(tree, src));
  return tree;
}

/** Entries of a mapping; nothing for null or a (template) string, which the schema reported. */
function entriesOf<V>(value: Record<string, V> | string | null | undefined): [string, V][] {
  return value && typeof value === 'object' ? Object.entries(value) : [];
}

function findCycles(tree: InventoryTree, src: YamlSource): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (name: string, trail: string[]): void => {
    state.set(name, 'open');
    for (const child of tree.groups.get(name)!.children) {
      if (state.get(child) === 'open') {
        const g = tree.groups.get(child)!;
        issues.push(issueAt(src, g.path, `group "${child}" is its own ancestor (${[...trail, name, child].join(' → ')})`, 'key'));
      } else if (!state.has(child)) {
        walk(child, [...trail, name]);
      }
    }
    state.set(name, 'done');
  };
  walk('all', []);
  return issues;
}
