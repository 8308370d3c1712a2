/**
 * 200 switches, 5% of them faulty (seeded, so a failure replays): the whole fleet in one run.
 * Every healthy host converges, every host whose push was refused is rolled back and re-checked,
 * hosts that cannot be logged into are untouched, every host is in the report, and no switch is
 * left in config mode. The faults: a refused config line, a session dropped in the middle of the
 * push, a config line never answered (command timeout), a refused login, nothing listening, an
 * invalid trust token, a slow switch.
 */
import { readFileSync } from 'node:fs';
import { sessionsLeftInConfig, startLab, type Captured, type Lab, type LabHost } from '../helpers/fleet-run';
import { seeded } from '../../bench/src/profile';

const SEED = 20250124;
const N = 200;
const FAULTY = 10; // 5%

/** The same seeded PRNG the bench uses (mulberry32): the same hosts get the same faults on every run. */
const prng = seeded;

type Kind = 'reject' | 'disconnect' | 'hang' | 'auth' | 'down' | 'token' | 'slow';
const REJECTABLE = ['ip http client source-interface', 'license smart transport', 'ip name-server', 'ip domain name'];
// Lines the switch may never answer: none of them is part of the rollback of the lines before it
// (`no ip http client source-interface` would contain the third, and hang the rollback too).
const HANGABLE = ['ip name-server', 'ip domain name'];
/** Pushes that get rolled back, and whose owned config must then be as before. */
const ROLLED_BACK: readonly Kind[] = ['reject', 'disconnect', 'hang'];

function fleetPlan(): { hosts: LabHost[]; kinds: Map<string, Kind> } {
  const random = prng(SEED);
  const names = Array.from({ length: N }, (_, i) => `sw${String(i).padStart(3, '0')}`);
  const faulty = new Set<number>();
  while (faulty.size < FAULTY) faulty.add(Math.floor(random() * N));
  const kinds = new Map<string, Kind>();
  const KINDS: Kind[] = ['reject', 'disconnect', 'hang', 'auth', 'down', 'token', 'slow'];
  const hosts = names.map((name, i): LabHost => {
    if (!faulty.has(i)) return { name };
    // Every kind at least once (10 faulty hosts, 7 kinds), at random places in the fleet.
    const kind = KINDS[kinds.size % KINDS.length]!;
    kinds.set(name, kind);
    if (kind === 'reject') return { name, sim: { faults: { reject_command: REJECTABLE[Math.floor(random() * REJECTABLE.length)]! } } };
    // Login (5 lines) and 3 reads, `configure terminal`, then the session drops on config line 2, 3 or 4.
    if (kind === 'disconnect') return { name, sim: { faults: { disconnect_after_commands: 10 + Math.floor(random() * 3) } } };
    if (kind === 'hang') return { name, sim: { faults: { hang_on_command: HANGABLE[Math.floor(random() * HANGABLE.length)]! } }, vars: { slp_command_timeout: 1 } };
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

  test('the fleet holds every kind of fault', () => {
    expect(new Set(kinds.values())).toEqual(new Set(['reject', 'disconnect', 'hang', 'auth', 'down', 'token', 'slow']));
  });

  test('every host is in the report, in inventory order, with the outcome its fault implies', () => {
    const expected: Record<Kind | 'healthy', [string, string | null]> = {
      healthy: ['changed', null], slow: ['changed', null], reject: ['failed', 'CommandRejectedError'],
      disconnect: ['failed', 'PushInterruptedError'], hang: ['failed', 'PushInterruptedError'],
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

  test('every host whose push was refused or cut was rolled back to its backup and re-checked', () => {
    const rejected = served.filter((n) => ROLLED_BACK.includes(kindOf(n) as Kind));
    const notBack = rejected.filter((n) => owned(lab.fleet.device(n).runningConfig()).join('\n') !== owned(lab.initialConfig.get(n)!).join('\n'));
    expect(notBack).toEqual([]);
    for (const n of rejected) expect(results.find((r) => r.host === n)!.rollback).toBeDefined();
    const cut = results.filter((r) => ['disconnect', 'hang'].includes(kindOf(r.host)));
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.map((r) => r.error!.message).filter((m) => !/; reconnected, rolled back \d+ lines? and verified: the owned settings are as the backup had them$/.test(m))).toEqual([]);
  });

  test('hosts that refused the login are untouched', () => {
    const auth = served.filter((n) => kindOf(n) === 'auth');
    expect(auth.filter((n) => lab.fleet.device(n).runningConfig() !== lab.initialConfig.get(n))).toEqual([]);
  });

  test('no switch is left in config mode and every session is closed', async () => {
    // A switch that never answered a config line never gave the prompt back: that one session can
    // only be closed in config mode (by the tool, once the command timed out); checked apart.
    const hung = served.filter((n) => kindOf(n) === 'hang');
    expect(await sessionsLeftInConfig(lab.fleet, served.filter((n) => !hung.includes(n)))).toEqual({ open: [], leftInConfig: [] });
    expect((await sessionsLeftInConfig(lab.fleet, hung)).open).toEqual([]);
    for (const n of hung) expect(lab.fleet.device(n).state.closedSessions.filter((s) => s.mode.startsWith('config')).map((s) => s.by)).toEqual(['client']);
  });
});
