/**
 * `--inventory-sizes 10000,50000,100000`: how long `slp validate` takes to load and check an
 * inventory of N hosts built the way fleet inventories are (one group, `<<: *defaults` per host),
 * in a fresh process each, so the figure is what a user waits for (issue 20: linear growth).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function fleetInventory(n: number): string {
  const lines = [
    'all:',
    '  vars: { ansible_user: admin, ansible_password: admin, slp_host_key_checking: "off" }',
    '  children:',
    '    access:',
    '      vars: &defaults { ansible_port: 22, slp_connect_timeout: 10 }',
    '      hosts:',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(`        sw${String(i).padStart(6, '0')}: { <<: *defaults, ansible_host: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} }`);
  }
  return `${lines.join('\n')}\n`;
}

export interface InventoryLoadFigure {
  hosts: number;
  /** From spawn to exit of `slp validate`: Node start, load, render and check of every host. */
  wallMs: number;
  exitCode: number | null;
}

export function timeInventoryLoad(root: string, n: number): InventoryLoadFigure {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slp-bench-inv-'));
  try {
    const inventory = path.join(dir, 'inventory.yaml');
    const playbook = path.join(dir, 'playbook.yaml');
    writeFileSync(inventory, fleetInventory(n));
    writeFileSync(playbook, '- name: load\n  hosts: all\n  slp: { transport: smart, url: default }\n');
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'slp.js'), 'validate', '-i', inventory, playbook], { stdio: 'ignore' });
    return { hosts: n, wallMs: Math.round(Number(process.hrtime.bigint() - t0) / 1e6), exitCode: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
