/**
 * `slp plan` → `slp apply` against a simulated lab (127.0.0.1, ephemeral ports), and `slp demo`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDevice } from '../../src/device';
import { startFleet, type Fleet, type SimDeviceSpec } from '../../src/simulator';
import { slpAsCi } from '../helpers/spawn-slp';

const TOKEN = 'PlanApplyToken.abcdefghijklmnopqrstuvwxyz0123';
const credentials = { username: 'admin', password: 'Lab-Pass-1234', enableSecret: 'Lab-Enable-5678' };
const SPECS: SimDeviceSpec[] = [
  { name: 'sw-p1', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.12.03' } },
  { name: 'sw-p2', port: 0, credentials, sim: { platform: 'C9500-24Y4C', version: '17.09.05' } },
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
`);
});
afterAll(async () => {
  await fleet?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('slp plan / slp apply', () => {
  it('plans without changing, then applies the plan and refuses the host that drifted', async () => {
    const before = fleet.device('sw-p1').runningConfig();
    const plan = await slp(['plan', 'pb.yaml', '-i', 'inv.yaml', '-o', 'plan.json']);
    expect(plan.code).toBe(0);
    expect(fleet.device('sw-p1').runningConfig()).toBe(before);
    expect(statSync(path.join(dir, 'plan.json')).mode & 0o777).toBe(0o600);
    const text = readFileSync(path.join(dir, 'plan.json'), 'utf8');
    expect(text).not.toContain(TOKEN);
    const file = JSON.parse(text);
    const commands = ['license smart transport smart', 'ip http client source-interface Vlan10', 'ip name-server 10.31.104.74', 'ip domain lookup source-interface Vlan10'];
    expect(file.hosts.map((h: any) => [h.host, h.play, h.tokenRef, [...h.plan.commands].sort(), h.plan.trust.action])).toEqual([
      ['sw-p1', 'Change window', 'env:SLP_IDTOKEN', [...commands].sort(), 'install'],
      ['sw-p2', 'Change window', 'env:SLP_IDTOKEN', [...commands].sort(), 'install'],
    ]);

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
    expect([p2.host, p2.status, p2.error.name, p2.commands]).toEqual(['sw-p2', 'failed', 'DriftError', []]);
    expect(p2.error.message).toBe('sw-p2: owned configuration changed since the plan was made: added "license smart usage interval 10"');
  }, 60_000);
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
  }, 60_000);
});
