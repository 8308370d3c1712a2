/**
 * The simulated fleet for the benchmark, in its own process so the runner's RSS and CPU are
 * measured apart from the switches'. Speaks JSON lines: prints `{ports}` once the fleet listens,
 * then answers `stats` (lines each switch received since the last `stats`, open sessions, CPU)
 * and `stop` on stdin.
 *
 *   node dist-bench/bench/src/sim-child.js <count> <latencyMs> [fast|realistic]
 */
import { createInterface } from 'node:readline';
import { startFleet, type SimDeviceSpec } from '../../src/simulator';
import { LAB_CREDENTIALS, benchHostName } from './lab';
import { deviceTimings, type BenchProfile } from './profile';

/** Counters the simulator child reports on `stats`. */
export interface SimStats {
  /** Lines entered at each switch's CLI since the previous `stats`, in host order. */
  linesEntered: number[];
  /** Sessions still open, and (since the fleet started) sessions the client left in a config mode. */
  openSessions: number;
  leftInConfigMode: number;
  cpuMicros: number;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  const latencyMs = Number(process.argv[3]);
  const profile = (process.argv[4] ?? 'fast') as BenchProfile;
  const specs: SimDeviceSpec[] = Array.from({ length: count }, (_, i) => ({
    name: benchHostName(i),
    port: 0,
    credentials: { ...LAB_CREDENTIALS },
    sim: { latency_ms: latencyMs, ...deviceTimings(profile, i) },
  }));
  // fast: trust and sync results land at once: the floor counts command latency only, so
  // device-side waits would blur what the runner costs. realistic: each switch has its own
  // seconds-long delays (deviceTimings), which override this.
  const fleet = await startFleet(specs, { asyncDelayMs: 0 });
  const names = specs.map((s) => s.name);
  const seen = new Map<string, number>();
  const send = (value: unknown): void => {
    process.stdout.write(`${JSON.stringify(value)}\n`);
  };
  send({ ports: names.map((n) => fleet.hosts[n]!.port) });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'stats') {
      const stats: SimStats = { linesEntered: [], openSessions: 0, leftInConfigMode: 0, cpuMicros: 0 };
      for (const name of names) {
        const d = fleet.device(name).state;
        stats.linesEntered.push(d.linesEntered - (seen.get(name) ?? 0));
        seen.set(name, d.linesEntered);
        stats.openSessions += d.sessions.size;
        stats.leftInConfigMode += d.closedSessions.filter((s) => s.by === 'client' && s.mode.startsWith('config')).length;
      }
      const u = process.resourceUsage();
      stats.cpuMicros = u.userCPUTime + u.systemCPUTime;
      send(stats);
    } else if (line === 'stop') break;
  }
  await fleet.stop();
  process.exit(0);
}

void main().catch((error: unknown) => {
  process.stderr.write(`sim-child: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
