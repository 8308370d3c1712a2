/**
 * The benchmark's lab on paper: N healthy C9300s on 127.0.0.1, an inventory pointing at the
 * ports the simulator child bound, and the shipped day-0 playbook's first play (direct Smart
 * Transport) on `hosts: all` with its `serial` removed: the floor assumes one batch, so forks
 * alone bound concurrency.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const LAB_CREDENTIALS = { username: 'admin', password: 'bench-Passw0rd', enableSecret: 'bench-Enable' } as const;
/** Any 20–2048 characters of [A-Za-z0-9+/=._-] is a token the simulated CSSM accepts. */
export const LAB_TOKEN = 'BenchToken.0123456789abcdefXYZ';

export function benchHostName(i: number): string {
  return `sw${String(i).padStart(4, '0')}`;
}

export function benchInventory(ports: readonly number[]): string {
  const hosts: Record<string, { ansible_port: number }> = {};
  ports.forEach((port, i) => {
    hosts[benchHostName(i)] = { ansible_port: port };
  });
  return stringify({
    all: {
      vars: {
        ansible_host: '127.0.0.1',
        ansible_user: LAB_CREDENTIALS.username,
        ansible_password: LAB_CREDENTIALS.password,
        ansible_become_password: LAB_CREDENTIALS.enableSecret,
        slp_host_key_checking: 'off',
        slp_connect_timeout: 60,
        slp_command_timeout: 60,
      },
      hosts,
    },
  });
}

/** Writes inventory.yaml and day0.yaml into `dir`; returns their paths. */
export function writeBenchLab(dir: string, ports: readonly number[], day0File: string): { inventory: string; playbook: string } {
  const [play] = parse(readFileSync(day0File, 'utf8')) as Record<string, unknown>[];
  if (!play) throw new Error(`${day0File}: no play`);
  delete play.serial;
  play.hosts = 'all';
  const plays = [play];
  const inventory = join(dir, 'inventory.yaml');
  const playbook = join(dir, 'day0.yaml');
  writeFileSync(inventory, benchInventory(ports));
  writeFileSync(playbook, stringify(plays));
  return { inventory, playbook };
}
