/**
 * The `--json` report: every host of every play, with plan, commands, assertion results,
 * diagnosis and timings, the recap counters, and the run's events (batch order is visible there).
 * The shape is documented in docs/runner.md; every string passes through the redactor.
 */
import type { Redactor } from '../redact';
import type { RunResult } from '../results/run-result';
import { hostStats, type HostStats } from './host-stats';

export const JSON_REPORT_VERSION = 1;

/** What the JSON report says about the run itself (command, files, tool version). */
export interface ReportMeta {
  command: 'run' | 'plan' | 'apply' | 'demo' | 'diagnose';
  playbook?: string;
  inventory: string;
  toolVersion: string;
  exitCode: number;
  diff?: boolean;
  /** sha256 of the input files: `slp report merge` refuses to mix reports of different ones. */
  digests?: ReportDigests;
  shard?: ReportShard;
  /** Per play, every host it targets before sharding (after --limit). */
  fleetHosts?: string[][];
}

/** `sha256:<hex>` of each input file as read. `playbook` is the plan file for `slp apply`. */
export interface ReportDigests {
  playbook: string | null;
  inventory: string;
}

/** The shard this report covers; absent = the whole (limited) fleet. */
export interface ReportShard {
  index: number;
  total: number;
  by: string | null;
}

/** The `--json` report: run metadata, every host result and the recap counters. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: 'slp-runner'; version: string };
  command: ReportMeta['command'];
  playbook: string | null;
  inventory: string;
  check: boolean;
  startedAt: string;
  durationMs: number;
  exitCode: number;
  interrupted: RunResult['interrupted'];
  /** The key or signal that interrupted the run (`Ctrl-C`, `SIGTERM`, `SIGHUP`), when one did. */
  interruptedBy: RunResult['interruptedBy'];
  stats: Record<string, HostStats>;
  plays: RunResult['plays'];
  events: RunResult['events'];
  digests: ReportDigests | null;
  shard: ReportShard | null;
  /** Per play, the hosts before sharding: what a merge of every shard must hold. */
  fleetHosts: string[][] | null;
  /** Set by `slp report merge`: the reports it read. */
  mergedFrom?: { file: string; shard: ReportShard | null; hosts: number }[];
}

export function buildJsonReport(run: RunResult, meta: ReportMeta, redactor: Redactor): JsonReport {
  const stats = Object.fromEntries(hostStats(run.plays.flatMap((p) => p.hosts)));
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'slp-runner', version: meta.toolVersion },
    command: meta.command,
    playbook: meta.playbook ?? null,
    inventory: meta.inventory,
    check: run.check,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    exitCode: meta.exitCode,
    interrupted: run.interrupted,
    interruptedBy: run.interruptedBy ?? null,
    stats,
    plays: run.plays,
    events: run.events,
    digests: meta.digests ?? null,
    shard: meta.shard ?? null,
    fleetHosts: meta.fleetHosts ?? null,
  };
  return redactor.redactValue(report);
}
