/**
 * Odd input gives one located line and exit 2, never a stack trace: YAML nested thousands of
 * levels deep, a host name longer than DNS allows, a variable name with look-alike letters,
 * control and bidi characters in a value, and `slp sim` with an inventory it cannot read or a
 * port another program holds.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slp } from '../helpers/spawn-slp';

const PLAYBOOK = join(__dirname, '../../playbooks/compliance.yaml');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-odd-'));
});

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** One line on stderr, located, exit 2, nothing that looks like a stack trace. */
function expectOneLocatedLine(r: { status: number | null; stderr: string }, f: string): string {
  expect(r.status).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

test('YAML nested 5000 levels deep', async () => {
  const f = file('deep.yaml', `all:\n  hosts:\n    sw1:\n      x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
  expectOneLocatedLine(await slp(['validate', '-i', f, PLAYBOOK]), f);
});

test('a host name with a label longer than DNS allows', async () => {
  const f = file('long.yaml', `all:\n  hosts:\n    ${'a'.repeat(64)}.example.com:\n`);
  expect(expectOneLocatedLine(await slp(['validate', '-i', f, PLAYBOOK]), f)).toMatch(/:3:5: invalid name "a{64}\.example\.com" in all\.hosts: .*63 between dots/);
});

test('a variable name with a Cyrillic look-alike letter is unknown, naming the variable it resembles', async () => {
  const f = file('cyr.yaml', 'all:\n  hosts:\n    sw1:\n      ansibl\u0435_host: 10.0.0.1\n');
  expect(expectOneLocatedLine(await slp(['validate', '-i', f, PLAYBOOK]), f)).toBe(
    `${f}:4:7: unknown variable "ansibl\u0435_host": it mixes Latin with look-alike letters ("\u0435" (U+0435) at 7); did you mean "ansible_host"?`,
  );
});

test('control and bidirectional characters in a quoted value are escaped', async () => {
  const f = file('bidi.yaml', 'all:\n  hosts:\n    sw1:\n      ansible_port: "22\u202e\u0007"\n');
  const line = expectOneLocatedLine(await slp(['validate', '-i', f, PLAYBOOK]), f);
  expect(line).toContain('"22\\u202e\\u0007"');
  expect(line).not.toMatch(/[\u202e\u0007]/);
});

describe('slp sim', () => {
  test('an inventory it cannot read (missing, a folder)', async () => {
    const missing = join(dir, 'missing.yaml');
    expect(expectOneLocatedLine(await slp(['sim', '-i', missing, '--state-dir', join(dir, 'st')]), missing)).toBe(`${missing}:1:1: cannot read the inventory: ENOENT`);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(expectOneLocatedLine(await slp(['sim', '-i', folder, '--state-dir', join(dir, 'st')]), folder)).toBe(`${folder}:1:1: cannot read the inventory: EISDIR`);
  });

  test('a lab port already in use, located at its ansible_port', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const f = file('busy.yaml', `all:\n  hosts:\n    sw1:\n      ansible_host: 127.0.0.1\n      ansible_port: ${port}\n`);
      expect(expectOneLocatedLine(await slp(['sim', '-i', f, '--state-dir', join(dir, 'st')]), f)).toBe(
        `${f}:5:7: port ${port} on 127.0.0.1 is already in use; stop what listens there or choose another ansible_port`,
      );
    } finally {
      holder.close();
    }
  });
});
