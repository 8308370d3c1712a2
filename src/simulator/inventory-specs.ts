/**
 * Reads an Ansible YAML inventory into simulated-device specs for `slp sim -i`: every host whose
 * ansible_host is 127.0.0.1 (or localhost), with vars merged all < group (outer → inner) < host.
 * Kept local and small on purpose: the simulator depends on the inventory *file format*, not on
 * the runner's inventory module.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { utils } from 'ssh2';
import { parse } from 'yaml';
import { SlpError } from '../errors';
import type { SimBlock, SimDeviceSpec, SimLab } from './types';

type Vars = Record<string, unknown>;
interface Group {
  vars?: Vars;
  hosts?: Record<string, Vars | null>;
  children?: Record<string, Group | null>;
}

function collect(group: Group | null | undefined, inherited: Vars, out: Map<string, Vars>): void {
  if (!group) return;
  const vars = { ...inherited, ...(group.vars ?? {}) };
  for (const [name, hostVars] of Object.entries(group.hosts ?? {})) {
    out.set(name, { ...vars, ...(out.get(name) ?? {}), ...(hostVars ?? {}) });
  }
  for (const child of Object.values(group.children ?? {})) collect(child, vars, out);
}

/**
 * The public half of the host's `ansible_ssh_private_key_file`, so the lab accepts the very key the
 * runner logs in with (`ssh -i`). Resolved like src/inventory does: `~/`, absolute, or relative to
 * the inventory's folder. An unreadable or encrypted key is an error naming host and file, not a
 * silent fall-back to password-only.
 */
function authorizedKeyFrom(host: string, file: string, baseDir: string): string {
  const path = file === '~' || file.startsWith('~/') ? join(homedir(), file.slice(1)) : isAbsolute(file) ? file : resolve(baseDir, file);
  let text: Buffer;
  try {
    text = readFileSync(path);
  } catch (e) {
    throw new SlpError(`host ${host}: ansible_ssh_private_key_file ${path}: ${(e as Error).message}`);
  }
  const parsed = utils.parseKey(text);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key instanceof Error || !key) throw new SlpError(`host ${host}: ansible_ssh_private_key_file ${path}: ${key ? key.message : 'no key'}`);
  return `${key.type} ${key.getPublicSSH().toString('base64')}`;
}

export function specsFromInventory(text: string, baseDir = process.cwd()): SimDeviceSpec[] {
  const doc = (parse(text) ?? {}) as { all?: Group };
  const hosts = new Map<string, Vars>();
  collect(doc.all, {}, hosts);
  const specs: SimDeviceSpec[] = [];
  for (const [name, v] of hosts) {
    const address = String(v.ansible_host ?? name);
    if (address !== '127.0.0.1' && address !== 'localhost') continue;
    specs.push({
      name,
      port: Number(v.ansible_port ?? 22),
      credentials: {
        username: String(v.ansible_user ?? 'admin'),
        password: String(v.ansible_password ?? v.ansible_ssh_pass ?? 'admin'),
        enableSecret: v.ansible_become_password ?? v.ansible_become_pass ? String(v.ansible_become_password ?? v.ansible_become_pass) : undefined,
        ...(v.ansible_ssh_private_key_file !== undefined ? { authorizedKey: authorizedKeyFrom(name, String(v.ansible_ssh_private_key_file), baseDir) } : {}),
      },
      sim: (v.sim as SimBlock | undefined) ?? {},
      lab: v.sim_lab as SimLab | undefined,
    });
  }
  return specs;
}

export function specsFromInventoryFile(file: string): SimDeviceSpec[] {
  return specsFromInventory(readFileSync(file, 'utf8'), dirname(resolve(file)));
}
