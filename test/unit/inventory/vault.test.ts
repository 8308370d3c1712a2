import { join, resolve } from 'path';
import { configIssues } from '../../helpers/config-issues';
import { loadInventory } from '../../../src/inventory/load-inventory';
import { connectionSecrets } from '../../../src/runner/connect-options';
import { vaultSecrets } from '../../../src/commands/vault-options';
import { Redactor } from '../../../src/redact';

// Vaults produced by the real `ansible-vault` (test/fixtures/inventories/vault); the
// differential test checks that Ansible reads them the same way.
const DIR = resolve(__dirname, '../../fixtures/inventories/vault');
const INVENTORY = join(DIR, 'inventory.yml');

const issues = configIssues;

describe('Ansible Vault in inventories', () => {
  test('decrypts inline values and a whole encrypted group_vars file, with passwords from a file and a script', async () => {
    const vault = await vaultSecrets({ vaultPasswordFile: [join(DIR, 'pw-default.txt')], vaultId: [`prod@${join(DIR, 'prod-pass.sh')}`] }, {});
    const inv = loadInventory(INVENTORY, {}, { vault });
    const v1 = inv.hosts.get('v1')!;
    expect(v1.connection).toMatchObject({ username: 'vaulted-admin', password: 'Inline-Passw0rd!', enableSecret: 'Enable-S3cret' });
    // Every decrypted value is a secret for the redactor, including ones that are not passwords.
    const redactor = new Redactor(connectionSecrets(v1));
    expect(redactor.redact('community C0mmunity-from-file, pw Inline-Passw0rd!')).not.toMatch(/C0mmunity-from-file|Inline-Passw0rd/);
  });

  test('ANSIBLE_VAULT_PASSWORD_FILE and ANSIBLE_VAULT_IDENTITY_LIST are read', async () => {
    const vault = await vaultSecrets({}, { ANSIBLE_VAULT_PASSWORD_FILE: join(DIR, 'pw-default.txt'), ANSIBLE_VAULT_IDENTITY_LIST: `prod@${join(DIR, 'prod-pass.sh')}` });
    expect(vault.map((s) => s.label).sort()).toEqual(['default', 'prod']);
    expect(loadInventory(INVENTORY, {}, { vault }).hosts.get('v2')!.connection.username).toBe('local');
  });

  test('a missing or wrong password is a located error naming the vault id and where passwords came from, never the password', async () => {
    expect(issues(() => loadInventory(INVENTORY, {}, {}))[0]).toMatch(/inventory\.yml:8:\d+: encrypted with Ansible Vault and no vault password was given: use --vault-password-file/);
    const wrong = await vaultSecrets({ vaultPasswordFile: [join(DIR, 'pw-default.txt')] }, {});
    const found = issues(() => loadInventory(INVENTORY, {}, { vault: wrong }));
    expect(found).toEqual([expect.stringMatching(/inventory\.yml:15:\d+: cannot decrypt the Ansible Vault \(vault id "prod"\): wrong password \(tried default@.*pw-default\.txt\)$/)]);
    expect(found.join('\n')).not.toContain('fixture-default-pass');
  });

  test('a wrong password for one vault id is reported at its value even when the other id decrypts', async () => {
    const onlyDefault = [{ label: 'prod', password: 'not-it', from: 'test' }, ...(await vaultSecrets({ vaultPasswordFile: [join(DIR, 'pw-default.txt')] }, {}))];
    const found = issues(() => loadInventory(INVENTORY, {}, { vault: onlyDefault }));
    expect(found.some((f) => /inventory\.yml:15:\d+: .*wrong password/.test(f))).toBe(true);
  });
});
