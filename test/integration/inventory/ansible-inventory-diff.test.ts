/**
 * Differential test: for every fixture under test/fixtures/inventories, `slp inventory --list`
 * must print the hosts, groups and merged variables Debian's `ansible-inventory --list` prints.
 * Only the order of `children` lists is normalised (Ansible lists them in the order it happened
 * to link them, which is presentational), and for an inventory exported with `-y` (which sorts
 * hosts by name) the order of hosts. In CI the suite fails if ansible-inventory is missing.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { parse } from 'yaml';
import { join, resolve } from 'path';
import { loadInventory } from '../../../src/inventory/load-inventory';
import { inventoryListJson, maskCredentialVars } from '../../../src/inventory/inventory-json';
import { describeRequiring, requireProgram } from '../../helpers/requires';
import { vaultSecrets } from '../../../src/commands/vault-options';

const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/inventories');
const SLP = join(ROOT, 'bin/slp.js');

const CASES: [string, string[]][] = [
  ['INI: sections, :vars, :children, value typing, ranges, port, group_vars/host_vars', ['ini-basic/hosts']],
  ['YAML: host in several groups, ansible_group_priority, group_vars vs inventory vars, vars dirs, .json', ['yaml-precedence/inventory.yml']],
  ['a directory of INI and YAML files with ignored extensions and its group_vars', ['directory/inv']],
  ['several sources merged in order, host_vars of the second source', ['several/a/hosts.ini', 'several/b/hosts.yml']],
  ['a dynamic inventory script (--list with _meta.hostvars)', ['script/inventory.py']],
];

/** Vault ids as both programs take them: a password file (1.1, no id) and a script for id "prod". */
const VAULT_IDS = ['default@vault/pw-default.txt', 'prod@vault/prod-pass.sh'];

const suite = describeRequiring([requireProgram('ansible-inventory', ['--version'], 'apt-get install ansible; .ci/run installs it')]);

type Listing = Record<string, { hosts?: string[]; children?: string[] } | unknown>;

/**
 * Only presentation is normalised: the order of `children` (and of hosts, where an export sorts
 * them), and credential values, which slp prints as *** where Ansible prints them in clear.
 */
function normalise(listing: Listing, sortHosts = false): Listing {
  const out: Listing = {};
  for (const [name, value] of Object.entries(maskCredentialVars(listing))) {
    const v = value as { children?: string[]; hosts?: string[] };
    if (!v || typeof v !== 'object' || name === '_meta') {
      out[name] = value;
      continue;
    }
    out[name] = { ...v, ...(v.children ? { children: [...v.children].sort() } : {}), ...(sortHosts && v.hosts ? { hosts: [...v.hosts].sort() } : {}) };
  }
  return out;
}

function output(command: string, args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, ANSIBLE_NOCOLOR: '1' };
  delete env.ANSIBLE_INVENTORY;
  return execFileSync(command, args, { cwd: FIXTURES, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function list(command: string, args: string[]): Listing {
  return JSON.parse(output(command, args));
}

suite('slp inventory --list equals ansible-inventory --list', () => {
  test('a password is never printed: slp shows *** where ansible-inventory prints it', () => {
    const args = ['-i', 'ini-basic/hosts'];
    expect(output('ansible-inventory', [...args, '--list'])).toContain('s3cret');
    const slp = output('node', [SLP, 'inventory', ...args, '--list']);
    expect(slp).not.toContain('s3cret');
    expect(slp).toContain('"ansible_password": "***"');
  }, 60_000);
  test.each(CASES)('%s', (_title, sources) => {
    const args = sources.flatMap((s) => ['-i', s]);
    const ansible = list('ansible-inventory', [...args, '--list']);
    const slp = list('node', [SLP, 'inventory', ...args, '--list']);
    // A fixture Ansible could not read would make the comparison vacuous.
    expect(Object.keys((ansible._meta as { hostvars: object }).hostvars).length).toBeGreaterThan(0);
    expect(normalise(slp)).toEqual(normalise(ansible));
  }, 60_000);

  test.each(CASES)('--list -y (a YAML inventory): %s', (_title, sources) => {
    const args = [...sources.flatMap((s) => ['-i', s]), '--list', '-y'];
    // Both read as PyYAML reads them (YAML 1.1), so a "yes" string must come out quoted.
    expect(parse(output('node', [SLP, 'inventory', ...args]), { version: '1.1' })).toEqual(maskCredentialVars(parse(output('ansible-inventory', args), { version: '1.1' })));
  }, 60_000);

  test.each([['--list -y', 'exported.yml'], ['--list', 'exported.json']])('what `ansible-inventory %s` exports reads back as the same inventory', (flags, name) => {
    const dir = mkdtempSync(join(tmpdir(), 'slp-export-'));
    try {
      const original = ['-i', 'yaml-precedence/inventory.yml', '-i', 'ini-basic/hosts'];
      const file = join(dir, name);
      writeFileSync(file, output('ansible-inventory', [...original, ...flags.split(' ')]));
      // ansible-inventory -y writes hosts sorted by name, so only their order within a group may differ.
      expect(normalise(list('node', [SLP, 'inventory', '-i', file, '--list']), true)).toEqual(normalise(list('ansible-inventory', [...original, '--list']), true));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('--host prints the same variables for a host in several groups with group_vars and host_vars', () => {
    const args = ['-i', 'yaml-precedence/inventory.yml', '--host', 'sw1'];
    expect(list('node', [SLP, 'inventory', ...args])).toEqual(maskCredentialVars(list('ansible-inventory', args)));
  }, 60_000);

  test('vault: inline !vault values (1.1 and 1.2 with an id) print as Ansible prints them; a whole encrypted group_vars file decrypts to the same values', async () => {
    const args = ['-i', 'vault/inventory.yml', ...VAULT_IDS.flatMap((id) => ['--vault-id', id])];
    const ansible = list('ansible-inventory', [...args, '--list']);
    const slp = list('node', [SLP, 'inventory', ...args, '--list']);
    const hostvars = (l: Listing): Record<string, Record<string, unknown>> => (l._meta as { hostvars: Record<string, Record<string, unknown>> }).hostvars;
    expect(hostvars(ansible).v1!.snmp_community).toBe('C0mmunity-from-file');
    // On the command line, slp never prints what came out of an encrypted file.
    expect(JSON.stringify(slp)).not.toContain('C0mmunity-from-file');
    expect(hostvars(slp).v1!.snmp_community).toBe('<vaulted: vault/group_vars/all.yml>');
    // In process, with the file's values revealed, the whole listing equals Ansible's.
    const cwd = process.cwd();
    process.chdir(FIXTURES);
    try {
      const vault = await vaultSecrets({ vaultId: VAULT_IDS }, {});
      const inventory = loadInventory(['vault/inventory.yml'], {}, { vault });
      expect(normalise(inventoryListJson(inventory, { revealVaultFiles: true }) as Listing)).toEqual(normalise(ansible));
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
