/**
 * The inventory in the shape `ansible-inventory --list` prints: each group with its own hosts and
 * its children (empty keys and empty groups left out, `all` without hosts), and `_meta.hostvars`
 * with every host's merged variables as written: templates unrendered, so nothing from the
 * environment is revealed, as Ansible prints them. Inline vault values print as Ansible prints
 * them (`{"__ansible_vault": ciphertext}`); values from a whole encrypted file, which Ansible
 * prints in clear, print as `<vaulted: FILE>` unless the caller asks to reveal them; credential
 * variables (CREDENTIAL_VARS) print as `***` unless revealed the same way (in process, for tests).
 */
import type { Inventory, VarEntry } from './inventory';
import { inlineVaultAt, isWholeVaultFile } from './vault';
import { groupDepths, groupsOfHost, mergeHostVars, sortGroups } from './merge-vars';

/**
 * Variables that hold credentials (host-connection.ts reads them as the login password, the
 * enable secret and the key passphrase). `ansible-inventory` prints them; slp never prints a
 * secret, so their values show as `***`.
 */
export const CREDENTIAL_VARS: ReadonlySet<string> = new Set([
  'ansible_password', 'ansible_ssh_pass', 'ansible_become_password', 'ansible_become_pass', 'slp_private_key_passphrase',
]);

/** Every credential variable's value, at any depth, as `***` (for a listing of any shape). */
export function maskCredentialVars<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskCredentialVars) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, CREDENTIAL_VARS.has(k) ? '***' : maskCredentialVars(v)])) as T;
  }
  return value;
}

export interface AnsibleListJson {
  _meta: { hostvars: Record<string, Record<string, unknown>> };
  [group: string]: unknown;
}

export function inventoryListJson(inventory: Inventory, options: { revealVaultFiles?: boolean } = {}): AnsibleListJson {
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
    if (merged.size > 0) {
      hostvars[host] = Object.fromEntries([...merged].map(([k, e]) => [k, CREDENTIAL_VARS.has(k) && !options.revealVaultFiles ? '***' : shown(e, options.revealVaultFiles === true)]));
    }
  }
  return { ...out, _meta: { hostvars } };
}

/** `ansible-inventory --host NAME`: the host's merged variables. */
export function inventoryHostJson(inventory: Inventory, host: string): Record<string, unknown> | undefined {
  return inventoryListJson(inventory)._meta.hostvars[host] ?? (inventory.tree.hostVars.has(host) ? {} : undefined);
}

function shown(entry: VarEntry, revealVaultFiles: boolean): unknown {
  if (isWholeVaultFile(entry.source) && !revealVaultFiles) return `<vaulted: ${entry.source.file}>`;
  const walk = (value: unknown, path: readonly (string | number)[]): unknown => {
    const ciphertext = inlineVaultAt(entry.source, path);
    if (ciphertext !== undefined) return { __ansible_vault: ciphertext };
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
    return value;
  };
  return walk(entry.value, entry.path);
}

/**
 * `ansible-inventory --list -y` (ansible-core 2.14's yaml_inventory): a YAML inventory, each
 * group with its children (repeated wherever they appear) and own hosts, each host's merged
 * variables written where it is first listed, empty groups kept as `{}`. It reads back as an
 * inventory.
 */
export function inventoryListYamlShape(inventory: Inventory, options: { revealVaultFiles?: boolean } = {}): Record<string, unknown> {
  const { tree } = inventory;
  const hostvars = inventoryListJson(inventory, options)._meta.hostvars;
  const seenHosts = new Set<string>();
  const format = (name: string, trail: ReadonlySet<string>): Record<string, unknown> => {
    const g = tree.groups.get(name)!;
    const entry: Record<string, Record<string, unknown>> = { children: {}, hosts: {} };
    for (const child of g.children) {
      if (child !== 'all' && !trail.has(child)) Object.assign(entry.children!, format(child, new Set([...trail, child])));
    }
    if (name !== 'all') {
      for (const host of tree.hostOrder.filter((h) => g.directHosts.has(h))) {
        entry.hosts![host] = seenHosts.has(host) ? {} : (hostvars[host] ?? {});
        seenHosts.add(host);
      }
    }
    for (const key of ['children', 'hosts'] as const) if (Object.keys(entry[key]!).length === 0) delete entry[key];
    return { [name]: entry };
  };
  return format('all', new Set(['all']));
}
