/**
 * Shards from the command line: `slp validate --shard` lists each shard's hosts as `slp run`
 * will select them, bad or half-set shard variables exit 2 before any switch is contacted, and
 * `slp diagnose --shard … --html` diagnoses only its shard's switches and writes the page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { shardTable } from '../../src/inventory/shard';
import { startFleet, type Fleet } from '../../src/simulator';
import { slpAsCi } from '../helpers/spawn-slp';

const ROOT = path.join(__dirname, '..', '..');
const TOKEN = 'ShardCliToken0123456789abcdef';
const NAMES = ['sw-1', 'sw-2', 'sw-3', 'sw-4', 'sw-5', 'sw-6'];
const slp = (args: string[], env: Record<string, string> = {}, cwd = ROOT) => slpAsCi(args, { cwd, token: TOKEN, env });

describe('slp validate --shard', () => {
  test('lists every host in exactly one shard, as the runner assigns them', async () => {
    const r = await slp(['validate', '-i', 'inventory.example.yaml', 'playbooks/day0.yaml', '--shard', '3']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const from = lines.findIndex((l) => l.startsWith('shards: '));
    const shards: string[][] = [];
    for (const l of lines.slice(from + 1)) {
      if (/^shard \d\/3: /.test(l)) shards.push([]);
      else if (l.startsWith('  ')) shards.at(-1)!.push(l.trim());
    }
    const hosts = ['sw-a1', 'sw-a2', 'sw-d1', 'sw-f-dns', 'sw-f-proxy', 'sw-f-timeout', 'sw-f-noreply', 'sw-f-token', 'sw-f-old'];
    expect(lines[from]).toBe('shards: 9 host(s) in 3 shard(s)');
    expect(shards.map((s) => [...s].sort())).toEqual(shardTable(hosts, 3, undefined, () => []).map((s) => [...s].sort()));
  });

  test('marks the shard the environment selects', async () => {
    const r = await slp(['validate', '-i', 'inventory.example.yaml', 'playbooks/day0.yaml', '--shard'], { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '2' });
    expect(r.stdout).toMatch(/^shard 2\/2 \(this one\): \d+ host\(s\)$/m);
  });
});

describe('bad shard input exits 2 before any switch is contacted', () => {
  // The example inventory points at 127.0.0.1 ports where nothing listens here: contacting one
  // would end in "unreachable" (exit 4), not exit 2 with the message.
  test.each([
    [['--shard', '5/4'], {}, /--shard must be I\/N with 1 ≤ I ≤ N, e\.g\. 2\/4 \(got "5\/4"\)/],
    [[], { JOB_COMPLETION_INDEX: '2' }, /JOB_COMPLETION_INDEX and SLP_SHARD_TOTAL go together: SLP_SHARD_TOTAL is not set/],
    [[], { CI_NODE_INDEX: '4', CI_NODE_TOTAL: '3' }, /CI_NODE_INDEX=4 is past CI_NODE_TOTAL=3/],
  ])('%j %j', async (args, env, message) => {
    const r = await slp(['run', 'playbooks/day0.yaml', '-i', 'inventory.example.yaml', ...args], env as Record<string, string>);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).not.toContain('PLAY RECAP');
  });
});

describe('slp diagnose --shard --html', () => {
  let fleet: Fleet;
  let dir: string;
  beforeAll(async () => {
    const credentials = { username: 'admin', password: 'Shard-Pass-1', enableSecret: 'Shard-En-2' };
    fleet = await startFleet(NAMES.map((name) => ({ name, port: 0, credentials })), { host: '127.0.0.1', asyncDelayMs: 20 });
    dir = mkdtempSync(path.join(os.tmpdir(), 'slp-shard-cli-'));
    const hosts = Object.fromEntries(Object.entries(fleet.hosts).map(([n, h]) => [n, { ansible_port: h.port }]));
    writeFileSync(path.join(dir, 'inv.yaml'), JSON.stringify({
      all: { vars: { ansible_host: '127.0.0.1', ansible_user: 'admin', ansible_password: credentials.password, ansible_become_password: credentials.enableSecret, slp_host_key_checking: 'off' }, hosts },
    }));
  });
  afterAll(async () => {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('diagnoses only the shard\'s switches and writes the page for them', async () => {
    const mine = shardTable(NAMES, 2, undefined, () => [])[0]!;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(NAMES.length);
    const r = await slp(['diagnose', '-i', 'inv.yaml', '--shard', '1/2', '--html', 'page.html'], {}, dir);
    expect(r.stderr).toContain(`shard 1/2 (from --shard): ${mine.length} of ${NAMES.length} host(s)`);
    const page = readFileSync(path.join(dir, 'page.html'), 'utf8');
    const shown = [...page.matchAll(/<tr class="host-row" data-host="([^"]+)"/g)].map((m) => m[1]);
    expect(shown.sort()).toEqual([...mine].sort());
    expect(page).toContain('shard 1/2');
    expect(page).not.toContain('Shard-Pass-1');
  }, 60_000);

  test('plan for the fleet, apply one shard: only its hosts change; the report records shard, the playbook digest and fleet', async () => {
    writeFileSync(path.join(dir, 'pb.yaml'), `
- name: Transport
  hosts: all
  slp:
    transport: smart
    url: default
`);
    const plan = await slp(['plan', 'pb.yaml', '-i', 'inv.yaml', '-o', 'plan.json'], {}, dir);
    expect(plan.code).toBe(0);
    const mine = shardTable(NAMES, 2, undefined, () => [])[1]!;
    const r = await slp(['apply', 'plan.json', '-i', 'inv.yaml', '--json', 'a.json', '--html', 'a.html'], { SLP_SHARD: '2/2' }, dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'));
    expect(report.plays[0].hosts.map((h: { host: string }) => h.host).sort()).toEqual([...mine].sort());
    expect(report.shard).toEqual({ index: 2, total: 2, by: null });
    expect(report.fleetHosts).toEqual([NAMES]);
    // The playbook the plan came from (the plan file records its digest), as `slp run` reports it.
    expect(report.digests.playbook).toBe(`sha256:${createHash('sha256').update(readFileSync(path.join(dir, 'pb.yaml'))).digest('hex')}`);
    expect(report.digests.playbook).toBe(JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')).source.playbook.sha256);
    const changed = NAMES.filter((n) => fleet.device(n).runningConfig().includes('license smart transport smart'));
    expect(changed.sort()).toEqual([...mine].sort());
    expect(readFileSync(path.join(dir, 'a.html'), 'utf8')).toContain('shard 2/2');
  }, 60_000);
});
