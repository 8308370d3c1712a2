/**
 * `slp plan` → `slp apply` against a simulated lab (127.0.0.1, ephemeral ports), and `slp demo`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDevice } from '../../src/device';
import { startFleet, type Fleet, type SimDeviceSpec } from '../../src/simulator';
import { slpAsCi } from '../helpers/spawn-slp';

// In CSSM's form (URL-encoded base64, reference §2.1).
const TOKEN = 'UGxhbkFwcGx5VG9rZW4tZmFrZS1hYmNkZWZnaGlqa2xtbm9w%0AcXJzdHV2d3h5ejAxMjM%3D%0A';
const credentials = { username: 'admin', password: 'Lab-Pass-1234', enableSecret: 'Lab-Enable-5678' };
const SPECS: SimDeviceSpec[] = [
  { name: 'sw-p1', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.12.03' } },
  { name: 'sw-p2', port: 0, credentials, sim: { platform: 'C9500-24Y4C', version: '17.09.05' } },
  { name: 'sw-p3', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.12.03' } },
];
let fleet: Fleet;
let dir: string;

const slp = (args: string[]) => slpAsCi(args, { cwd: dir, token: TOKEN });

beforeAll(async () => {
  fleet = await startFleet(SPECS, { host: '127.0.0.1', asyncDelayMs: 50 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'slp-cli-plan-'));
  writeFileSync(path.join(dir, 'inv.yaml'), `
all:
  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: Lab-Pass-1234, ansible_become_password: Lab-Enable-5678, slp_host_key_checking: "off" }
  hosts:
    sw-p1: { ansible_port: ${fleet.hosts['sw-p1']!.port} }
    sw-p2: { ansible_port: ${fleet.hosts['sw-p2']!.port} }
    sw-p3: { ansible_port: ${fleet.hosts['sw-p3']!.port} }
`);
  writeFileSync(path.join(dir, 'pb.yaml'), `
- name: Change window
  hosts: all
  slp:
    transport: smart
    url: default
    http_client_source_interface: Vlan10
    dns: { lookup: true, servers: [10.31.104.74], source_interface: Vlan10 }
    trust: { token: "{{ env.SLP_IDTOKEN }}" }
  verify:
    - trust_installed: true
`);
});
afterAll(async () => {
  await fleet?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('slp plan / slp apply', () => {
  it('plans without changing (printing each host\'s commands), then applies the plan, verifies, and refuses the host that drifted', async () => {
    const before = fleet.device('sw-p1').runningConfig();
    const plan = await slp(['plan', 'pb.yaml', '-i', 'inv.yaml', '--limit', 'sw-p1:sw-p2', '-o', 'plan.json', '--diff']);
    expect(plan.code).toBe(0);
    expect(fleet.device('sw-p1').runningConfig()).toBe(before);
    expect(statSync(path.join(dir, 'plan.json')).mode & 0o777).toBe(0o600);
    const text = readFileSync(path.join(dir, 'plan.json'), 'utf8');
    expect(text).not.toContain(TOKEN);
    const file = JSON.parse(text);
    const commands = ['license smart transport smart', 'ip http client source-interface Vlan10', 'ip name-server 10.31.104.74', 'ip domain lookup source-interface Vlan10'];
    expect(file.hosts.map((h: any) => [h.host, h.play, h.playIndex, [...h.plan.commands].sort(), h.plan.trust.action])).toEqual([
      ['sw-p1', 'Change window', 0, [...commands].sort(), 'install'],
      ['sw-p2', 'Change window', 0, [...commands].sort(), 'install'],
    ]);
    expect(file.source.playbook.path).toBe(path.join(dir, 'pb.yaml'));
    expect(file.source.playbook.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    // What apply will send, per host, and the diff asked for.
    expect(plan.stdout).toContain(`sw-p1 (Change window): 6 commands\n  ${file.hosts[0].plan.commands[0]}`);
    expect(plan.stdout).toContain('  license smart trust idtoken *** all\n  write memory\n');
    expect(plan.stdout).toMatch(/\+license smart transport smart/);

    // Someone changes sw-p2's owned config after the plan was made.
    const d = await connectDevice({ name: 'sw-p2', host: '127.0.0.1', port: fleet.hosts['sw-p2']!.port, ...credentials, hostKeyChecking: 'off', connectTimeoutMs: 5000, commandTimeoutMs: 5000 });
    await d.configure(['license smart usage interval 10']);
    await d.close();

    const apply = await slp(['apply', 'plan.json', '-i', 'inv.yaml', '--backup-dir', 'backups', '--json', 'apply.json']);
    expect(apply.code).toBe(2);
    const report = JSON.parse(readFileSync(path.join(dir, 'apply.json'), 'utf8'));
    const [p1, p2] = report.plays[0].hosts;
    expect([p1.host, p1.status, p1.error]).toEqual(['sw-p1', 'changed', undefined]);
    expect(p1.commands.slice(0, 4)).toEqual(file.hosts[0].plan.commands);
    expect(fleet.device('sw-p1').trustInstalled()).toEqual([true]);
    // apply runs the play's verify: as `slp run` does.
    expect(p1.checks.map((c: { name: string; passed: boolean }) => [c.name, c.passed])).toEqual([['trust_installed', true]]);
    expect([p2.host, p2.status, p2.error.name, p2.commands]).toEqual(['sw-p2', 'failed', 'DriftError', []]);
    expect(p2.error.message).toBe('sw-p2: owned configuration changed since the plan was made: added "license smart usage interval 10"');
  }, 60_000);

  describe('an edited or stale plan is refused with its reason, before any switch is contacted', () => {
    let good: any;
    const logins = (): number => SPECS.reduce((n, s) => n + fleet.device(s.name).state.closedSessions.length, 0);
    beforeAll(async () => {
      fleet.device('sw-p3');
      const r = await slp(['plan', 'pb.yaml', '-i', 'inv.yaml', '--limit', 'sw-p3', '-o', 'plan3.json']);
      expect(r.code).toBe(0);
      good = JSON.parse(readFileSync(path.join(dir, 'plan3.json'), 'utf8'));
    }, 30_000);
    const applyEdited = async (edit: (f: any) => void, extra: string[] = [], env?: Record<string, string>) => {
      const f = JSON.parse(JSON.stringify(good));
      edit(f);
      writeFileSync(path.join(dir, 'edited.json'), JSON.stringify(f));
      const sessions = logins();
      const r = await slpAsCi(['apply', 'edited.json', '-i', 'inv.yaml', ...extra], { cwd: dir, token: TOKEN, ...(env ? { env } : {}) });
      return { ...r, contacted: logins() - sessions };
    };
    const line = (f: any, from: string, to: string) => {
      const h = f.hosts[0];
      h.plan.commands = h.plan.commands.map((c: string) => (c.startsWith(from) ? to : c));
      h.plan.lines = h.plan.lines.map((l: any) => (l.line.startsWith(from) ? { ...l, line: to } : l));
    };

    it.each([
      ['a redirected URL', (f: any) => line(f, 'license smart transport smart', 'license smart url smart https://evil.example.com/x'),
        'edited.json:1:1: host sw-p3: "license smart url smart https://evil.example.com/x" is not a line the playbook renders for this host'],
      ['a redirected proxy', (f: any) => line(f, 'ip name-server', 'license smart proxy address 203.0.113.9'),
        'host sw-p3: "license smart proxy address 203.0.113.9" is not a line the playbook renders for this host'],
      ['a token source of its own', (f: any) => (f.hosts[0].tokenRef = 'env:HOME'), 'tokenRef is not a plan field (the token is taken from the playbook)'],
      ['20,000 lines', (f: any) => {
        f.hosts[0].plan.commands = Array(20000).fill('license smart transport smart');
        f.hosts[0].plan.lines = f.hosts[0].plan.commands.map((l: string) => ({ line: l, kind: 'add', cause: 'slp.transport' }));
      }, 'plan.commands has 20000 lines, more than any playbook renders (200)'],
      ['a host not in the inventory', (f: any) => (f.hosts[0].host = 'sw-nowhere'), 'edited.json:1:1: host sw-nowhere is in the plan but not in the inventory'],
      ['another playbook', (f: any) => (f.source.playbook.sha256 = `sha256:${'0'.repeat(64)}`), 'pb.yaml changed since the plan was made'],
      ['another inventory', (f: any) => (f.source.inventory.sha256 = `sha256:${'0'.repeat(64)}`), 'the inventory inv.yaml is not the one the plan was made from'],
    ])('%s', async (_what, edit, message) => {
      const r = await applyEdited(edit);
      expect([r.code, r.contacted]).toEqual([2, 0]);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it('a stale plan says how to make it again', async () => {
      const r = await applyEdited((f) => (f.source.playbook.sha256 = `sha256:${'0'.repeat(64)}`));
      expect(r.stderr).toContain(`make the plan again: slp plan ${path.join(dir, 'pb.yaml')} -i ${path.join(dir, 'inv.yaml')} --limit 'sw-p3' -o PLAN`);
    });

    it('a removed transport line is refused at the host: the plan made again differs, nothing is sent', async () => {
      const before = fleet.device('sw-p3').runningConfig();
      const r = await applyEdited((f) => {
        const h = f.hosts[0];
        h.plan.commands = h.plan.commands.filter((c: string) => c !== 'license smart transport smart');
        h.plan.lines = h.plan.lines.filter((l: any) => l.line !== 'license smart transport smart');
      }, ['--json', 'removed.json']);
      expect(r.code).toBe(2);
      const host = JSON.parse(readFileSync(path.join(dir, 'removed.json'), 'utf8')).plays[0].hosts[0];
      expect([host.status, host.error.name, host.commands]).toEqual(['failed', 'PlanMismatchError', []]);
      expect(host.error.message).toContain('(missing "license smart transport smart"); nothing was sent');
      expect(host.diagnosis).toBeUndefined();
      expect(fleet.device('sw-p3').runningConfig()).toBe(before);
    }, 30_000);

    it('a token missing at apply time is one located error before any connection', async () => {
      const r = await applyEdited(() => undefined, [], { SLP_IDTOKEN: '' });
      expect([r.code, r.contacted]).toEqual([2, 0]);
      expect(r.stderr).toMatch(/pb\.yaml:\d+:\d+: .*SLP_IDTOKEN/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('--no-verify skips the verify step; by default it runs', async () => {
      const r = await applyEdited(() => undefined, ['--no-verify', '--json', 'nv.json']);
      expect(r.code).toBe(0);
      const host = JSON.parse(readFileSync(path.join(dir, 'nv.json'), 'utf8')).plays[0].hosts[0];
      expect(host.checks).toEqual([]);
    }, 30_000);

    it('--json - : stdout is the JSON report alone, the recap goes to stderr', async () => {
      const r = await applyEdited(() => undefined, ['--json', '-']);
      const report = JSON.parse(r.stdout);
      expect([report.command, report.exitCode, report.plays[0].hosts[0].host]).toEqual(['apply', r.code, 'sw-p3']);
      expect(r.stderr).toContain('PLAY RECAP');
    }, 30_000);
  });
});

describe('slp plan --json -', () => {
  it('stdout is the JSON report alone; the planned commands go to stderr', async () => {
    const r = await slp(['plan', 'pb.yaml', '-i', 'inv.yaml', '--limit', 'sw-p1', '-o', 'plan-json.json', '--json', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).command).toBe('plan');
    expect(r.stderr).toContain('sw-p1 (Change window): ');
  }, 30_000);
});

describe('slp demo', () => {
  it('converges the healthy lab switches, diagnoses each faulty one, and exits 0', async () => {
    const r = await slp(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ sw-f-dns       diagnosed dns_resolution_failure (fault dns_unreachable: true)');
    expect(r.stdout).toContain('✓ sw-f-old       refused');
    // day0's second play sends group `proxied` through the lab proxy, which is down for sw-f-proxy.
    expect(r.stdout).toContain('✓ sw-f-proxy     diagnosed proxy_unreachable (fault proxy: down)');
    expect(r.stdout).toContain('  cause:    proxy_unreachable — proxy 192.168.217.105:80 does not answer from Vlan10');
    expect(r.stdout).toContain('Demo OK: healthy switches converged (second run changed=0), each faulty one diagnosed.');
    // The play line shows the failures (✖ and the count), never a green ✔ over failed hosts.
    expect(r.stderr).toContain('✖ Day-0 Smart Licensing: 8/8 hosts done, 5 failed');
    expect(r.stderr).not.toMatch(/✔ Day-0 Smart Licensing: \d+\/\d+ hosts done, [1-9]/);
    // The --check rerun leaves out the proxy play (no converged switch in it), without internals.
    expect(r.stderr).not.toContain('--limit');
  }, 60_000);
});
