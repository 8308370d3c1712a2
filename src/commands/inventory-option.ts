/**
 * The `-i` option as Ansible has it: repeatable (sources merged in order), else ANSIBLE_INVENTORY
 * (comma separated), else the `inventory` key of the ansible.cfg Ansible would read
 * (ANSIBLE_CONFIG, ./ansible.cfg, ~/.ansible.cfg, /etc/ansible/ansible.cfg: the first that exists).
 * Notes about what the inventory holds but slp does not read go to stderr.
 */
import { existsSync, readFileSync } from 'fs';
import { homedir } from 'os';
import { dirname, isAbsolute, join, resolve } from 'path';
import type { Command } from 'commander';
import { ConfigError, formatIssue } from '../errors';
import type { Inventory } from '../inventory/inventory';

export const INVENTORY_HELP = 'inventory source: YAML or INI file, directory, executable script or host1,host2 (repeatable; without it $ANSIBLE_INVENTORY, then ansible.cfg)';

/** A repeatable option's values in order (no default, so --help shows none). */
export const collectOption = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function addInventoryOption(cmd: Command): Command {
  return cmd.option('-i, --inventory <source>', INVENTORY_HELP, collectOption);
}

/** The sources to read: the -i values, else ANSIBLE_INVENTORY, else ansible.cfg's `inventory`. */
export function inventorySources(given: readonly string[] | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), warn: (line: string) => void = (l) => process.stderr.write(`warning: ${l}\n`)): string[] {
  const cfg = ansibleCfg(env, cwd);
  const text = cfg ? readFileSync(cfg, 'utf8') : '';
  // Ansible would follow these whatever the source of the inventory: say that slp does not.
  if (cfg) cfgWarnings(cfg, text).forEach(warn);
  if (given && given.length > 0) return [...given];
  const fromEnv = env.ANSIBLE_INVENTORY;
  if (fromEnv) return splitList(fromEnv, cwd);
  if (cfg) {
    const value = iniValue(text, 'defaults', 'inventory');
    if (value) return splitList(value, dirname(cfg));
  }
  throw new ConfigError([{ file: '-i', line: 1, column: 1, path: '', message: 'no inventory: give -i FILE (or set ANSIBLE_INVENTORY, or `inventory =` under [defaults] in ansible.cfg)' }]);
}

/** Where Ansible finds its config (ansible/config/manager.py find_ini_config_file). */
export function ansibleCfg(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const candidates: string[] = [];
  if (env.ANSIBLE_CONFIG) {
    const p = resolve(cwd, env.ANSIBLE_CONFIG);
    candidates.push(existsSync(join(p, 'ansible.cfg')) ? join(p, 'ansible.cfg') : p);
  }
  candidates.push(join(cwd, 'ansible.cfg'), join(env.HOME ?? homedir(), '.ansible.cfg'), '/etc/ansible/ansible.cfg');
  return candidates.find((c) => existsSync(c));
}

/** Relative paths in ansible.cfg are relative to the file; ~ is the home directory. */
function splitList(value: string, base: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s === '~' || s.startsWith('~/') ? join(homedir(), s.slice(1)) : isAbsolute(s) ? s : resolve(base, s)));
}

function iniValue(text: string, section: string, key: string): string | undefined {
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const s = /^\[([^\]]+)\]/.exec(line);
    if (s) current = s[1]!.trim();
    else if (current === section && !/^[#;]/.test(line)) {
      const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
      if (m && m[1] === key) return m[2]!.replace(/\s+[#;].*$/, '');
    }
  }
  return undefined;
}

/** ansible.cfg settings that change how Ansible reads an inventory, which slp does not follow. */
function cfgWarnings(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*(vars_plugins|vars_plugins_enabled|enable_plugins|host_group_vars|inventory_ignore_extensions|inventory_ignore_patterns|precedence)\s*[=:]/.exec(raw);
    if (m) out.push(`${file}:${i + 1}:1: "${m[1]}" is not followed by slp; it reads inventories with Ansible's defaults`);
  });
  return out;
}

/** Prints the loader's notes (files found but not read) on stderr. */
export function warnInventoryNotes(inventory: Inventory): void {
  for (const n of inventory.notes) process.stderr.write(`warning: ${formatIssue(n)}\n`);
}
