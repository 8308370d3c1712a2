import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError, formatIssue } from '../../../src/errors';
import { loadInventory } from '../../../src/inventory/load-inventory';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-fleet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fleet inventory as teams write them: one anchor of defaults merged into every host. */
function fleetInventory(hosts: number): string {
  const lines = ['all:', '  vars:', '    ansible_user: admin', '  children:', '    fleet:', '      vars:', '        defaults: &defaults', '          slp_connect_timeout: 20', '          site: hq', '          role: access', '      hosts:'];
  for (let i = 0; i < hosts; i++) lines.push(`        sw${i}:`, '          <<: *defaults', `          ansible_host: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
  return `${lines.join('\n')}\n`;
}

test('a 10,000-host inventory built with <<: *defaults merges loads (no alias count limit on plain merges)', () => {
  const file = join(dir, 'fleet.yml');
  writeFileSync(file, fleetInventory(10_000));
  const inv = loadInventory(file, {});
  expect(inv.hosts.size).toBe(10_000);
  expect(inv.hosts.get('sw9999')!.vars).toMatchObject({ site: 'hq', role: 'access', ansible_host: '10.0.39.15' });
  expect(inv.hosts.get('sw9999')!.connection.connectTimeoutMs).toBe(20_000);
});

test('an alias bomb in an inventory is still refused, at the alias where the expansion passes the limit', () => {
  const file = join(dir, 'bomb.yml');
  const levels = ['all:', '  vars:', '    l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let k = 1; k <= 9; k++) levels.push(`    l${k}: &l${k} [${Array(10).fill(`*l${k - 1}`).join(', ')}]`);
  writeFileSync(file, `${levels.join('\n')}\n  hosts: { sw1: }\n`);
  let issues: string[] = [];
  try {
    loadInventory(file, {});
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues = error.issues.map(formatIssue);
  }
  expect(issues).toEqual([expect.stringMatching(/bomb\.yml:9:\d+: YAML syntax error: aliases expand to too many values/)]);
});
