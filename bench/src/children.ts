/**
 * The benchmark's two child processes: the simulated fleet (sim-child.js, JSON lines on its
 * stdin/stdout) and one `slp run` (runner-child.js), each measured on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { LAB_TOKEN } from './lab';
import type { BenchProfile } from './profile';
import type { RunnerMetrics } from './runner-child';
import type { SimStats } from './sim-child';

/** The simulator child with a JSON-lines conversation on its stdin/stdout. */
export class SimChild {
  private lines: AsyncIterator<string>;
  private constructor(private readonly child: ChildProcess) {
    this.lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  }
  get pid(): number {
    return this.child.pid!;
  }
  static async start(n: number, latencyMs: number, profile: BenchProfile = 'fast'): Promise<{ sim: SimChild; ports: number[] }> {
    // Profiling the simulated fleet: SLP_BENCH_SIM_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-sim".
    const nodeArgs = (process.env.SLP_BENCH_SIM_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, 'sim-child.js'), String(n), String(latencyMs), profile], { stdio: ['pipe', 'pipe', 'inherit'] });
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
export async function runOnce(dir: string, lab: { inventory: string; playbook: string }, forks: number, tag: string, extra: string[] = [], cli?: string): Promise<{ metrics: RunnerMetrics; wallMs: number; report: JsonReportView }> {
  const metricsFile = path.join(dir, `${tag}.metrics.json`);
  const reportFile = path.join(dir, `${tag}.report.json`);
  const args = [path.join(__dirname, 'runner-child.js'), metricsFile, 'run', '-i', lab.inventory, lab.playbook,
    '--forks', String(forks), '--json', reportFile, '--backup-dir', path.join(dir, 'backups'), ...extra];
  // Profiling the runner alone: SLP_BENCH_RUNNER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.SLP_BENCH_RUNNER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SLP_IDTOKEN: LAB_TOKEN, ...(cli ? { SLP_BENCH_CLI: cli } : {}) } });
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
export interface JsonReportView {
  plays: { hosts: { host: string; status: string; timings: Record<string, number> }[] }[];
}

export function machine(): Record<string, unknown> {
  return { nproc: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown', memGB: Number((os.totalmem() / 2 ** 30).toFixed(1)), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** Sessions close on the switch a moment after the runner hangs up: wait (bounded) until none is open. */
export async function settledStats(sim: SimChild): Promise<SimStats> {
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

