import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fleetInventory } from '../../../bench/src/inventory-load';
import { loadInventory } from '../../../src/inventory/load-inventory';

describe('the inventory the load benchmark times', () => {
  test('is a fleet inventory Ansible users write: one group, merge keys, one address per host', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'slp-bench-inv-test-'));
    try {
      const file = path.join(dir, 'inventory.yaml');
      writeFileSync(file, fleetInventory(300));
      const inventory = loadInventory(file);
      expect(inventory.hosts.size).toBe(300);
      const last = inventory.hosts.get('sw000299')!;
      expect([last.connection.address, last.connection.port, last.connection.connectTimeoutMs, last.groups]).toEqual(['10.0.1.43', 22, 10_000, ['all', 'access']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
