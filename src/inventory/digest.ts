/**
 * A digest of what an inventory resolves to (hosts, their groups and merged variables), so a plan
 * can say "made from this inventory" whatever its format or how many files it spans. Credentials
 * are left out: rotating a password does not make a plan stale, and no digest is taken of them.
 */
import { createHash } from 'node:crypto';
import type { Inventory } from './inventory';

/** Variables that hold credentials (Ansible's and the tool's), by name. */
const CREDENTIAL_VAR = /pass|secret|token|vault/i;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function inventoryDigest(inventory: Pick<Inventory, 'hosts'>): string {
  const hosts = [...inventory.hosts.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((h) => ({
      name: h.name,
      groups: [...h.groups].sort(),
      vars: Object.fromEntries(Object.entries(h.vars).filter(([k]) => !CREDENTIAL_VAR.test(k))),
    }));
  return `sha256:${createHash('sha256').update(JSON.stringify(canonical(hosts))).digest('hex')}`;
}
