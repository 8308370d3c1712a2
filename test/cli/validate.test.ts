import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'slp.js');

/** Newest mtime under a directory, to tell whether dist/ is older than src/. */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

function slp(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const { SLP_IDTOKEN: _ignored, ...rest } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...rest, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(join(ROOT, 'src'))) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
}, 120_000);

describe('slp validate', () => {
  test('lists the hosts each play matches and exits 0', () => {
    const r = slp(['validate', '-i', 'inventory.example.yaml', 'playbooks/proxy-vrf.yaml'], { SLP_IDTOKEN: 'LabToken0123456789abcdef' });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'play 1 "Smart Licensing via proxy in Mgmt-vrf" (hosts: access_stacks:distribution): 3 host(s)',
        '  sw-a1  127.0.0.1:10001',
        '  sw-a2  127.0.0.1:10002',
        '  sw-d1  127.0.0.1:10003',
        'ok: inventory.example.yaml and playbooks/proxy-vrf.yaml are valid',
        '',
      ].join('\n'),
    });
  });

  test('day0 validates on a fresh clone without SLP_IDTOKEN, warning that the run will need it', () => {
    const r = slp(['validate', '-i', 'inventory.example.yaml', 'playbooks/day0.yaml', '--limit', 'distribution:proxied']);
    expect(r).toEqual({
      code: 0,
      stdout: [
        'play 1 "Day-0 Smart Licensing" (hosts: all:!proxied): 1 host(s)',
        '  sw-d1  127.0.0.1:10003',
        'play 2 "Day-0 Smart Licensing via the HTTPS proxy" (hosts: proxied): 1 host(s)',
        '  sw-f-proxy  127.0.0.1:10005',
        'ok: inventory.example.yaml and playbooks/day0.yaml are valid',
        '',
      ].join('\n'),
      stderr: [
        'warning: playbooks/day0.yaml:22:15: slp.trust.token: environment variable SLP_IDTOKEN is not set (host sw-d1); `slp run` will need it',
        'warning: playbooks/day0.yaml:55:15: slp.trust.token: environment variable SLP_IDTOKEN is not set (host sw-f-proxy); `slp run` will need it',
        '',
      ].join('\n'),
    });
  });

  test('prints every problem at once, located, and exits 2', () => {
    const r = slp(['validate', '-i', 'inventory.example.yaml', 'test/fixtures/invalid/pb-many.yaml']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'test/fixtures/invalid/pb-many.yaml:3:24: max_fail_percentage must be ≤ 100 (got 120)',
        'test/fixtures/invalid/pb-many.yaml:6:21: slp.usage_interval must be ≥ 1 (got 0)',
        'test/fixtures/invalid/pb-many.yaml:7:23: slp.proxy.address must be an IPv4 or IPv6 address or a host name (got "bad host")',
        'test/fixtures/invalid/pb-many.yaml:7:41: slp.proxy.port must be ≥ 1 (got 0)',
        '',
      ].join('\n'),
    });
  });

  test('a bad --limit and a missing playbook exit 2', () => {
    expect(slp(['validate', '-i', 'inventory.example.yaml', 'playbooks/compliance.yaml', '--limit', 'nosuch'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--limit:1:1: "nosuch" is neither a host nor a group in the inventory\n',
    });
    expect(slp(['validate', '-i', 'inventory.example.yaml', 'missing.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'missing.yaml:1:1: cannot read playbook: no such file\n',
    });
  });

  test('the secret in an env var that fails validation is not printed', () => {
    const r = slp(['validate', '-i', 'inventory.example.yaml', 'playbooks/day0.yaml', '--limit', 'sw-a1'], { SLP_IDTOKEN: 'short secret value' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'playbooks/day0.yaml:22:14: slp.trust.token must be one idtoken as CSSM issues it: 20–8192 characters of URL-encoded base64 (A-Z a-z 0-9 + / = . _ ~ - and %XX escapes such as %0A), without spaces, \'?\' or \'|\' (got ***, rendered from "{{ env.SLP_IDTOKEN }}") (host sw-a1)\n',
    );
  });
  test('a revert_timer shorter than the trust, sync and within: waits is refused with file:line:col, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slp-validate-'));
    const file = join(dir, 'short-timer.yaml');
    writeFileSync(file, [
      '- name: Short timer',
      '  hosts: sw-a1',
      '  revert_timer: 3',
      '  slp:',
      '    transport: smart',
      '    trust: { token: "{{ env.SLP_IDTOKEN }}", scope: all }',
      '    sync: true',
      '  verify:',
      '    - trust_installed: true',
      '      within: 120s',
      '',
    ].join('\n'));
    try {
      const r = slp(['validate', '-i', 'inventory.example.yaml', file], { SLP_IDTOKEN: 'LabToken0123456789abcdef' });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `${file}:3:17: revert_timer: 3 min is shorter than the longest wait before "configure confirm" ` +
          '(trust wait 2 min + sync wait 1 min + verify within: 2 min = 5 min)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
