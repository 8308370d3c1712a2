/**
 * Shards vs one run: a simulated fleet (400 switches by default; SLP_SHARD_TEST_HOSTS sets another
 * count, CI uses the default) run as 4 shards in 4 `slp run --shard I/4` processes at once, then
 * `slp report merge`. The merged report must hold the same hosts with the same outcomes and counts
 * as one `slp run` of the whole fleet on an identical fresh lab. Some hosts are faulty (a refused
 * config line, a refused login, nothing listening) so outcomes differ between hosts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { JsonReport } from '../../src/report/json-report';
import { shardOfKey } from '../../src/inventory/shard';
import { DAY0_FAST, startLab, TOKEN, type Lab, type LabHost } from '../helpers/fleet-run';
import { slpAsCi } from '../helpers/spawn-slp';

const N = Number(process.env.SLP_SHARD_TEST_HOSTS ?? 400);
const SHARDS = 4;

function fleetPlan(): LabHost[] {
  return Array.from({ length: N }, (_, i): LabHost => {
    const name = `sw${String(i).padStart(4, '0')}`;
    if (i % 40 === 7) return { name, sim: { faults: { reject_command: 'ip name-server' } } };
    if (i % 40 === 19) return { name, sim: { faults: { auth_failure: true } } };
    if (i % 40 === 31) return { name, down: true };
    return { name };
  });
}

const outcome = (r: JsonReport): string[] =>
  r.plays.flatMap((p) => p.hosts.map((h) => `${p.name}|${h.host}|${h.status}|${h.changed}|${h.error?.name ?? ''}|${h.diagnosis?.cause ?? ''}`)).sort();

function junitTotals(file: string): Record<string, string> {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(file, 'utf8'));
  const { tests, failures, errors, skipped } = doc.testsuites;
  return { tests, failures, errors, skipped };
}

async function runLab(body: (lab: Lab) => Promise<void>): Promise<void> {
  // Five processes share the CPU with 400 SSH logins: a longer connect timeout keeps a refused
  // login (auth fault) from being read as a handshake that timed out, in one run and not the other.
  const lab = await startLab(fleetPlan(), DAY0_FAST, { slp_connect_timeout: 30 });
  try {
    await body(lab);
  } finally {
    await lab.close();
  }
}

describe(`${N} switches: ${SHARDS} shard processes + merge = one run`, () => {
  let merged: JsonReport;
  let one: JsonReport;
  let mergeCode: number;
  let oneCode: number;
  let shardCodes: number[];
  let shardReports: JsonReport[];
  let junit: { merged: Record<string, string>; one: Record<string, string> };
  let mergeStdout = '';
  // Printed only on request (bench/README.md quotes it), never asserted.
  const wall = { shards: 0, one: 0 };
  afterAll(() => {
    if (process.env.SLP_SHARD_TEST_TIMES) process.stderr.write(`shards-vs-one ${N} hosts: ${SHARDS} shard processes ${wall.shards} ms, one process ${wall.one} ms, ratio ${(wall.one / wall.shards).toFixed(2)}\n`);
  });

  beforeAll(async () => {
    const forks = String(Math.ceil(40 / SHARDS));
    await runLab(async (lab) => {
      const args = (k: number): string[] => ['run', lab.playbook, '-i', lab.inventory, '--shard', `${k}/${SHARDS}`, '--forks', forks, '--json', `shard-${k}.json`];
      const t0 = Date.now();
      const shards = await Promise.all(Array.from({ length: SHARDS }, (_, k) => slpAsCi(args(k + 1), { cwd: lab.dir, token: TOKEN })));
      wall.shards = Date.now() - t0;
      shardCodes = shards.map((s) => s.code);
      shardReports = shards.map((_, k) => JSON.parse(readFileSync(join(lab.dir, `shard-${k + 1}.json`), 'utf8')));
      const files = Array.from({ length: SHARDS }, (_, k) => `shard-${k + 1}.json`);
      const m = await slpAsCi(['report', 'merge', ...files, '--json', 'merged.json', '--junit', 'merged.xml'], { cwd: lab.dir, token: TOKEN });
      mergeCode = m.code;
      mergeStdout = m.stdout;
      merged = JSON.parse(readFileSync(join(lab.dir, 'merged.json'), 'utf8'));
      junit = { merged: junitTotals(join(lab.dir, 'merged.xml')), one: {} };
    });
    await runLab(async (lab) => {
      const t1 = Date.now();
      const r = await slpAsCi(['run', lab.playbook, '-i', lab.inventory, '--forks', '40', '--json', 'one.json', '--junit', 'one.xml'], { cwd: lab.dir, token: TOKEN });
      wall.one = Date.now() - t1;
      oneCode = r.code;
      one = JSON.parse(readFileSync(join(lab.dir, 'one.json'), 'utf8'));
      junit.one = junitTotals(join(lab.dir, 'one.xml'));
    });
  }, 600_000);

  test('each shard ran only its own hosts, as rendezvous hashing assigns them', () => {
    for (const [k, r] of shardReports.entries()) {
      expect(r.shard).toEqual({ index: k + 1, total: SHARDS, by: null });
      const hosts = r.plays[0]!.hosts.map((h) => h.host);
      expect(hosts.length).toBeGreaterThan(N / SHARDS / 2);
      expect(hosts.filter((h) => shardOfKey(h, SHARDS) !== k + 1)).toEqual([]);
    }
  });

  test('the merged report holds every host once, with the outcome of the one-run report', () => {
    expect(merged.plays[0]!.hosts.map((h) => h.host)).toEqual(one.plays[0]!.hosts.map((h) => h.host));
    expect(outcome(merged)).toEqual(outcome(one));
    expect(merged.stats).toEqual(one.stats);
    const statuses = new Set(one.plays[0]!.hosts.map((h) => h.status));
    expect(statuses).toEqual(new Set(['changed', 'failed', 'unreachable']));
  });

  test('exit code, recap and JUnit totals match', () => {
    expect(oneCode).toBe(4);
    expect(mergeCode).toBe(oneCode);
    expect(Math.max(...shardCodes)).toBe(4);
    expect(merged.exitCode).toBe(one.exitCode);
    expect(junit.merged).toEqual(junit.one);
    expect(mergeStdout).toMatch(/PLAY RECAP/);
    expect(mergeStdout.split('\n').filter((l) => / : ok=/.test(l))).toHaveLength(N);
  });
});
