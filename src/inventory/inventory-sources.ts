/**
 * Inventory sources read the way Ansible's InventoryManager reads them: a directory (every entry,
 * sorted, with Ansible's ignore rules), an executable (a dynamic inventory, run with --list), a
 * YAML or INI file (by extension, else by content), the JSON an inventory script or
 * `ansible-inventory --list` prints, and a `host1,host2` list. Each adds to one tree.
 */
import { execFileSync } from 'child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'fs';
import { basename, extname, join } from 'path';
import { ConfigError, type ConfigIssue } from '../errors';
import { checkDocument } from '../schema/check-document';
import { validateInventory } from '../schema/validators';
import { issueAt, parseYaml, type DocPath, type YamlSource } from '../schema/yaml-source';
import { parseIniInventory } from './ini-inventory';
import { addToTree, type InventoryTree } from './inventory-tree';
import { decryptVault, isVaultFile, parseVaultedYaml, type VaultSecret } from './vault';

/** Ansible's IGNORED_ALWAYS and default INVENTORY_IGNORE_EXTS (REJECT_EXTS + .orig .ini .cfg .retry). */
const IGNORED_NAMES = /^\.|^host_vars$|^group_vars$|^vars_plugins$/;
const IGNORED_EXTS = ['.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.ini', '.cfg', '.retry'];

export interface SourceResult {
  /** Vault passwords to decrypt with. */
  vault: readonly VaultSecret[];
  /** Every decrypted value (for the redactor). */
  secrets: string[];
  issues: ConfigIssue[];
  notes: ConfigIssue[];
  /** The first file read (for callers that locate issues in it). */
  first?: YamlSource;
}

/** Adds one `-i` source (file, directory, script or host list) to the tree. */
export function addSource(tree: InventoryTree, source: string, result: SourceResult): void {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    if (source.includes(',')) return addHostList(tree, source, result);
    result.issues.push({ file: source, line: 1, column: 1, path: '', message: 'cannot read inventory: no such file' });
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of readdirSync(source).sort()) {
      const full = join(source, entry);
      if (IGNORED_NAMES.test(entry) || IGNORED_EXTS.some((ext) => entry.endsWith(ext))) {
        if (entry === 'vars_plugins') result.notes.push({ file: full, line: 1, column: 1, path: '', message: 'not read: slp runs no vars plugins; export their variables into group_vars/ or host_vars/' });
        else if (!IGNORED_NAMES.test(entry)) result.notes.push({ file: full, line: 1, column: 1, path: '', message: 'not read: Ansible ignores this extension in an inventory directory (INVENTORY_IGNORE_EXTS)' });
        continue;
      }
      addSource(tree, full, result);
    }
    return;
  }
  if (isExecutable(source)) return addScript(tree, source, result);
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (error) {
    result.issues.push({ file: source, line: 1, column: 1, path: '', message: `cannot read inventory: ${(error as Error).message}` });
    return;
  }
  try {
    const src = parseSource(source, text, result);
    result.first ??= src;
    if (isScriptShape(src.data)) return addScriptData(tree, src, result);
    const checked = checkDocument(validateInventory, src, {}, isVariableValue);
    if (checked.value === undefined) {
      result.issues.push(...checked.issues);
      return;
    }
    addToTree(tree, checked.value, src);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    result.issues.push(...error.issues);
  }
}

/** YAML by extension (.yml .yaml .json), INI for any other extension, else YAML when it reads as a mapping. */
function parseSource(file: string, text: string, result: SourceResult): YamlSource {
  const ext = extname(file).toLowerCase();
  if (isVaultFile(text)) {
    // A whole encrypted inventory: decrypt, then read what is inside.
    const plain = decryptVault(text, result.vault, { file, line: 1, column: 1, path: '' });
    result.secrets.push(plain);
    if (ext !== '' && !['.yml', '.yaml', '.json'].includes(ext)) return parseIniInventory(file, plain);
    return parseSource(file, plain, result);
  }
  if (ext !== '' && !['.yml', '.yaml', '.json'].includes(ext)) return parseIniInventory(file, text);
  let yaml: YamlSource | undefined;
  try {
    yaml = parseVaultedYaml(file, text, result.vault, result.secrets);
  } catch (error) {
    if (ext !== '' || !(error instanceof ConfigError)) throw error;
  }
  if (yaml && yaml.data !== null && typeof yaml.data === 'object' && !Array.isArray(yaml.data)) {
    const data = yaml.data as Record<string, unknown>;
    if (typeof data.plugin === 'string') {
      throw new ConfigError([issueAt(yaml, ['plugin'], `this is an Ansible inventory plugin configuration (plugin: ${data.plugin}), which slp does not run; export the inventory with \`ansible-inventory -i ${file} --list -y > inventory.yml\` and use that file`, 'key')]);
    }
    return yaml;
  }
  if (ext !== '') throw new ConfigError([{ file, line: 1, column: 1, path: '', message: 'an inventory must be a mapping of groups (all: …)' }]);
  return parseIniInventory(file, text);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A dynamic inventory: `SCRIPT --list` prints the JSON inventory; read like a file of it. */
function addScript(tree: InventoryTree, script: string, result: SourceResult): void {
  let out: string;
  try {
    out = execFileSync(script, ['--list'], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const e = error as { status?: number; stderr?: string; message: string };
    const why = e.stderr?.trim().split('\n').slice(-1)[0] || e.message;
    result.issues.push({ file: script, line: 1, column: 1, path: '', message: `inventory script failed (\`${basename(script)} --list\`${e.status !== undefined ? `, exit ${e.status}` : ''}): ${why}` });
    return;
  }
  try {
    const src = parseYaml(`${script} --list`, out);
    if (!isScriptShape(src.data) && (src.data === null || typeof src.data !== 'object' || Array.isArray(src.data))) {
      result.issues.push({ file: script, line: 1, column: 1, path: '', message: 'inventory script output (--list) must be a JSON object of groups' });
      return;
    }
    addScriptData(tree, src, result, script);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    result.issues.push(...error.issues);
  }
}

/** The script/`ansible-inventory --list` JSON: `_meta`, or groups whose hosts/children are lists. */
function isScriptShape(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  return Object.entries(data).some(
    ([k, v]) => k === '_meta' || Array.isArray(v) || (v !== null && typeof v === 'object' && (Array.isArray((v as Record<string, unknown>).hosts) || Array.isArray((v as Record<string, unknown>).children))),
  );
}

function addScriptData(tree: InventoryTree, src: YamlSource, result: SourceResult, script?: string): void {
  result.first ??= src;
  const data = src.data as Record<string, unknown>;
  const shaped: Record<string, unknown> = {};
  const bad = (path: DocPath, message: string): void => void result.issues.push(issueAt(src, path, message));
  const hostvars = (data._meta as { hostvars?: Record<string, unknown> } | undefined)?.hostvars ?? {};
  const paths = new Map<string, DocPath>();
  for (const [group, value] of Object.entries(data)) {
    if (group === '_meta') continue;
    const g: Record<string, unknown> = {};
    const def = Array.isArray(value) ? { hosts: value } : (value as Record<string, unknown> | null);
    if (def !== null && (typeof def !== 'object' || Array.isArray(def))) {
      bad([group], `group "${group}" must be a list of hosts or a mapping with hosts, vars, children`);
      continue;
    }
    for (const [key, list] of Object.entries(def ?? {})) {
      if (key === 'vars') g.vars = list;
      else if (key === 'hosts' || key === 'children') {
        if (!Array.isArray(list)) {
          bad([group, key], `${key} of group "${group}" must be a list`);
          continue;
        }
        g[key] = Object.fromEntries(list.map((h) => [String(h), null]));
        if (key === 'hosts') list.forEach((h, i) => paths.set(String(h), Array.isArray(value) ? [group, i] : [group, 'hosts', i]));
      } else bad([group, key], `unknown key "${key}" in group "${group}" (expected hosts, vars, children)`);
    }
    shaped[group] = g;
  }
  // Host variables: from _meta, or (an old-style script without _meta) from `SCRIPT --host NAME`.
  const hostsShape: Record<string, unknown> = {};
  for (const host of paths.keys()) {
    let vars = hostvars[host];
    if (script && data._meta === undefined) {
      try {
        vars = JSON.parse(execFileSync(script, ['--host', host], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }));
      } catch (error) {
        result.issues.push({ file: script, line: 1, column: 1, path: '', message: `inventory script failed (\`${basename(script)} --host ${host}\`): ${(error as Error).message.split('\n')[0]}` });
      }
    }
    if (vars !== null && typeof vars === 'object' && !Array.isArray(vars)) hostsShape[host] = vars;
    else if (vars !== undefined && vars !== null) bad(['_meta', 'hostvars', host], `the variables of host "${host}" must be a mapping`);
  }
  const view: YamlSource = { ...src, data: shaped };
  const checked = checkDocument(validateInventory, view, {}, isVariableValue);
  if (checked.value === undefined) {
    result.issues.push(...checked.issues.map((i) => ({ ...i, path: '' })));
    return;
  }
  addToTree(tree, checked.value, src);
  for (const [host, vars] of Object.entries(hostsShape)) {
    const own = tree.hostVars.get(host);
    if (!own) continue;
    for (const [key, value] of Object.entries(vars as Record<string, unknown>)) own.set(key, { value, path: ['_meta', 'hostvars', host, key], source: src });
  }
}

/** `-i sw1,sw2,`: hosts in `ungrouped`, as Ansible's host_list plugin. */
function addHostList(tree: InventoryTree, list: string, result: SourceResult): void {
  const hosts: Record<string, null> = {};
  for (const raw of list.split(',').map((h) => h.trim()).filter(Boolean)) hosts[raw] = null;
  const src = parseYaml('-i', JSON.stringify({ ungrouped: { hosts } }));
  result.first ??= src;
  const checked = checkDocument(validateInventory, src);
  if (checked.value === undefined) {
    result.issues.push(...checked.issues.map((i) => ({ ...i, line: 1, column: 1 })));
    return;
  }
  addToTree(tree, checked.value, src);
}

/** Templates may stand for variable values (inside `vars:` or a host entry), not for structure. */
export function isVariableValue(path: readonly string[]): boolean {
  const n = path.length;
  const v = path.indexOf('vars');
  const h = path.indexOf('hosts');
  return (v >= 0 && v <= n - 2) || (h >= 0 && h <= n - 3);
}
