/**
 * Ansible YAML inventory → Inventory: schema check, group tree, variable precedence, templates
 * in variables (`ansible_password: "{{ env.LAB_PASSWORD }}"`), then the typed connection per host.
 */
import { dirname } from 'path';
import { ConfigError, type ConfigIssue } from '../errors';
import { HostIssues } from '../schema/host-issues';
import { checkDocument } from '../schema/check-document';
import { ajvIssues, sortIssues, splitPointer } from '../schema/schema-issues';
import { validateHostVars, validateInventory } from '../schema/validators';
import { locateWithin, readYamlFile, type YamlSource } from '../schema/yaml-source';
import { renderValue, type Env, type TemplateContext } from '../template/template';
import { hostConnection } from './host-connection';
import type { Inventory, InventoryGroup, InventoryHost, VarEntry } from './inventory';
import { readInventoryTree, type InventoryTree } from './inventory-tree';
import { groupDepths, groupsOfHost, mergeHostVars, sortGroups } from './merge-vars';

/** Loading outcome: the inventory when there are no issues, and every issue otherwise. */
export interface InventoryResult {
  inventory?: Inventory;
  issues: ConfigIssue[];
  /** Unset environment variables under missingEnv 'defer' (the variable is left out). */
  warnings: ConfigIssue[];
}

/** Loads and checks an inventory file; throws ConfigError with every problem found. */
export function loadInventory(file: string, env: Env = process.env): Inventory {
  const { inventory, issues } = collectInventory(file, env);
  if (!inventory || issues.length > 0) throw new ConfigError(sortIssues(issues));
  return inventory;
}

/** As loadInventory, but returns the issues (for callers that report several files at once). */
export function collectInventory(file: string, env: Env = process.env, missingEnv: 'error' | 'defer' = 'error'): InventoryResult {
  let source: YamlSource;
  try {
    source = readYamlFile(file, 'inventory');
  } catch (error) {
    if (error instanceof ConfigError) return { issues: error.issues, warnings: [] };
    throw error;
  }
  const checked = checkDocument(validateInventory, source, {}, isVariableValue);
  if (checked.value === undefined) return { issues: checked.issues, warnings: [] };
  const tree = readInventoryTree(checked.value, source);
  if (tree.issues.length > 0) return { issues: tree.issues, warnings: [] };
  return buildInventory(file, source, tree, env, missingEnv);
}

function buildInventory(file: string, source: YamlSource, tree: InventoryTree, env: Env, missingEnv: 'error' | 'defer'): InventoryResult {
  const depths = groupDepths(tree);
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
    const rendered = renderHostVars(source, merged, magic, { env, missingEnv }, (issue, deferred) =>
      (deferred ? hostWarnings : hostIssues).add(issue, name),
    );
    if (!rendered) continue;
    if (validateHostVars(rendered.vars)) {
      hosts.set(name, { name, groups, vars: rendered.vars, connection: hostConnection(name, rendered.vars, dirname(file)) });
    } else {
      const errors = (validateHostVars.errors ?? []).filter((e) => rendered.templated.has(splitPointer(e.instancePath)[0] ?? ''));
      const located = ajvIssues(errors, rendered.vars, {
        source,
        docPath: ([key, ...rest]) => [...merged.get(String(key))!.path, ...rest],
        note: ([key]) => `, rendered from ${JSON.stringify(rendered.templated.get(String(key)))}`,
      });
      for (const issue of located) hostIssues.add(issue, name);
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
      hosts: tree.hostOrder.filter((h) => memberships.get(h)!.has(name)),
    });
  }
  return { inventory: { file, source, hosts, groups }, issues: [], warnings };
}

/** Renders every variable of one host; template problems are reported at the template itself. */
function renderHostVars(
  source: YamlSource,
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
      const { line, column } = locateWithin(source, entry.path, problem.template);
      report({ file: source.file, line, column, path: entry.path.join('.'), message: `${key}: ${problem.message}` }, !!problem.deferred);
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

/** Templates may stand for variable values (inside `vars:` or a host entry), not for structure. */
function isVariableValue(path: readonly string[]): boolean {
  const n = path.length;
  const v = path.indexOf('vars');
  const h = path.indexOf('hosts');
  return (v >= 0 && v <= n - 2) || (h >= 0 && h <= n - 3);
}
