import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError, formatIssue } from '../../../src/errors';
import { loadInventory } from '../../../src/inventory/load-inventory';
import { iniValue, shlexSplit } from '../../../src/inventory/ini-values';
import { expandHostRange } from '../../../src/inventory/host-range';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-ini-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ini(text: string, name = `hosts-${Math.random().toString(36).slice(2)}`): ReturnType<typeof loadInventory> {
  const file = join(dir, name);
  writeFileSync(file, text);
  return loadInventory(file, {});
}

function issues(text: string, name?: string): string[] {
  try {
    ini(text, name);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => formatIssue({ ...i, file: 'F' }));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('INI inventories', () => {
  test('sections, :vars, :children, implicit ungrouped, and precedence child over parent', () => {
    const inv = ini(`
lone ansible_host=10.0.0.9
[access]
sw1 ansible_host=10.0.0.1
sw2
[access:vars]
level=access
[campus:children]
access
[campus:vars]
level=campus
ansible_user=admin
`);
    expect([...inv.hosts.keys()]).toEqual(['lone', 'sw1', 'sw2']);
    expect(inv.groups.get('ungrouped')!.hosts).toEqual(['lone']);
    expect(inv.groups.get('campus')!.hosts).toEqual(['sw1', 'sw2']);
    expect(inv.hosts.get('sw2')!.vars).toMatchObject({ level: 'access', ansible_user: 'admin' });
    expect(inv.hosts.get('sw1')!.connection.address).toBe('10.0.0.1');
  });

  test("values are typed as Ansible types them: shlex on host lines, then Python literals", () => {
    const inv = ini(`
[g]
h1 n=22 s="'22'" q="a b" t=True l="[1, 'x']" z=0123 f=1.5 host_port=h:1
[g:vars]
v1 = "22"
v2 = 22
v3 = {'a': [1, 2]}
v4 = some text # not a comment here
`);
    expect(inv.hosts.get('h1')!.vars).toMatchObject({
      n: 22, s: '22', q: 'a b', t: true, l: [1, 'x'], z: '0123', f: 1.5, host_port: 'h:1',
      v1: '22', v2: 22, v3: { a: [1, 2] }, v4: 'some text # not a comment here',
    });
  });

  test('host ranges and :port expand as Ansible does', () => {
    const inv = ini('[sw]\nsw[01:03]:2222\nap-[a:c]\n');
    expect([...inv.hosts.keys()]).toEqual(['sw01', 'sw02', 'sw03', 'ap-a', 'ap-b', 'ap-c']);
    expect(inv.hosts.get('sw02')!.connection.port).toBe(2222);
    expect(expandHostRange('10.0.[1:2].[0:4:2]')).toEqual(['10.0.1.0', '10.0.1.2', '10.0.1.4', '10.0.2.0', '10.0.2.2', '10.0.2.4']);
  });

  test('bad lines are reported at file:line:column, every one at once', () => {
    expect(issues('[g]\nh1 novalue\n[g:bogus]\n[g :vars]\n[x:vars]\ny=1\n[g:children]\nnever\n')).toEqual([
      'F:2:4: expected key=value after the host name, got "novalue"',
      'F:3:1: section [g:bogus] has unknown type "bogus" (expected hosts, vars or children)',
      'F:4:1: invalid section entry "[g :vars]": no spaces inside the brackets, and only [name], [name:vars] or [name:children]',
      'F:5:1: section [x:vars] is for a group that is never declared (add a [x] or [x:children] section)',
      'F:8:1: [g:children] names group "never", which is never declared (add a [never] section)',
    ]);
  });

  test('a bad variable value in an INI file is located in the INI file', () => {
    expect(issues('[g]\nh1 ansible_port=99999\n')).toEqual([expect.stringMatching(/^F:2:17: .*ansible_port must be ≤ 65535/)]);
  });

  test('an INI file named .ini, and a YAML-looking one without extension, are each read right', () => {
    expect([...ini('h1\n', 'x.ini').hosts.keys()]).toEqual(['h1']);
    expect([...ini('all:\n  hosts:\n    y1:\n').hosts.keys()]).toEqual(['y1']);
  });

  test('shlex and literal helpers', () => {
    expect(shlexSplit('h a=1 b="x y" c=d#e f=1').map((t) => t.text)).toEqual(['h', 'a=1', 'b=x y', 'c=d']);
    expect(iniValue('yes')).toBe('yes');
    expect(iniValue('None')).toBeNull();
    expect(iniValue('(1, 2)')).toEqual([1, 2]);
    expect(iniValue('-3')).toBe(-3);
  });
});
