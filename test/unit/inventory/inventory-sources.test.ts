import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { configIssues } from '../../helpers/config-issues';
import { formatIssue } from '../../../src/errors';
import { loadInventory } from '../../../src/inventory/load-inventory';
import { inventorySources } from '../../../src/commands/inventory-option';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-src-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const issues = configIssues;

describe('where the inventory comes from', () => {
  test('-i wins; else ANSIBLE_INVENTORY (comma separated); else ansible.cfg inventory, relative to the cfg', () => {
    write('ansible.cfg', '[defaults]\ninventory = inv/hosts, more.yml  ; comment\n');
    expect(inventorySources(['a'], { HOME: dir }, dir, () => undefined)).toEqual(['a']);
    expect(inventorySources([], { ANSIBLE_INVENTORY: 'x,/abs/y', HOME: dir }, dir, () => undefined)).toEqual([join(dir, 'x'), '/abs/y']);
    expect(inventorySources([], { HOME: dir }, dir, () => undefined)).toEqual([join(dir, 'inv/hosts'), join(dir, 'more.yml')]);
  });

  test('ANSIBLE_CONFIG names the cfg; settings slp does not follow are warned about with their line', () => {
    const cfg = write('conf/custom.cfg', '[defaults]\nvars_plugins = ./plugins\ninventory = h\n');
    const warnings: string[] = [];
    expect(inventorySources([], { ANSIBLE_CONFIG: cfg, HOME: dir }, '/', (w) => warnings.push(w))).toEqual([join(dir, 'conf/h')]);
    expect(warnings).toEqual([`${cfg}:2:1: "vars_plugins" is not followed by slp; it reads inventories with Ansible's defaults`]);
  });

  test('no source anywhere is an error saying how to give one', () => {
    expect(issues(() => inventorySources([], { HOME: dir }, dir, () => undefined))[0]).toMatch(/no inventory: give -i FILE/);
  });
});

describe('kinds of sources', () => {
  test('several sources merge in order: the later source wins for the same variable', () => {
    const a = write('a/hosts', '[web]\nw1 x=a\n');
    const b = write('b/hosts.yml', 'web:\n  hosts:\n    w1: { x: b }\n');
    expect(loadInventory([a, b], {}).hosts.get('w1')!.vars.x).toBe('b');
    expect(loadInventory([b, a], {}).hosts.get('w1')!.vars.x).toBe('a');
  });

  test('a host list and an executable script', () => {
    expect([...loadInventory('sw1,sw2', {}).hosts.keys()]).toEqual(['sw1', 'sw2']);
    const script = write('dyn.sh', '#!/bin/sh\necho \'{"core": {"hosts": ["c1"], "vars": {"tier": 1}}, "_meta": {"hostvars": {"c1": {"ansible_host": "10.0.0.1"}}}}\'\n');
    chmodSync(script, 0o755);
    const inv = loadInventory(script, {});
    expect(inv.hosts.get('c1')!.vars).toMatchObject({ tier: 1, ansible_host: '10.0.0.1' });
  });

  test('a failing script is an error naming it and its exit code', () => {
    const script = write('bad.sh', '#!/bin/sh\necho "cannot reach the CMDB" >&2\nexit 3\n');
    chmodSync(script, 0o755);
    expect(issues(() => loadInventory(script, {}))).toEqual([`${script}:1:1: inventory script failed (\`bad.sh --list\`, exit 3): cannot reach the CMDB`]);
  });

  test('an inventory plugin config is named, with the command that exports it', () => {
    const file = write('aws_ec2.yml', 'plugin: amazon.aws.aws_ec2\nregions: [eu-west-1]\n');
    expect(issues(() => loadInventory(file, {}))[0]).toMatch(/aws_ec2\.yml:1:1: this is an Ansible inventory plugin configuration \(plugin: amazon\.aws\.aws_ec2\).*ansible-inventory -i .*aws_ec2\.yml --list -y/);
  });

  test('a missing source is a located error', () => {
    expect(issues(() => loadInventory(join(dir, 'nope.yml'), {}))).toEqual([`${join(dir, 'nope.yml')}:1:1: cannot read inventory: no such file`]);
  });
});

describe('group_vars and host_vars', () => {
  test('beside the playbook they win over beside the inventory; host_vars win over group_vars', () => {
    const inv = write('inv/hosts', '[web]\nw1\n[web:vars]\nx=inventory\n');
    write('inv/group_vars/web.yml', 'x: inv-group_vars\ny: inv-group_vars\nz: inv-group_vars\n');
    write('play/group_vars/web.yaml', 'y: play-group_vars\n');
    write('inv/host_vars/w1', 'z: inv-host_vars\n');
    const loaded = loadInventory(inv, {}, { playbookDir: join(dir, 'play') });
    expect(loaded.hosts.get('w1')!.vars).toMatchObject({ x: 'inv-group_vars', y: 'play-group_vars', z: 'inv-host_vars' });
  });

  test('files Ansible would not read for this inventory are notes with their path', () => {
    const inv = write('hosts', '[web]\nw1\n');
    write('group_vars/web.yml', 'a: 1\n');
    write('group_vars/web.yaml', 'a: 2\n');
    write('group_vars/db.yml', 'a: 3\n');
    write('group_vars/notes.txt', 'x\n');
    write('group_vars/web2/README.md', 'x\n');
    const loaded = loadInventory(inv, {});
    expect(loaded.hosts.get('w1')!.vars.a).toBe(1);
    expect(loaded.notes.map(formatIssue)).toEqual([
      `${join(dir, 'group_vars/db.yml')}:1:1: not read: the inventory has no group "db"`,
      `${join(dir, 'group_vars/notes.txt')}:1:1: not read: only NAME, NAME.yml, NAME.yaml or NAME.json are group_vars files`,
      `${join(dir, 'group_vars/web.yaml')}:1:1: not read: ${join(dir, 'group_vars/web.yml')} is read for group "web" and takes precedence (as in Ansible)`,
      `${join(dir, 'group_vars/web2')}:1:1: not read: the inventory has no group "web2"`,
    ]);
  });

  test('a group_vars file that is not a mapping is an error at the file', () => {
    const inv = write('hosts', '[web]\nw1\n');
    write('group_vars/web.yml', '- a\n- b\n');
    expect(issues(() => loadInventory(inv, {}))).toEqual([`${join(dir, 'group_vars/web.yml')}:1:1: group_vars file must be a mapping of variable: value, got a list`]);
  });
});
