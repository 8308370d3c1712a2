import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError } from '../../../src/errors';
import { loadInventory } from '../../../src/inventory/load-inventory';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-inv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inventory(text: string, env: Record<string, string> = {}): ReturnType<typeof loadInventory> {
  const file = join(dir, `inv-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return loadInventory(file, env);
}

const PRECEDENCE = `
all:
  vars: { level: all, from_all: 1, ansible_user: admin }
  children:
    site:
      vars: { level: site, from_site: 1 }
      children:
        access:
          vars: { level: access }
          hosts:
            sw1:
            sw2: { level: host }
        core:
          vars: { level: core }
          hosts:
            sw1:
    alpha:
      vars: { level: alpha }
      hosts:
        sw3:
    zulu:
      vars: { level: zulu }
      hosts:
        sw3:
`;

describe('variable precedence', () => {
  test('all < parent group < child group < host', () => {
    const inv = inventory(PRECEDENCE);
    const sw2 = inv.hosts.get('sw2')!;
    expect(sw2.vars).toEqual({
      level: 'host', from_all: 1, from_site: 1, ansible_user: 'admin',
      // Ansible's magic variables, usable in templates
      inventory_hostname: 'sw2', group_names: ['access', 'site'],
    });
    expect(sw2.groups).toEqual(['all', 'site', 'access']);
  });

  test('a host in two groups of the same depth takes the later name (Ansible sorts by depth, then name)', () => {
    const inv = inventory(PRECEDENCE);
    expect(inv.hosts.get('sw1')!.vars.level).toBe('core');
    expect(inv.hosts.get('sw1')!.groups).toEqual(['all', 'site', 'access', 'core']);
    expect(inv.hosts.get('sw3')!.vars.level).toBe('zulu');
  });

  test('a deeper group wins over a shallower one whatever the names', () => {
    const inv = inventory(`
all:
  children:
    zz_top: { vars: { level: top }, children: { aa_child: { vars: { level: child }, hosts: { sw1: } } } }
    mm: { vars: { level: mm }, hosts: { sw1: } }
`);
    expect(inv.hosts.get('sw1')!.vars.level).toBe('child');
  });

  test('ansible_group_priority breaks ties before the name', () => {
    const inv = inventory(`
all:
  children:
    alpha: { vars: { level: alpha, ansible_group_priority: 10 }, hosts: { sw1: } }
    zulu: { vars: { level: zulu }, hosts: { sw1: } }
`);
    expect(inv.hosts.get('sw1')!.vars.level).toBe('alpha');
  });

  test('groups know their hosts through children; ungrouped collects the rest', () => {
    const inv = inventory(`${PRECEDENCE}  hosts:\n    lone:\n`);
    expect(inv.groups.get('site')!.hosts).toEqual(['sw1', 'sw2']);
    expect(inv.groups.get('ungrouped')!.hosts).toEqual(['lone']);
  });
});

describe('templates and connection variables', () => {
  test('passwords from env, types kept for whole-value templates, aliases understood', () => {
    const inv = inventory(
      `
all:
  vars:
    base_port: 2200
    ansible_ssh_pass: "{{ env.LAB_PASSWORD }}"
    ansible_become_pass: "{{ env.LAB_ENABLE }}"
  hosts:
    sw1:
      ansible_host: sw1.lab.example.com
      ansible_port: "{{ base_port }}"
      ansible_ssh_private_key_file: keys/id_ed25519
      slp_connect_timeout: 2.5
      slp_host_key_checking: accept-new
      slp_known_hosts_file: ssh/known_hosts
`,
      { LAB_PASSWORD: 'pa ss', LAB_ENABLE: 'en-able' },
    );
    expect(inv.hosts.get('sw1')!.connection).toEqual({
      address: 'sw1.lab.example.com',
      port: 2200,
      password: 'pa ss',
      enableSecret: 'en-able',
      privateKeyFile: join(dir, 'keys', 'id_ed25519'),
      hostKeyChecking: 'accept-new',
      knownHostsFile: join(dir, 'ssh', 'known_hosts'),
      connectTimeoutMs: 2500,
      commandTimeoutMs: 30_000,
    });
  });

  test('a rendered value that smuggles a command is rejected at the template, with the host named', () => {
    let error: unknown;
    try {
      inventory('all:\n  hosts:\n    sw1:\n      ansible_host: "{{ env.TARGET }}"\n', { TARGET: '10.0.0.1\nreload' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [4, 21, 'all.hosts.sw1.ansible_host must be an IPv4 or IPv6 address or a host name (got "10.0.0.1\\nreload", rendered from "{{ env.TARGET }}") (host sw1)'],
    ]);
  });
});
