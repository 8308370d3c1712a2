/**
 * A handful of generated bad inputs through the real binary (`slp validate`, built by `npm test`):
 * exit code 2, one `file:line:column: message` line per problem on stderr, no stack trace, nothing
 * on stdout, and the secrets of the inventory never echoed. Most fuzzing runs in-process
 * (load-run.fuzz.test.ts); spawning costs ~0.3 s per case.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sample, withSeed } from '../helpers/fuzz';
import { BASE_INVENTORY, BASE_PLAYBOOK, HOSTILE_STRINGS, PLAYBOOK_PATHS, INVENTORY_PATHS, setAt } from './inputs';

const BIN = join(__dirname, '../../bin/slp.js');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-fuzz-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Values the schema must refuse wherever they land (each one is wrong for every key it can reach). */
const REFUSED = HOSTILE_STRINGS.filter((s) => /[\n\r\u0000\u001b|?;]/.test(s));

test('slp validate: exit 2, located one-line messages, no stack trace, no secret', () => {
  const cases = sample(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom(...REFUSED)), 8);
  for (const [inInventory, i, value] of cases) withSeed(() => {
    const inventoryFile = join(dir, 'inventory.yaml');
    const playbookFile = join(dir, 'playbook.yaml');
    // Only paths that hold a string the CLI would see, so the value cannot be legal there.
    const pbPaths = PLAYBOOK_PATHS.filter((p) => p[1] === 'slp' && p.length >= 3 && !['state', 'transport', 'scope', 'force', 'lookup', 'sync', 'usage_interval', 'port', 'extra_key'].includes(String(p[p.length - 1])));
    const invPaths = INVENTORY_PATHS.filter((p) => ['ansible_host', 'ansible_user', 'slp_host_key_checking'].includes(String(p[p.length - 1])));
    const inventory = inInventory ? setAt(BASE_INVENTORY, invPaths[i % invPaths.length]!, value) : BASE_INVENTORY;
    const playbook = inInventory ? BASE_PLAYBOOK : setAt(BASE_PLAYBOOK, pbPaths[i % pbPaths.length]!, value);
    writeFileSync(inventoryFile, stringify(inventory));
    writeFileSync(playbookFile, stringify(playbook));
    const r = spawnSync(process.execPath, [BIN, 'validate', '-i', inventoryFile, playbookFile], {
      encoding: 'utf8',
      env: { ...process.env, SLP_IDTOKEN: 'LabToken.0123456789abcdefXYZ' },
    });
    const label = `${inInventory ? 'inventory' : 'playbook'} value ${JSON.stringify(value)}`;
    expect({ label, status: r.status, stdout: r.stdout }).toEqual({ label, status: 2, stdout: '' });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(inventory|playbook)\\.yaml:\\d+:\\d+: \\S`));
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    for (const secret of ['Fuzz-Passw0rd', 'Fuzz-Enable', 'LabToken.0123456789abcdefXYZ']) expect(r.stderr).not.toContain(secret);
  });
});
