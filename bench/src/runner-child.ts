/**
 * Runs the real CLI (`slp …`, the same `main` as bin/slp.js) in a process of its own and, when it
 * ends, writes what the process cost: peak RSS and CPU (the parent times the wall). The benchmark
 * reads the file.
 *
 *   node dist-bench/bench/src/runner-child.js <metrics.json> run -i inventory.yaml day0.yaml --forks 100 …
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

// The shipped build (dist/, what bin/slp.js runs; `npm run bench` builds it first), not a second
// compile of src/ under dist-bench/, where the CLI's `require('../package.json')` finds nothing.
// SLP_BENCH_CLI: another build's dist/cli.js (`--baseline`), to compare two builds in one run.
const cli = process.env.SLP_BENCH_CLI || path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const { main } = require(cli) as typeof import('../../src/cli');

/** What the runner child reports about its own run: exit code, peak memory and CPU. */
export interface RunnerMetrics {
  exitCode: number;
  maxRssKB: number;
  cpuMicros: number;
}

async function runChild(): Promise<void> {
  const [metricsFile, ...args] = process.argv.slice(2);
  const exitCode = await main([process.argv[0]!, 'slp', ...args]);
  const u = process.resourceUsage();
  const metrics: RunnerMetrics = { exitCode, maxRssKB: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime };
  writeFileSync(metricsFile!, JSON.stringify(metrics));
  process.exitCode = exitCode;
}

void runChild();
