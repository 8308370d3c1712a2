/**
 * `--ask-vault-pass` as a person uses it: the built CLI on a real pseudo-terminal (Python's pty
 * module drives it), the password typed once the prompt is shown. What only a terminal shows:
 * the prompt, no echo of what is typed, and the vaulted inventory then read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const VAULT = join(ROOT, 'test', 'fixtures', 'inventories', 'vault');

/** Runs argv on a new pty; once `prompt` appears, types `typed` and Enter; returns all it printed. */
const DRIVER = String.raw`
import os, pty, sys, select, json
prompt, typed, argv = sys.argv[1].encode(), sys.argv[2].encode(), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
out, sent = b"", False
while True:
    r, _, _ = select.select([fd], [], [], 20)
    if not r:
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if not sent and prompt in out:
        os.write(fd, typed + b"\r")
        sent = True
_, status = os.waitpid(pid, 0)
print(json.dumps({"exit": os.waitstatus_to_exitcode(status), "sent": sent, "out": out.decode("utf-8", "replace")}))
`;

function python(): string | undefined {
  const found = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' });
  return found.status === 0 ? 'python3' : undefined;
}

const py = python();
// In CI the pty driver must be there (.ci/run installs python3 with ansible); elsewhere it may not be.
const run = py || process.env.CI ? test : test.skip;

function onTerminal(typed: string): { exit: number; sent: boolean; out: string } {
  if (!py) throw new Error('python3 with its pty module is needed to drive a terminal (CI installs it)');
  const args = [
    process.execPath, join(ROOT, 'bin', 'slp.js'), 'inventory', '-i', join(VAULT, 'inventory.yml'),
    '--vault-id', `prod@${join(VAULT, 'prod-pass.sh')}`, '--ask-vault-pass', '--host', 'v1',
  ];
  const text = execFileSync(py, ['-c', DRIVER, 'Vault password: ', typed, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return JSON.parse(text) as { exit: number; sent: boolean; out: string };
}

describe('--ask-vault-pass on a terminal', () => {
  run('asks once, does not echo the typed password, and decrypts the inventory with it', () => {
    const r = onTerminal('fixture-default-pass');
    expect(r.sent).toBe(true);
    expect(r.exit).toBe(0);
    expect(r.out).toContain('"ansible_password": "***"');
    expect(r.out).not.toContain('fixture-default-pass');
    expect(r.out.match(/Vault password: /g)).toHaveLength(1);
  });

  run('a wrong password: exit 2, a located error naming the vault id, never what was typed', () => {
    const r = onTerminal('not-the-pass-4711');
    expect(r.sent).toBe(true);
    expect(r.exit).toBe(2);
    expect(r.out).toMatch(/inventory\.yml:\d+:\d+: .*vault/i);
    expect(r.out).not.toContain('not-the-pass-4711');
  });
});

test('--ask-vault-pass without a terminal: exit 2 before anything is read, pointing to --vault-password-file', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'slp.js'), 'inventory', '-i', join(VAULT, 'inventory.yml'), '--ask-vault-pass', '--list'], { encoding: 'utf8', input: 'fixture-default-pass\n' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--ask-vault-pass:1:1: needs a terminal to ask on; use --vault-password-file instead');
  expect(r.stdout).toBe('');
});
