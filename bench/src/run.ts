/**
 * `npm run bench`: the simulated lab with N switches (default 100 and 1,000) at 20 ms per command,
 * the shipped day-0 playbook through the real `slp run` twice (converge, then idempotent), one JSON
 * object per run on stdout and written to bench/results/<start time>.jsonl. See bench/README.md.
 *
 *   node dist-bench/bench/src/run.js [--sizes 100:100,1000:25,1000:100] [--latency 20]     (N:forks pairs)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { runFigures, type RunFigures } from './figures';
import { LAB_CREDENTIALS, LAB_TOKEN, writeBenchLab } from './lab';
import { fetchTechSupport, ONE_MB, repeatToSize, timeParseInChild } from './parse-1mb';
import type { RunnerMetrics } from './runner-child';
import type { SimStats } from './sim-child';

const ROOT = path.join(__dirname, '..', '..', '..');
const DEFAULT_SIZES = '100:100,1000:25,1000:100';

interface Options {
  sizes: { n: number; forks: number }[];
  latencyMs: number;
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
  return { sizes, latencyMs: Number(get('--latency', '20')) };
}

/** The simulator child with a JSON-lines conversation on its stdin/stdout. */
class SimChild {
  private lines: AsyncIterator<string>;
  private constructor(private readonly child: ChildProcess) {
    this.lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  }
  static async start(n: number, latencyMs: number): Promise<{ sim: SimChild; ports: number[] }> {
    const child = spawn(process.execPath, [path.join(__dirname, 'sim-child.js'), String(n), String(latencyMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const sim = new SimChild(child);
    const { ports } = (await sim.next()) as { ports: number[] };
    return { sim, ports };
  }
  private async next(): Promise<unknown> {
    const r = await this.lines.next();
    if (r.done) throw new Error('the simulator child exited early');
    return JSON.parse(r.value);
  }
  async stats(): Promise<SimStats> {
    this.child.stdin!.write('stats\n');
    return (await this.next()) as SimStats;
  }
  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end('stop\n');
    await exited;
  }
}

/**
 * One `slp run` in its own process; returns its metrics and its JSON report. Wall time is taken
 * here, from spawn to exit, so it includes what a user waits for before `main` runs (Node start,
 * module load) and after it returns.
 */
async function runOnce(dir: string, lab: { inventory: string; playbook: string }, forks: number, tag: string): Promise<{ metrics: RunnerMetrics; wallMs: number; report: JsonReportView }> {
  const metricsFile = path.join(dir, `${tag}.metrics.json`);
  const reportFile = path.join(dir, `${tag}.report.json`);
  const args = [path.join(__dirname, 'runner-child.js'), metricsFile, 'run', '-i', lab.inventory, lab.playbook,
    '--forks', String(forks), '--json', reportFile, '--backup-dir', path.join(dir, 'backups')];
  // Profiling the runner alone: SLP_BENCH_RUNNER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.SLP_BENCH_RUNNER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SLP_IDTOKEN: LAB_TOKEN } });
  let stderrTail = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderrTail = (stderrTail + d.toString()).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let metrics: RunnerMetrics;
  try {
    metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as RunnerMetrics;
  } catch {
    throw new Error(`slp run exited ${code} without metrics:\n${stderrTail}`);
  }
  let report: JsonReportView;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReportView;
  } catch {
    throw new Error(`slp run exited ${code} without a JSON report:\n${stderrTail}`);
  }
  return { metrics, wallMs, report };
}

/** The parts of the --json report the benchmark reads. */
interface JsonReportView {
  plays: { hosts: { host: string; status: string; timings: Record<string, number> }[] }[];
}

function machine(): Record<string, unknown> {
  return { nproc: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown', memGB: Number((os.totalmem() / 2 ** 30).toFixed(1)), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString();
  // One file per invocation (`2026-11-28T08-30-00Z.jsonl`): the figures quoted in bench/README.md
  // then come from exactly one run, never a mix of runs appended to a day's file.
  const resultsFile = path.join(resultsDir, `${stamp.slice(0, 19).replace(/:/g, '-')}Z.jsonl`);
  let parse1MB: RunFigures['parse1MB'] = null;
  for (const { n, forks } of options.sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `slp-bench-${n}-`));
    const { sim, ports } = await SimChild.start(n, options.latencyMs);
    try {
      const lab = writeBenchLab(dir, ports, path.join(ROOT, 'playbooks', 'day0.yaml'));
      let simCpuBefore = (await sim.stats()).cpuMicros;
      for (const run of ['converge', 'idempotent'] as const) {
        const { metrics, wallMs, report } = await runOnce(dir, lab, forks, run);
        const stats = await settledStats(sim);
        if (run === 'idempotent' && parse1MB === null) {
          parse1MB = timeParseInChild(repeatToSize(await fetchTechSupport(ports[0]!, LAB_CREDENTIALS), ONE_MB));
        }
        const hosts = report.plays.flatMap((p) => p.hosts);
        const figures = runFigures({
          run, n, forks, latencyMs: options.latencyMs, wallMs,
          commandsPerHost: stats.linesEntered, hostTotalsMs: hosts.map((h) => h.timings.total ?? 0),
          statuses: hosts.map((h) => h.status), exitCode: metrics.exitCode,
          maxRssKB: metrics.maxRssKB, cpuMicros: metrics.cpuMicros, simCpuMicros: stats.cpuMicros - simCpuBefore,
          parse1MB: run === 'idempotent' ? parse1MB : null,
        });
        simCpuBefore = stats.cpuMicros;
        const line = { at: stamp, ...figures, leftInConfigMode: stats.leftInConfigMode, machine: machine() };
        process.stdout.write(`${JSON.stringify(line)}\n`);
        appendFileSync(resultsFile, `${JSON.stringify(line)}\n`);
        const problem = runProblem(figures, stats.leftInConfigMode);
        if (problem) {
          process.stderr.write(`bench: ${n}:${forks} ${run}: ${problem}\n`);
          process.exitCode = 1;
        }
      }
    } finally {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stderr.write(`results appended to ${path.relative(process.cwd(), resultsFile)}\n`);
}

/** Why a run's figures do not stand for a healthy fleet (the lab has no faults), or null. */
function runProblem(f: RunFigures, leftInConfigMode: number): string | null {
  const expected = f.run === 'converge' ? 'changed' : 'ok';
  if (f.exitCode !== 0 || (f.recap[expected] ?? 0) !== f.n) return `exit ${f.exitCode}, recap ${JSON.stringify(f.recap)} (expected ${f.n} ${expected})`;
  if (leftInConfigMode > 0) return `${leftInConfigMode} session(s) closed in a config mode`;
  return null;
}

/** Sessions close on the switch a moment after the runner hangs up: wait (bounded) until none is open. */
async function settledStats(sim: SimChild): Promise<SimStats> {
  const first = await sim.stats();
  let open = first.openSessions;
  for (let i = 0; i < 50 && open > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const s = await sim.stats();
    open = s.openSessions;
    first.leftInConfigMode = s.leftInConfigMode; // cumulative over the fleet's life
    first.cpuMicros = s.cpuMicros;
    s.linesEntered.forEach((x, j) => (first.linesEntered[j]! += x));
  }
  first.openSessions = open;
  return first;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
