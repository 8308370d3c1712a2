/**
 * group_vars/ and host_vars/ beside an inventory source or a playbook, found as Ansible's
 * host_group_vars plugin and DataLoader.find_vars_files find them: for a group or host NAME the
 * first of `NAME` (a file, or a directory read recursively in sorted order, hidden and `~` files
 * skipped), `NAME.yml`, `NAME.yaml`, `NAME.json`. Anything there that Ansible would not read for
 * this inventory is reported as a note with its path, never skipped silently.
 */
import { readdirSync, statSync } from 'fs';
import { extname, join } from 'path';
import { ConfigError, type ConfigIssue } from '../errors';
import type { YamlSource } from '../schema/yaml-source';
import type { VarEntry } from './inventory';
import type { VarsDir } from './inventory-tree';

const EXTENSIONS = ['', '.yml', '.yaml', '.json'];

export interface VarsDirResult {
  dir: VarsDir;
  issues: ConfigIssue[];
  notes: ConfigIssue[];
}

/** Reads `<base>/group_vars` and `<base>/host_vars` for the given groups and hosts. */
export function readVarsDir(base: string, groups: Iterable<string>, hosts: Iterable<string>, readFile: (file: string) => YamlSource): VarsDirResult {
  const dir: VarsDir = { dir: base, groups: new Map(), hosts: new Map() };
  const issues: ConfigIssue[] = [];
  const notes: ConfigIssue[] = [];
  const note = (file: string, message: string): void => void notes.push({ file, line: 1, column: 1, path: '', message });
  for (const [sub, names, target, kind] of [
    ['group_vars', new Set(groups), dir.groups, 'group'],
    ['host_vars', new Set(hosts), dir.hosts, 'host'],
  ] as const) {
    const path = join(base, sub);
    const stat = statOf(path);
    if (!stat) continue;
    if (!stat.isDirectory()) {
      note(path, `${sub} is not a directory: not read (Ansible skips it too)`);
      continue;
    }
    const used = new Set<string>();
    for (const name of names) {
      for (const ext of EXTENSIONS) {
        const candidate = join(path, name + ext);
        const s = statOf(candidate);
        if (!s) continue;
        used.add(name + ext);
        const files = s.isDirectory() ? filesIn(candidate, note) : [candidate];
        const vars = new Map<string, VarEntry>();
        for (const file of files) {
          let source: YamlSource;
          try {
            source = readFile(file);
          } catch (error) {
            if (error instanceof ConfigError) {
              issues.push(...error.issues);
              continue;
            }
            throw error;
          }
          const data = source.data;
          if (data === null || data === undefined) continue; // an empty file, as Ansible
          if (typeof data !== 'object' || Array.isArray(data)) {
            issues.push({ file, line: 1, column: 1, path: '', message: `${sub} file must be a mapping of variable: value, got ${Array.isArray(data) ? 'a list' : typeof data}` });
            continue;
          }
          for (const [key, value] of Object.entries(data)) {
            vars.delete(key);
            vars.set(key, { value, path: [key], source });
          }
        }
        target.set(name, vars);
        break;
      }
    }
    for (const entry of readdirSync(path).sort()) {
      if (used.has(entry) || entry.startsWith('.') || entry.endsWith('~')) continue;
      const ext = extname(entry);
      const stem = EXTENSIONS.includes(ext) ? entry.slice(0, entry.length - ext.length) : entry;
      const why = !EXTENSIONS.includes(ext)
        ? `not read: only NAME, NAME.yml, NAME.yaml or NAME.json are ${sub} files`
        : names.has(stem)
          ? `not read: ${join(path, stem + EXTENSIONS.find((e) => used.has(stem + e))!)} is read for ${kind} "${stem}" and takes precedence (as in Ansible)`
          : `not read: the inventory has no ${kind} "${stem}"`;
      note(join(path, entry), why);
    }
  }
  return { dir, issues, notes };
}

function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Files of a vars directory in Ansible's order (sorted, recursive), with skipped ones noted. */
function filesIn(dir: string, note: (file: string, message: string) => void): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.') || entry.endsWith('~')) continue;
    const full = join(dir, entry);
    const ext = extname(entry);
    const s = statOf(full);
    if (s?.isDirectory() && !ext) out.push(...filesIn(full, note));
    else if (s?.isFile() && EXTENSIONS.includes(ext)) out.push(full);
    else note(full, 'not read: only files with no extension or .yml, .yaml, .json are read in a vars directory');
  }
  return out;
}
