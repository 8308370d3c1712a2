/**
 * The benchmark's arithmetic, pure so it is tested on its own: percentiles, the floor a perfect
 * runner could not beat, and the one JSON object printed per run.
 */

/** Nearest-rank percentile (p in 0–100) of unsorted numbers; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * The floor: a host's commands run one after another (one SSH session), each costing the
 * simulated latency; `forks` hosts run at once, so ceil(N / forks) hosts follow each other on the
 * busiest lane. Commands are the lines the switch received, counted by the simulator; the
 * critical path is the host that received the most.
 */
export function floorSeconds(criticalPathCommands: number, latencyMs: number, hosts: number, forks: number): number {
  return (criticalPathCommands * latencyMs * Math.ceil(hosts / Math.max(1, forks))) / 1000;
}

/** The one JSON object the benchmark prints per run. */
export interface RunFigures {
  run: 'converge' | 'idempotent';
  n: number;
  forks: number;
  latencyMs: number;
  wallSeconds: number;
  floorSeconds: number;
  wallOverFloor: number;
  /** Lines one host's switch received (max = the critical path; median for comparison). */
  commandsPerHost: { max: number; median: number };
  hostSeconds: { p50: number | null; p99: number | null };
  recap: Record<string, number>;
  exitCode: number;
  /** CPU per host too, so runs of different sizes compare; the simulator's apart from the runner's. */
  runner: { peakRssMB: number; cpuSeconds: number; cpuMsPerHost: number };
  simulator: { cpuSeconds: number; cpuMsPerHost: number };
  parse1MB: { bytes: number; bestMs: number; medianMs: number } | null;
}

/** Raw measurements of one run, before `runFigures` turns them into figures. */
export interface RunInput {
  run: RunFigures['run'];
  n: number;
  forks: number;
  latencyMs: number;
  wallMs: number;
  commandsPerHost: readonly number[];
  hostTotalsMs: readonly number[];
  statuses: readonly string[];
  exitCode: number;
  maxRssKB: number;
  cpuMicros: number;
  simCpuMicros: number;
  parse1MB: RunFigures['parse1MB'];
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

export function runFigures(i: RunInput): RunFigures {
  const max = i.commandsPerHost.length ? Math.max(...i.commandsPerHost) : 0;
  const floor = floorSeconds(max, i.latencyMs, i.n, i.forks);
  const recap: Record<string, number> = {};
  for (const s of i.statuses) recap[s] = (recap[s] ?? 0) + 1;
  const p = (q: number): number | null => {
    const v = percentile(i.hostTotalsMs, q);
    return v === null ? null : round(v / 1000, 3);
  };
  return {
    run: i.run,
    n: i.n,
    forks: i.forks,
    latencyMs: i.latencyMs,
    wallSeconds: round(i.wallMs / 1000),
    floorSeconds: round(floor),
    wallOverFloor: floor > 0 ? round(i.wallMs / 1000 / floor) : 0,
    commandsPerHost: { max, median: percentile(i.commandsPerHost, 50) ?? 0 },
    hostSeconds: { p50: p(50), p99: p(99) },
    recap,
    exitCode: i.exitCode,
    runner: { peakRssMB: round(i.maxRssKB / 1024, 1), cpuSeconds: round(i.cpuMicros / 1e6), cpuMsPerHost: round(i.cpuMicros / 1000 / Math.max(1, i.n), 1) },
    simulator: { cpuSeconds: round(i.simCpuMicros / 1e6), cpuMsPerHost: round(i.simCpuMicros / 1000 / Math.max(1, i.n), 1) },
    parse1MB: i.parse1MB,
  };
}
