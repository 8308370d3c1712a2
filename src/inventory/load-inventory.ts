/**
 * Ansible YAML inventory → Inventory: schema check, group tree, variable precedence, templates
 * in variables (`ansible_password: "{{ env.LAB_PASSWORD }}"`), then the typed connection per host.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import { dirname } from 'path';
import { ConfigError, type ConfigIssue } from '../errors';
import { HostIssues } from '../schema/host-issues';
import { ajvIssues, sortIssues, splitPointer } from '../schema/schema-issues';
import { validateHostVars } from '../schema/validators';
import { locateWithin, type YamlSource } from '../schema/yaml-source';
import { renderValue, type Env, type TemplateContext } from '../template/template';
import { hostConnection } from './host-connection';
import type { Inventory, InventoryGroup, InventoryHost, VarEntry } from './inventory';
import { emptyTree, reconcileTree, type InventoryTree, type VarsDir } from './inventory-tree';
import { addSource, type SourceResult } from './inventory-sources';
import { readVarsDir } from './vars-files';
import { parseVaultedYaml, type VaultSecret } from './vault';
import { groupDepths, groupsOfHost, mergeHostVars, sortGroups } from './merge-vars';

/** Loading outcome: the inventory when there are no issues, and every issue otherwise. */
export interface InventoryResult {
  inventory?: Inventory;
  issues: ConfigIssue[];
  /** Unset environment variables under missingEnv 'defer' (the variable is left out). */
  warnings: ConfigIssue[];
}

/** Where else to look for variables than beside the inventory sources. */
export interface InventoryOptions {
  /** The playbook's folder: its group_vars/ and host_vars/ win over the inventory's. */
  playbookDir?: string;
  /** Vault passwords for `!vault` values and encrypted files. */
  vault?: readonly VaultSecret[];
}

/** Loads and checks an inventory (one or several sources); throws ConfigError with every problem found. */
export function loadInventory(sources: string | readonly string[], env: Env = process.env, options: InventoryOptions = {}): Inventory {
  const { inventory, issues } = collectInventory(sources, env, 'error', options);
  if (!inventory || issues.length > 0) throw new ConfigError(sortIssues(issues));
  return inventory;
}

/** As loadInventory, but returns the issues (for callers that report several files at once). */
export function collectInventory(
  sources: string | readonly string[],
  env: Env = process.env,
  missingEnv: 'error' | 'defer' = 'error',
  options: InventoryOptions = {},
): InventoryResult {
  const list = typeof sources === 'string' ? [sources] : [...sources];
  const { tree, issues, notes, first, secrets } = readTree(list, options);
  if (issues.length > 0 || !first) {
    if (!first && issues.length === 0) issues.push({ file: list.join(', ') || '-i', line: 1, column: 1, path: '', message: 'no inventory was read (an empty directory?)' });
    return { issues, warnings: [] };
  }
  const result = buildInventory(list, first, tree, env, missingEnv, secrets);
  if (result.inventory) result.inventory.notes = notes;
  return result;
}

/** Every source into one tree, reconciled, with group_vars/host_vars read for its groups and hosts. */
export function readTree(sources: readonly string[], options: InventoryOptions = {}): { tree: InventoryTree; issues: ConfigIssue[]; notes: ConfigIssue[]; secrets: string[]; first?: YamlSource } {
  const tree = emptyTree();
  const result: SourceResult = { vault: options.vault ?? [], secrets: [], issues: [], notes: [] };
  for (const source of sources) addSource(tree, source, result);
  if (result.issues.length > 0) return { tree, ...result };
  reconcileTree(tree);
  if (tree.issues.length > 0) return { tree, issues: tree.issues, notes: result.notes, secrets: result.secrets };
  const groups = [...tree.groups.keys()];
  const read = (base: string): VarsDir => {
    const r = readVarsDir(base, groups, tree.hostOrder, (file) => readVarsFile(file, result));
    result.issues.push(...r.issues);
    result.notes.push(...r.notes);
    return r.dir;
  };
  for (const source of sources) {
    if (!existsSync(source)) continue; // a host list
    tree.inventoryDirs.push(read(statSync(source).isDirectory() ? source : dirname(source)));
  }
  if (options.playbookDir !== undefined) tree.playbookDirs.push(read(options.playbookDir));
  // The playbook often sits beside the inventory: the same folder is read twice (as Ansible does), noted once.
  const seen = new Set<string>();
  result.notes = result.notes.filter((n) => !seen.has(`${n.file}\0${n.message}`) && !!seen.add(`${n.file}\0${n.message}`));
  return { tree, ...result };
}

function buildInventory(sources: string[], source: YamlSource, tree: InventoryTree, env: Env, missingEnv: 'error' | 'defer', secrets: string[]): InventoryResult {
  const depths = groupDepths(tree);
  const base = baseDir(sources);
  const hostIssues = new HostIssues();
  const hostWarnings = new HostIssues();
  const hosts = new Map<string, InventoryHost>();
  const memberships = new Map<string, Set<string>>();
  for (const name of tree.hostOrder) {
    const groupSet = groupsOfHost(tree, name);
    memberships.set(name, groupSet);
    const groups = sortGroups(tree, groupSet, depths);
    const merged = mergeHostVars(tree, name, groups);
    const magic = { inventory_hostname: name, group_names: [...groupSet].filter((g) => g !== 'all' && g !== 'ungrouped').sort() };
    const rendered = renderHostVars(merged, magic, { env, missingEnv }, (issue, deferred) =>
      (deferred ? hostWarnings : hostIssues).add(issue, name),
    );
    if (!rendered) continue;
    if (validateHostVars(rendered.vars)) {
      hosts.set(name, { name, groups, secrets, vars: rendered.vars, connection: hostConnection(name, rendered.vars, base) });
    } else {
      const errors = (validateHostVars.errors ?? []).filter((e) => rendered.templated.has(splitPointer(e.instancePath)[0] ?? ''));
      for (const error of errors) {
        const key = splitPointer(error.instancePath)[0] ?? '';
        const located = ajvIssues([error], rendered.vars, {
          source: merged.get(key)?.source ?? source,
          docPath: ([k, ...rest]) => [...merged.get(String(k))!.path, ...rest],
          note: ([k]) => `, rendered from ${JSON.stringify(rendered.templated.get(String(k)))}`,
        });
        for (const issue of located) hostIssues.add(issue, name);
      }
    }
  }
  const issues = hostIssues.toIssues();
  const warnings = hostWarnings.toIssues();
  if (issues.length > 0) return { issues, warnings };
  const groups = new Map<string, InventoryGroup>();
  for (const [name, g] of tree.groups) {
    groups.set(name, {
      name,
      depth: depths.get(name)!,
      parents: [...g.parents].sort(),
      children: [...g.children].sort(),
      hosts: tree.hostOrder.filter((h) => memberships.get(h)?.has(name)),
      directHosts: tree.hostOrder.filter((h) => g.directHosts.has(h) && hosts.has(h)),
    });
  }
  return { inventory: { file: sources.join(', '), sources, source, hosts, groups, notes: [], tree }, issues: [], warnings };
}

/** Renders every variable of one host; template problems are reported at the template itself. */
function renderHostVars(
  merged: Map<string, VarEntry>,
  magic: Record<string, unknown>,
  options: Pick<TemplateContext, 'env' | 'missingEnv'>,
  report: (issue: ConfigIssue, deferred: boolean) => void,
): { vars: Record<string, unknown>; templated: Map<string, string> } | undefined {
  const raw: Record<string, unknown> = { ...magic };
  for (const [key, entry] of merged) raw[key] = entry.value;
  const vars: Record<string, unknown> = { ...raw };
  const templated = new Map<string, string>();
  let ok = true;
  for (const [key, entry] of merged) {
    const result = renderValue(entry.value, { vars: raw, ...options });
    for (const problem of result.problems) {
      const { line, column } = locateWithin(entry.source, entry.path, problem.template);
      report({ file: entry.source.file, line, column, path: entry.path.join('.'), message: `${key}: ${problem.message}` }, !!problem.deferred);
      if (!problem.deferred) ok = false;
    }
    if (result.problems.length > 0) {
      delete vars[key]; // deferred: left out, as if unset
      continue;
    }
    if (result.templated.size > 0) templated.set(key, [...result.templated.values()][0]!);
    vars[key] = result.value;
  }
  return ok ? { vars, templated } : undefined;
}

/** Relative key files resolve against the first source's folder (its own folder for a directory). */
function baseDir(sources: readonly string[]): string {
  const first = sources.find((s) => existsSync(s));
  if (first === undefined) return process.cwd();
  return statSync(first).isDirectory() ? first : dirname(first);
}

function readVarsFile(file: string, result: SourceResult): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file, line: 1, column: 1, path: '', message: `cannot read variables file: ${(error as Error).message}` }]);
  }
  return parseVaultedYaml(file, text, result.vault, result.secrets);
}
