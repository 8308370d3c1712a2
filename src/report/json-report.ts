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
  interruptedBy: NonNullable<RunResult['interruptedBy']> | null;
  stats: Record<string, HostStats>;
  plays: RunResult['plays'];
  events: RunResult['events'];
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
  };
  return redactor.redactValue(report);
}

export function renderJsonReport(run: RunResult, meta: ReportMeta, redactor: Redactor): string {
  return `${JSON.stringify(buildJsonReport(run, meta, redactor), null, 2)}\n`;
}
