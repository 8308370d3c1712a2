/**
 * 200 switches, 5% of them faulty (seeded, so a failure replays): the whole fleet in one run.
 * Every healthy host converges, every host whose push was refused is rolled back and re-checked,
 * hosts that cannot be logged into are untouched, every host is in the report, and no switch is
 * left in config mode. Dropped sessions are left out of the mix: see faults.test.ts (known bug).
 */
import { readFileSync } from 'node:fs';
import { sessionsLeftInConfig, startLab, type Captured, type Lab, type LabHost } from '../helpers/fleet-run';

const SEED = 20250124;
const N = 200;
const FAULTY = 10; // 5%

/** mulberry32: a small seeded PRNG, so the same hosts get the same faults on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'reject' | 'auth' | 'down' | 'token' | 'slow';
const REJECTABLE = ['ip http client source-interface', 'license smart transport', 'ip name-server', 'ip domain name'];

function fleetPlan(): { hosts: LabHost[]; kinds: Map<string, Kind> } {
  const random = prng(SEED);
  const names = Array.from({ length: N }, (_, i) => `sw${String(i).padStart(3, '0')}`);
  const faulty = new Set<number>();
  while (faulty.size < FAULTY) faulty.add(Math.floor(random() * N));
  const kinds = new Map<string, Kind>();
  const KINDS: Kind[] = ['reject', 'auth', 'down', 'token', 'slow'];
  const hosts = names.map((name, i): LabHost => {
    if (!faulty.has(i)) return { name };
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    kinds.set(name, kind);
    if (kind === 'reject') return { name, sim: { faults: { reject_command: REJECTABLE[Math.floor(random() * REJECTABLE.length)]! } } };
    if (kind === 'auth') return { name, sim: { faults: { auth_failure: true } } };
    if (kind === 'down') return { name, down: true };
    if (kind === 'token') return { name, sim: { faults: { token: 'invalid' } } };
    return { name, sim: { latency_ms: 100 } };
  });
  return { hosts, kinds };
}

const owned = (config: string): string[] => config.split('\n').filter((l) => /^(no )?(license smart|ip http client|ip name-server|ip domain)/.test(l));

describe(`${N} switches, ${FAULTY} faulty (seed ${SEED})`, () => {
  const { hosts, kinds } = fleetPlan();
  let lab: Lab;
  let run: Captured;
  let results: { host: string; status: string; error?: { name: string; message: string }; rollback?: string[] }[];
  const kindOf = (name: string): Kind | 'healthy' => kinds.get(name) ?? 'healthy';
  const served = hosts.filter((h) => !h.down).map((h) => h.name);

  beforeAll(async () => {
    lab = await startLab(hosts);
    run = await lab.run({ forks: 50 });
    results = JSON.parse(readFileSync(run.jsonFile, 'utf8')).plays[0].hosts;
  }, 120_000);
  afterAll(() => lab?.close());

  test('the seed gives a mix of faults', () => {
    expect(new Set(kinds.values()).size).toBeGreaterThanOrEqual(3);
  });

  test('every host is in the report, in inventory order, with the outcome its fault implies', () => {
    const expected: Record<Kind | 'healthy', [string, string | null]> = {
      healthy: ['changed', null], slow: ['changed', null], reject: ['failed', 'CommandRejectedError'],
      auth: ['unreachable', 'AuthError'], down: ['unreachable', 'UnreachableError'], token: ['failed', 'TrustInstallError'],
    };
    expect(results.map((r) => [r.host, r.status, r.error?.name ?? null])).toEqual(hosts.map((h) => [h.name, ...expected[kindOf(h.name)]]));
    expect(run.exitCode).toBe(kinds.size && [...kinds.values()].some((k) => k === 'auth' || k === 'down') ? 4 : 2);
  });

  test('every healthy (and slow) host converged to the same owned config, with trust installed', () => {
    const reference = owned(lab.fleet.device(served.find((n) => kindOf(n) === 'healthy')!).runningConfig());
    expect(reference).toContain('license smart transport smart');
    const off = served.filter((n) => ['healthy', 'slow'].includes(kindOf(n))).filter((n) => {
      const d = lab.fleet.device(n);
      return owned(d.runningConfig()).join('\n') !== reference.join('\n') || !d.trustInstalled().every(Boolean);
    });
    expect(off).toEqual([]);
  });

  test('every host whose push was refused was rolled back to its backup and re-checked', () => {
    const rejected = served.filter((n) => kindOf(n) === 'reject');
    const notBack = rejected.filter((n) => owned(lab.fleet.device(n).runningConfig()).join('\n') !== owned(lab.initialConfig.get(n)!).join('\n'));
    expect(notBack).toEqual([]);
    for (const n of rejected) expect(results.find((r) => r.host === n)!.rollback).toBeDefined();
  });

  test('hosts that refused the login are untouched', () => {
    const auth = served.filter((n) => kindOf(n) === 'auth');
    expect(auth.filter((n) => lab.fleet.device(n).runningConfig() !== lab.initialConfig.get(n))).toEqual([]);
  });

  test('no switch is left in config mode and every session is closed', async () => {
    expect(await sessionsLeftInConfig(lab.fleet, served)).toEqual({ open: [], leftInConfig: [] });
  });
});
