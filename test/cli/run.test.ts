/**
 * `slp run` end to end: the built CLI (node bin/slp.js, so `npm run build` first) against a
 * simulated lab started here on 127.0.0.1 ephemeral ports, through a temporary inventory. The CLI
 * is spawned asynchronously: the lab lives in this process and must keep answering.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFleet, type Fleet, type SimDeviceSpec } from '../../src/simulator';
import { closedPort } from '../helpers/tcp-fakes';
import { slpAsCi } from '../helpers/spawn-slp';

const TOKEN = 'CliTestToken.abcdefghijklmnopqrstuvwxyz012345';
const PASSWORD = 'Lab-Pass-1234';
const ENABLE = 'Lab-Enable-5678';
const credentials = { username: 'admin', password: PASSWORD, enableSecret: ENABLE };
const SPECS: SimDeviceSpec[] = [
  { name: 'sw-a1', port: 0, credentials, sim: { platform: 'C9300-48UN', version: '17.09.04', members: 2 } },
  { name: 'sw-a2', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.12.03' } },
  { name: 'sw-f-dns', port: 0, credentials, sim: { platform: 'C9200L-24T-4G', version: '17.09.04', faults: { dns_unreachable: true } } },
  { name: 'sw-f-old', port: 0, credentials, sim: { platform: 'C9300-48P', version: '17.03.05' } },
];

const PLAYBOOK = `
- name: Day-0 test
  hosts: all
  serial: 2
  max_fail_percentage: 100
  slp:
    transport: smart
    url: default
    http_client_source_interface: Vlan10
    dns: { lookup: true, servers: [10.31.104.74], domain: example.com, source_interface: Vlan10 }
    # A failure the agent retries (sw-f-dns) is not final before this (docs/converge.md).
    trust: { token: "{{ env.SLP_IDTOKEN }}", scope: all, timeout: 10s }
    sync: true
  verify:
    - settings_as_declared: true
    - trust_installed: true
      within: 20s
`;

let fleet: Fleet;
let dir: string;

const slp = (args: string[], env: Record<string, string> = {}) => slpAsCi(args, { cwd: dir, token: TOKEN, env });

beforeAll(async () => {
  fleet = await startFleet(SPECS, { host: '127.0.0.1', asyncDelayMs: 50 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'slp-cli-run-'));
  const down = await closedPort();
  const port = (h: string): number => fleet.hosts[h]!.port;
  writeFileSync(path.join(dir, 'inventory.yaml'), `
all:
  vars:
    ansible_host: 127.0.0.1
    ansible_user: admin
    ansible_password: ${PASSWORD}
    ansible_become_password: ${ENABLE}
    slp_host_key_checking: "off"
    slp_connect_timeout: 5
    slp_command_timeout: 20
  children:
    access_stacks:
      hosts:
        sw-a1: { ansible_port: ${port('sw-a1')} }
        sw-a2: { ansible_port: ${port('sw-a2')} }
    faulty:
      hosts:
        sw-f-dns: { ansible_port: ${port('sw-f-dns')} }
        sw-f-old: { ansible_port: ${port('sw-f-old')} }
    gone:
      hosts:
        sw-down: { ansible_port: ${down} }
`);
  writeFileSync(path.join(dir, 'day0.yaml'), PLAYBOOK);
});

afterAll(async () => {
  await fleet?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('slp run --check on a switch that is not converged yet', () => {
  it('changed = would change: verify results are reported as not applicable and the run exits 0', async () => {
    const before = fleet.device('sw-a2').runningConfig();
    const r = await slp(['run', 'day0.yaml', '-i', 'inventory.yaml', '-C', '-l', 'sw-a2', '--json', 'out/check.json', '--junit', 'out/check.xml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sw-a2                      : ok=6    changed=2    unreachable=0    failed=0    skipped=1');
    expect(r.stdout).toContain('CHECKS NOT APPLICABLE (check mode: would change)');
    expect(r.stdout).toContain('sw-a2 (Day-0 test): expected to fail before the change: settings_as_declared, trust_installed');
    const host = JSON.parse(readFileSync(path.join(dir, 'out', 'check.json'), 'utf8')).plays[0].hosts[0];
    expect([host.status, host.changed, host.checks.map((c: any) => [c.name, c.passed, c.notApplicable])]).toEqual(['changed', true, [
      ['settings_as_declared', false, 'check mode: the host would change; expected to fail before the change'],
      ['trust_installed', false, 'check mode: the host would change; expected to fail before the change'],
    ]]);
    const junit = readFileSync(path.join(dir, 'out', 'check.xml'), 'utf8');
    expect(junit).toContain('failures="0"');
    expect(junit).toMatch(/<testcase classname="Day-0 test.sw-a2" name="trust_installed"[^>]*>\s*<skipped message="check mode: the host would change; expected to fail before the change: /);
    expect(fleet.device('sw-a2').runningConfig()).toBe(before);
  }, 60_000);
});

describe('slp run against a mixed healthy/faulty lab', () => {
  let first: { code: number; stdout: string; stderr: string };
  let report: any;

  beforeAll(async () => {
    first = await slp(['run', 'day0.yaml', '-i', 'inventory.yaml', '--limit', 'all:!gone', '--json', 'out/report.json', '--junit', 'out/junit.xml', '--backup-dir', 'backups']);
    report = JSON.parse(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
  }, 120_000);

  it('exits 2 (a host failed) and prints the recap, then the diagnosis of each failed host', () => {
    expect(first.code).toBe(2);
    const recap = first.stdout.slice(first.stdout.indexOf('PLAY RECAP'));
    expect(recap.split('\n').slice(0, 5)).toEqual([
      'PLAY RECAP ********************************************************************',
      'sw-a1                      : ok=7    changed=2    unreachable=0    failed=0    skipped=0',
      'sw-a2                      : ok=7    changed=2    unreachable=0    failed=0    skipped=0',
      'sw-f-dns                   : ok=5    changed=1    unreachable=0    failed=1    skipped=1',
      'sw-f-old                   : ok=1    changed=0    unreachable=0    failed=1    skipped=1',
    ]);
    expect(recap).toContain('sw-f-dns (Day-0 test): FAILED at trust: sw-f-dns: trust install failed: no trust code newer than the command on any member (Trust Code Installed: <none>) within 10 s; last attempt: COMM_FAILED: Unable to resolve server hostname/domain name (the agent retries it)');
    expect(recap).toContain('  cause:    dns_resolution_failure');
    expect(recap).toContain('sw-f-old (Day-0 test): FAILED at facts: sw-f-old: unsupported device: IOS XE 17.03.05 is older than 17.9.1');
  });

  it('writes a JSON report accounting for every host, with batches in serial order', () => {
    const hosts = report.plays[0].hosts;
    expect(hosts.map((h: any) => [h.host, h.status, h.batch])).toEqual([
      ['sw-a1', 'changed', 1], ['sw-a2', 'changed', 1], ['sw-f-dns', 'failed', 2], ['sw-f-old', 'failed', 2],
    ]);
    expect(report.exitCode).toBe(2);
    expect(report.events.filter((e: any) => e.type === 'batch-start').map((e: any) => e.hosts)).toEqual([['sw-a1', 'sw-a2'], ['sw-f-dns', 'sw-f-old']]);
    const a1 = hosts[0];
    expect(a1.checks.map((c: any) => [c.name, c.passed])).toEqual([['settings_as_declared', true], ['trust_installed', true]]);
    expect(a1.commands).toContain('license smart trust idtoken *** all');
    expect(hosts[2].diagnosis.cause).toBe('dns_resolution_failure');
    expect(hosts[3].commands).toEqual([]);
  });

  it('writes JUnit XML with a case per host and per assertion', () => {
    const xml = readFileSync(path.join(dir, 'out', 'junit.xml'), 'utf8');
    expect(xml).toMatch(/<testsuite name="Day-0 test" tests="8" failures="2" errors="0" skipped="0"/);
    expect(xml).toContain('<testcase classname="Day-0 test.sw-a1" name="trust_installed"');
    expect(xml).toContain('<failure message="sw-f-dns: trust install failed: no trust code newer than the command on any member (Trust Code Installed: &lt;none&gt;) within 10 s; last attempt: COMM_FAILED: Unable to resolve server hostname/domain name (the agent retries it)" type="TrustInstallError">');
  });

  it('keeps reports private and free of every secret', () => {
    for (const f of ['out/report.json', 'out/junit.xml']) {
      expect(statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
      const text = readFileSync(path.join(dir, f), 'utf8');
      for (const secret of [TOKEN, PASSWORD, ENABLE]) expect(text).not.toContain(secret);
    }
    for (const secret of [TOKEN, PASSWORD, ENABLE]) expect(first.stdout + first.stderr).not.toContain(secret);
  });

  it('a second run in --check on the converged hosts changes nothing and exits 0', async () => {
    const r = await slp(['run', 'day0.yaml', '-i', 'inventory.yaml', '-C', '-l', 'access_stacks', '--json', '-']);
    expect(r.code).toBe(0);
    // stdout is the JSON alone; the recap went to stderr.
    const recap = r.stderr.slice(r.stderr.indexOf('PLAY RECAP'));
    expect(recap.split('\n').slice(1, 3)).toEqual([
      'sw-a1                      : ok=6    changed=0    unreachable=0    failed=0    skipped=1',
      'sw-a2                      : ok=6    changed=0    unreachable=0    failed=0    skipped=1',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.plays[0].hosts.map((h: any) => [h.host, h.status, h.changed, h.plan.changed])).toEqual([
      ['sw-a1', 'ok', false, false], ['sw-a2', 'ok', false, false],
    ]);
  }, 60_000);
});

describe('slp run exit codes', () => {
  it('exits 4 when a host is unreachable', async () => {
    const r = await slp(['run', 'day0.yaml', '-i', 'inventory.yaml', '--limit', 'sw-down']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('sw-down                    : ok=0    changed=0    unreachable=1    failed=0    skipped=0');
    expect(r.stdout).toMatch(/sw-down \(Day-0 test\): UNREACHABLE at connect: sw-down: unreachable: /);
  }, 30_000);

  it('exits 2 on bad input before connecting, with file:line:column', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), PLAYBOOK.replace('transport: smart', 'transport: smart\n    proxy: { address: 192.168.217.105, port: 80800 }'));
    const r = await slp(['run', 'bad.yaml', '-i', 'inventory.yaml', '--json', 'out/bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: .*port/);
    expect(existsSync(path.join(dir, 'out', 'bad.json'))).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('rejects a --limit that matches nothing with exit 2', async () => {
    const r = await slp(['run', 'day0.yaml', '-i', 'inventory.yaml', '--limit', 'nosuchhost']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--limit');
  });
});
