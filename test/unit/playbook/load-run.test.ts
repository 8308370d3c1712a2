import { rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError } from '../../../src/errors';
import { checkRun, loadRun } from '../../../src/playbook/load-run';

const ROOT = join(__dirname, '..', '..', '..');
const INVENTORY = join(ROOT, 'inventory.example.yaml');
const playbook = (name: string): string => join(ROOT, 'playbooks', `${name}.yaml`);
const TOKEN = 'LabToken.0123456789abcdefXYZ';
const ALL = ['sw-a1', 'sw-a2', 'sw-d1', 'sw-f-dns', 'sw-f-proxy', 'sw-f-timeout', 'sw-f-noreply', 'sw-f-token', 'sw-f-old'];

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadRun on the shipped examples', () => {
  test('day0 sends the nine lab hosts direct or, for group proxied, through the lab proxy, with the token rendered', () => {
    const run = loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('day0'), env: { SLP_IDTOKEN: TOKEN } });
    expect(run.plays.map((p) => [p.play, p.hosts.map((h) => h.host.name)])).toEqual([
      [{ index: 0, name: 'Day-0 Smart Licensing', pattern: 'all:!proxied', serial: 5, max_fail_percentage: 100, save: true }, ALL.filter((n) => n !== 'sw-f-proxy')],
      [{ index: 1, name: 'Day-0 Smart Licensing via the HTTPS proxy', pattern: 'proxied', max_fail_percentage: 100, save: true }, ['sw-f-proxy']],
    ]);
    const [direct, proxied] = run.plays.map((p) => p.hosts[0]!.desired);
    expect(proxied).toEqual({
      ...direct,
      name: 'Day-0 Smart Licensing via the HTTPS proxy',
      hosts: 'proxied',
      serial: undefined,
      slp: { ...direct!.slp, proxy: { address: '192.168.217.105', port: 80 } },
    });
    expect(direct).toEqual({
      name: 'Day-0 Smart Licensing',
      hosts: 'all:!proxied',
      serial: 5,
      max_fail_percentage: 100,
      save: true,
      slp: {
        state: 'replaced',
        transport: 'smart',
        url: 'default',
        http_client_source_interface: 'Vlan10',
        dns: { lookup: true, servers: ['10.31.104.74'], domain: 'example.com', source_interface: 'Vlan10' },
        trust: { token: TOKEN, scope: 'all', force: false },
        sync: true,
      },
      verify: [
        { settings_as_declared: true },
        { reachable: { host: 'smartreceiver.cisco.com', port: 443 } },
        { trust_installed: true, within: '120s' },
        { trust_sync_ok: true, within: '120s' },
        { history_has_response: true, within: '120s' },
        { no_comm_failure_since: '1h' },
      ],
    });
  });

  test('the lab hosts carry a typed connection with the credentials from all.vars', () => {
    const run = loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('compliance'), env: {} });
    const a1 = run.inventory.hosts.get('sw-a1')!;
    expect(a1.connection).toEqual({
      address: '127.0.0.1',
      port: 10001,
      username: 'admin',
      password: 'admin',
      enableSecret: 'lab-enable',
      hostKeyChecking: 'off',
      connectTimeoutMs: 10_000,
      commandTimeoutMs: 60_000,
    });
    expect(a1.groups).toEqual(['all', 'access_stacks']);
    expect([...run.inventory.hosts.values()].map((h) => h.connection.port)).toEqual(ALL.map((_, i) => 10001 + i));
    expect(run.inventory.groups.get('faulty')!.hosts).toEqual(ALL.slice(3));
    expect(run.inventory.groups.get('proxied')!.hosts).toEqual(['sw-f-proxy']);
    expect(run.inventory.hosts.get('sw-f-proxy')!.groups).toEqual(['all', 'faulty', 'proxied']);
  });

  test('compliance has no trust step and is verify-heavy', () => {
    const run = loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('compliance'), env: {} });
    const desired = run.plays[0]!.hosts[0]!.desired;
    expect(desired.slp).toEqual({ state: 'merged', transport: 'smart', url: 'default', http_client_source_interface: 'Vlan10' });
    expect(desired.save).toBe(false);
    expect(desired.verify).toHaveLength(6);
  });

  test('proxy-vrf renders play vars and host vars, keeping the port a number', () => {
    const run = loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('proxy-vrf'), env: { SLP_IDTOKEN: TOKEN } });
    const hosts = run.plays[0]!.hosts;
    expect(hosts.map((h) => h.host.name)).toEqual(['sw-a1', 'sw-a2', 'sw-d1']);
    expect(hosts[2]!.desired.slp).toEqual({
      transport: 'smart',
      url: 'default',
      vrf: 'Mgmt-vrf',
      http_client_source_interface: 'GigabitEthernet0/0',
      dns: { lookup: true, servers: ['10.31.104.74'], source_interface: 'GigabitEthernet0/0' },
      proxy: { address: '192.168.217.105', port: 80 },
      trust: { token: TOKEN, scope: 'local' },
      sync: true,
    });
    expect(run.plays[0]!.play).toEqual({
      index: 0, name: 'Smart Licensing via proxy in Mgmt-vrf', pattern: 'access_stacks:distribution',
      serial: '50%', max_fail_percentage: 20, revert_timer: 10, save: true,
    });
  });

  test('--limit narrows the play to the intersection', () => {
    const run = loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('day0'), env: { SLP_IDTOKEN: TOKEN }, limit: 'faulty:!sw-f-old' });
    expect(run.plays.map((p) => p.hosts.map((h) => h.host.name))).toEqual([['sw-f-dns', 'sw-f-timeout', 'sw-f-noreply', 'sw-f-token'], ['sw-f-proxy']]);
  });
});

describe('loadRun failures', () => {
  test('an unset env var is an error for a run, a warning for validation', () => {
    expect(issuesOf(() => loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('day0'), env: {}, limit: 'sw-a1' }))).toEqual([
      `${playbook('day0')}:22:15: slp.trust.token: environment variable SLP_IDTOKEN is not set (host sw-a1)`,
    ]);
    const checked = checkRun({ inventoryFile: INVENTORY, playbookFile: playbook('day0'), env: {}, limit: 'sw-a1' });
    expect(checked.plays[0]!.hosts.map((h) => [h.host.name, h.desired])).toEqual([['sw-a1', undefined]]);
    expect(checked.warnings.map((w) => `${w.line}:${w.column}`)).toEqual(['22:15']);
  });

  test('a structurally wrong playbook still has its hosts patterns checked: every problem at once', () => {
    const file = join(tmpdir(), `slp-pb-${process.pid}.yaml`);
    writeFileSync(file, '- name: x\n  hosts: nosuch:&access_stacks\n  slp:\n    transprt: smart\n- name: y\n  hosts: faulty:&distribution\n  slp: { transport: smart }\n');
    try {
      expect(issuesOf(() => loadRun({ inventoryFile: INVENTORY, playbookFile: file, env: {} }))).toEqual([
        `${file}:2:10: hosts: "nosuch" is neither a host nor a group in the inventory`,
        `${file}:4:5: slp is missing required key "transport"`,
        `${file}:4:5: unknown key "transprt" in slp (did you mean "transport"?)`,
        `${file}:6:10: hosts: pattern "faulty:&distribution" matches no host in the inventory`,
      ]);
    } finally {
      rmSync(file, { force: true });
    }
  });
  test('missing files are reported, both at once', () => {
    expect(issuesOf(() => loadRun({ inventoryFile: 'nope-inventory.yaml', playbookFile: 'nope-playbook.yaml', env: {} }))).toEqual([
      'nope-inventory.yaml:1:1: cannot read inventory: no such file',
      'nope-playbook.yaml:1:1: cannot read playbook: no such file',
    ]);
  });

  test('a bad --limit is located in the option', () => {
    expect(issuesOf(() => loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('compliance'), env: {}, limit: 'all:&distributon' }))).toEqual([
      '--limit:1:5: "distributon" is neither a host nor a group in the inventory (did you mean "distribution"?)',
    ]);
    expect(issuesOf(() => loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('compliance'), env: {}, limit: 'distribution:&faulty' }))).toEqual([
      '--limit:1:1: --limit "distribution:&faulty" matches no host',
    ]);
    expect(issuesOf(() => loadRun({ inventoryFile: INVENTORY, playbookFile: playbook('proxy-vrf'), env: {}, limit: 'faulty' }))).toEqual([
      `--limit:1:1: --limit "faulty" matches none of the playbook's hosts`,
    ]);
  });

  test('a failed template does not hide the other problems of the host: both at once, each located', () => {
    const file = join(tmpdir(), `slp-pb-two-${process.pid}.yaml`);
    writeFileSync(file, [
      '- name: two problems',
      '  hosts: sw-a1',
      '  slp:',
      '    transport: smart',
      '    dns:',
      '      servers: ["{{ nosuch_server }}"]',
      '      domain: "{{ env.SLP_DOMAIN }}"',
      '',
    ].join('\n'));
    try {
      const issues = issuesOf(() => loadRun({ inventoryFile: INVENTORY, playbookFile: file, env: { SLP_DOMAIN: 'example.com\nno ip routing' } }));
      expect(issues).toEqual([
        `${file}:6:18: slp.dns.servers.0: undefined variable "nosuch_server" (host sw-a1)`,
        `${file}:7:15: slp.dns.domain must be a domain name such as example.com (got "example.com\\nno ip routing", rendered from "{{ env.SLP_DOMAIN }}") (host sw-a1)`,
      ]);
    } finally {
      rmSync(file, { force: true });
    }
  });

  test('a token_file is read and held to the token pattern, without showing it', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'tokens');
    const run = loadRun({ inventoryFile: INVENTORY, playbookFile: join(dir, 'good.yaml'), env: {}, limit: 'sw-a1' });
    expect(run.plays[0]!.hosts[0]!.desired.slp.trust).toEqual({ token_file: join(dir, 'good.token') });
    expect(issuesOf(() => loadRun({ inventoryFile: INVENTORY, playbookFile: join(dir, 'bad.yaml'), env: {}, limit: 'sw-a1' }))).toEqual([
      `${join(dir, 'bad.yaml')}:5:26: slp.trust.token_file: token file "bad.token" must hold one idtoken as CSSM issues it: 20–8192 characters of URL-encoded base64 (A-Z a-z 0-9 + / = . _ ~ - and %XX escapes such as %0A), without spaces, '?' or '|' (got ***) (host sw-a1)`,
    ]);
  });
});
