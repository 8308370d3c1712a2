/**
 * `npm run bench`: the simulated lab with N switches (default 100 and 1,000) at 20 ms per command,
 * the shipped day-0 playbook through the real `slp run` twice (converge, then idempotent), one JSON
 * object per run on stdout and written to bench/results/<start time>.jsonl. See bench/README.md.
 *
 *   node dist-bench/bench/src/run.js [--sizes 100:100,1000:25,1000:100,1000:200] [--latency 20]     (N:forks pairs)
 *   node dist-bench/bench/src/run.js --profile realistic --sizes 20:4    (seconds-long device waits)
 *   node dist-bench/bench/src/run.js --vs-ansible                        (Ansible cisco.ios vs slp, N=100)
 *   node dist-bench/bench/src/run.js --shards 4 --sizes 400:50            (4 shard processes + merge vs one run)
 *   node dist-bench/bench/src/run.js --bare-client --sizes 1000:100       (also slp's lines replayed by a bare ssh2 client)
 *   node dist-bench/bench/src/run.js --inventory-sizes 10000,50000,100000 (inventory load and check)
 *   node dist-bench/bench/src/run.js --baseline /tmp/base --sizes 300:50 (another build first, same run)
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, runOnce, settledStats, SimChild, type JsonReportView } from './children';
import { floorSeconds, runFigures, type RunFigures } from './figures';
import type { BenchProfile } from './profile';
import { captureLines, replayFleet, type ReplayLines } from './bare-client';
import { runVsAnsible } from './vs-ansible';
import { timeInventoryLoad } from './inventory-load';
import { LAB_CREDENTIALS, writeBenchLab } from './lab';
import { fetchTechSupport, ONE_MB, repeatToSize, timeParseInChild } from './parse-1mb';
import type { RunnerMetrics } from './runner-child';
import type { SimStats } from './sim-child';

const ROOT = path.join(__dirname, '..', '..', '..');
const DEFAULT_SIZES = '100:100,1000:25,1000:100,1000:200'; // issue 20: forks 100 and 200 at N = 1,000

interface Options {
  sizes: { n: number; forks: number }[];
  latencyMs: number;
  profile: BenchProfile;
  vsAnsible: boolean;
  /** > 1: shard processes against one run (issue 19). */
  shards: number;
  /** Inventory sizes to time `slp validate` on (issue 20); none: the fleet runs. */
  inventorySizes: number[];
  /** A checkout of another build (its dist/cli.js): each size runs it first, then this build. */
  baseline?: string;
  /** Also replay slp's lines with a bare ssh2 client on a fresh lab of each size (bare-client.ts). */
  bareClient: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const get = (flag: string, fallback: string): string => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
  };
  const sizes = get('--sizes', DEFAULT_SIZES).split(',').map((pair) => {
    const [n, forks] = pair.split(':').map(Number);
    if (!Number.isInteger(n) || n! < 1) throw new Error(`--sizes: bad size "${pair}" (want N or N:forks)`);
    return { n: n!, forks: Number.isInteger(forks) && forks! > 0 ? forks! : Math.min(n!, 100) };
  });
  const profile = get('--profile', 'fast');
  if (profile !== 'fast' && profile !== 'realistic') throw new Error(`--profile: want fast or realistic (got "${profile}")`);
  const baseline = get('--baseline', '');
  const inventorySizes = get('--inventory-sizes', '').split(',').filter(Boolean).map(Number);
  if (inventorySizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--inventory-sizes: want N,N,… (got "${get('--inventory-sizes', '')}")`);
  const shards = Number(get('--shards', '0'));
  if (!Number.isInteger(shards) || shards < 0) throw new Error(`--shards: want a whole number (got "${get('--shards', '')}")`);
  return { sizes, latencyMs: Number(get('--latency', '20')), profile, vsAnsible: argv.includes('--vs-ansible'), bareClient: argv.includes('--bare-client'), shards, inventorySizes, ...(baseline ? { baseline: path.resolve(baseline) } : {}) };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString();
  // One file per invocation (`2026-11-28T08-30-00Z.jsonl`): the figures quoted in bench/README.md
  // then come from exactly one run, never a mix of runs appended to a day's file.
  const resultsFile = path.join(resultsDir, `${stamp.slice(0, 19).replace(/:/g, '-')}Z.jsonl`);
  const record = (line: Record<string, unknown>): void => {
    process.stdout.write(`${JSON.stringify(line)}\n`);
    appendFileSync(resultsFile, `${JSON.stringify(line)}\n`);
  };
  if (options.vsAnsible) {
    const line = await runVsAnsible({ root: ROOT, latencyMs: options.latencyMs });
    record({ at: stamp, ...line, machine: machine() });
    if (line.problem) {
      process.stderr.write(`bench: --vs-ansible: ${line.problem}\n`);
      process.exitCode = 1;
    }
  } else if (options.inventorySizes.length) {
    for (const n of options.inventorySizes) {
      const figure = timeInventoryLoad(ROOT, n);
      record({ at: stamp, profile: 'inventory-load', ...figure, machine: machine() });
      if (figure.exitCode !== 0) reportProblem(`inventory ${n}`, `slp validate exited ${figure.exitCode}`);
    }
  } else if (options.shards > 1) {
    for (const { n, forks } of options.sizes) await shardedSize(n, forks, options.shards, options, stamp, record);
  } else if (options.profile === 'realistic') {
    for (const { n, forks } of options.sizes) await realisticSize(n, forks, options, stamp, record);
  } else {
    const lines = options.bareClient ? await captureLines(ROOT, options.latencyMs) : undefined;
    for (const { n, forks } of options.sizes) {
      if (options.baseline) await fastSize(n, forks, options, stamp, record, { build: 'baseline', cli: path.join(options.baseline, 'dist', 'cli.js') });
      await fastSize(n, forks, options, stamp, record, { build: 'current' });
      if (lines) await bareClientSize(n, forks, lines, options, stamp, record);
    }
  }
  process.stderr.write(`results appended to ${path.relative(process.cwd(), resultsFile)}\n`);
}

type Record_ = (line: Record<string, unknown>) => void;
let parse1MB: RunFigures['parse1MB'] = null;

/** fast profile: converge, then the same again (idempotent), on one lab. */
async function fastSize(n: number, forks: number, options: Options, stamp: string, record: Record_, build: { build: string; cli?: string }): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `slp-bench-${n}-`));
  const { sim, ports } = await SimChild.start(n, options.latencyMs);
  try {
    const lab = writeBenchLab(dir, ports, path.join(ROOT, 'playbooks', 'day0.yaml'));
    let simCpuBefore = (await sim.stats()).cpuMicros;
    for (const run of ['converge', 'idempotent'] as const) {
      const { metrics, wallMs, report } = await runOnce(dir, lab, forks, run, [], build.cli);
      const stats = await settledStats(sim);
      if (run === 'idempotent' && parse1MB === null) {
        parse1MB = timeParseInChild(repeatToSize(await fetchTechSupport(ports[0]!, LAB_CREDENTIALS), ONE_MB));
      }
      const figures = figuresOf(run, n, forks, options.latencyMs, wallMs, stats, metrics, report, stats.cpuMicros - simCpuBefore, run === 'idempotent' ? parse1MB : null);
      simCpuBefore = stats.cpuMicros;
      record({ at: stamp, profile: 'fast', build: build.build, ...figures, leftInConfigMode: stats.leftInConfigMode, machine: machine() });
      reportProblem(`${n}:${forks} ${run}`, runProblem(figures, stats.leftInConfigMode));
    }
  } finally {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same fleet and concurrency with slp's lines replayed by a bare ssh2 client (bare-client.ts):
 * converge lines on a fresh lab, then the idempotent run's lines on the converged one. The floor
 * is computed as for slp, from the lines the switches received.
 */
async function bareClientSize(n: number, forks: number, lines: ReplayLines, options: Options, stamp: string, record: Record_): Promise<void> {
  const { sim, ports } = await SimChild.start(n, options.latencyMs);
  try {
    let simCpuBefore = (await sim.stats()).cpuMicros;
    for (const run of ['converge', 'idempotent'] as const) {
      const { wallMs, cpuMicros } = await replayFleet(ports, lines[run], forks);
      const stats = await settledStats(sim);
      const max = Math.max(...stats.linesEntered);
      const floor = floorSeconds(max, options.latencyMs, n, forks);
      record({
        at: stamp, profile: 'bare-client', run, n, forks, latencyMs: options.latencyMs,
        wallSeconds: Number((wallMs / 1000).toFixed(2)), floorSeconds: Number(floor.toFixed(2)), wallOverFloor: Number((wallMs / 1000 / floor).toFixed(2)),
        commandsPerHost: { max },
        client: { cpuSeconds: Number((cpuMicros / 1e6).toFixed(2)), cpuMsPerHost: Number((cpuMicros / 1000 / n).toFixed(1)) },
        simulator: { cpuSeconds: Number(((stats.cpuMicros - simCpuBefore) / 1e6).toFixed(2)), cpuMsPerHost: Number(((stats.cpuMicros - simCpuBefore) / 1000 / n).toFixed(1)) },
        machine: machine(),
      });
      simCpuBefore = stats.cpuMicros;
    }
  } finally {
    await sim.stop();
  }
}

/**
 * Shards against one run (issue 19): the same fleet converged once by one `slp run`, and once, on
 * a fresh lab, by N `slp run --shard I/N` processes at the same time followed by `slp report
 * merge`. Wall time of the sharded run is from the first spawn to the merge's end. On one machine
 * the shards share its cores, so the ratio shows the overhead, not the gain across runners.
 */
async function shardedSize(n: number, forks: number, shards: number, options: Options, stamp: string, record: Record_): Promise<void> {
  const results: Record<string, { wallMs: number; hosts: number; statuses: Record<string, number> }> = {};
  for (const mode of ['one run', `${shards} shards`] as const) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `slp-bench-shards-${n}-`));
    const { sim, ports } = await SimChild.start(n, options.latencyMs);
    try {
      const lab = writeBenchLab(dir, ports, path.join(ROOT, 'playbooks', 'day0.yaml'));
      const t0 = process.hrtime.bigint();
      let hosts: { status: string }[];
      if (mode === 'one run') {
        hosts = (await runOnce(dir, lab, forks, 'one')).report.plays.flatMap((p) => p.hosts);
      } else {
        const parts = await Promise.all(Array.from({ length: shards }, (_, i) => runOnce(dir, lab, forks, `shard${i + 1}`, ['--shard', `${i + 1}/${shards}`])));
        const merged = path.join(dir, 'merged.json');
        const inputs = parts.map((_, i) => path.join(dir, `shard${i + 1}.report.json`));
        execFileSync(process.execPath, [path.join(ROOT, 'bin', 'slp.js'), 'report', 'merge', ...inputs, '--json', merged], { stdio: ['ignore', 'ignore', 'pipe'] });
        hosts = (JSON.parse(readFileSync(merged, 'utf8')) as JsonReportView).plays.flatMap((p) => p.hosts);
      }
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const statuses: Record<string, number> = {};
      for (const h of hosts) statuses[h.status] = (statuses[h.status] ?? 0) + 1;
      results[mode] = { wallMs: Math.round(wallMs), hosts: hosts.length, statuses };
    } finally {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const one = results['one run']!;
  const sharded = results[`${shards} shards`]!;
  const same = one.hosts === sharded.hosts && JSON.stringify(one.statuses) === JSON.stringify(sharded.statuses);
  record({ at: stamp, profile: 'shards', n, forks, shards, oneRun: one, sharded, shardedOverOne: Number((sharded.wallMs / one.wallMs).toFixed(2)), sameOutcomes: same, machine: machine() });
  if (!same) reportProblem(`${n}:${forks} shards`, 'the merged report does not hold the same hosts and outcomes as one run');
}

/**
 * realistic profile: the same fleet (same seeded device timings) converged twice, each time on a
 * fresh lab: once with waits holding their fork (`--max-sessions` = forks: a waiting host keeps
 * its place, as before the pool released forks), once with the default, waits giving it back.
 */
async function realisticSize(n: number, forks: number, options: Options, stamp: string, record: Record_): Promise<void> {
  const variants: { waits: string; extra: string[]; cli?: string }[] = options.baseline
    ? [{ waits: 'baseline build', extra: [], cli: path.join(options.baseline, 'dist', 'cli.js') }, { waits: 'release fork', extra: [] }]
    : [{ waits: 'hold fork', extra: ['--max-sessions', String(forks)] }, { waits: 'release fork', extra: [] }];
  for (const { waits, extra, cli } of variants) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `slp-bench-${n}-`));
    const { sim, ports } = await SimChild.start(n, options.latencyMs, 'realistic');
    try {
      const lab = writeBenchLab(dir, ports, path.join(ROOT, 'playbooks', 'day0.yaml'));
      const simCpuBefore = (await sim.stats()).cpuMicros;
      const { metrics, wallMs, report } = await runOnce(dir, lab, forks, 'converge', extra, cli);
      const stats = await settledStats(sim);
      const figures = figuresOf('converge', n, forks, options.latencyMs, wallMs, stats, metrics, report, stats.cpuMicros - simCpuBefore, null);
      // The floor counts command latency only; here device waits dominate, so it is left out.
      const { floorSeconds: _f, wallOverFloor: _r, ...rest } = figures;
      record({ at: stamp, profile: 'realistic', waits, maxSessions: extra.length ? forks : 'default', ...rest, leftInConfigMode: stats.leftInConfigMode, machine: machine() });
      reportProblem(`${n}:${forks} realistic (${waits})`, runProblem(figures, stats.leftInConfigMode));
    } finally {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function figuresOf(run: RunFigures['run'], n: number, forks: number, latencyMs: number, wallMs: number, stats: SimStats, metrics: RunnerMetrics, report: JsonReportView, simCpuMicros: number, p1: RunFigures['parse1MB']): RunFigures {
  const hosts = report.plays.flatMap((p) => p.hosts);
  return runFigures({
    run, n, forks, latencyMs, wallMs,
    commandsPerHost: stats.linesEntered, hostTotalsMs: hosts.map((h) => h.timings.total ?? 0),
    statuses: hosts.map((h) => h.status), exitCode: metrics.exitCode,
    maxRssKB: metrics.maxRssKB, cpuMicros: metrics.cpuMicros, simCpuMicros,
    parse1MB: p1,
  });
}

function reportProblem(what: string, problem: string | null): void {
  if (!problem) return;
  process.stderr.write(`bench: ${what}: ${problem}\n`);
  process.exitCode = 1;
}

/** Why a run's figures do not stand for a healthy fleet (the lab has no faults), or null. */
function runProblem(f: RunFigures, leftInConfigMode: number): string | null {
  const expected = f.run === 'converge' ? 'changed' : 'ok';
  if (f.exitCode !== 0 || (f.recap[expected] ?? 0) !== f.n) return `exit ${f.exitCode}, recap ${JSON.stringify(f.recap)} (expected ${f.n} ${expected})`;
  if (leftInConfigMode > 0) return `${leftInConfigMode} session(s) closed in a config mode`;
  return null;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
