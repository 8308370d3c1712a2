/**
 * `slp diagnose` results in the run report's shape, so one page renderer serves both: one play
 * "diagnose", a host ok when healthy, failed when a cause was found, unreachable when no session.
 */
import type { HostReport } from '../diagnose/fleet';
import type { Redactor } from '../redact';
import type { HostResult } from '../results/host-result';
import { hostStats } from './host-stats';
import { JSON_REPORT_VERSION, type JsonReport, type ReportShard } from './json-report';

export interface DiagnoseReportMeta {
  inventory: string;
  toolVersion: string;
  startedAt: Date;
  durationMs: number;
  exitCode: number;
  fleetHosts: string[][];
  shard?: ReportShard;
}

function asHostResult(r: HostReport): HostResult {
  const healthy = r.diagnosis?.cause === 'healthy';
  const status: HostResult['status'] = r.status === 'unreachable' ? 'unreachable' : healthy ? 'ok' : 'failed';
  const base: HostResult = {
    host: r.host, play: 'diagnose', batch: 1, status, changed: false, check: true, commands: [], before: [], after: [], checks: [],
    steps: [
      { step: 'connect', status: r.status === 'unreachable' ? 'unreachable' : 'ok' },
      ...(r.status === 'unreachable' ? [] : [{ step: 'diagnose' as const, status: status === 'ok' ? ('ok' as const) : ('failed' as const), ...(r.diagnosis ? { detail: r.diagnosis.cause } : {}) }]),
    ],
    timings: {},
  };
  if (r.diagnosis) base.diagnosis = { cause: r.diagnosis.cause, summary: r.diagnosis.summary, evidence: r.diagnosis.evidence, remedy: r.diagnosis.remedy };
  if (r.error) base.error = { name: r.status === 'unreachable' ? 'UnreachableError' : 'Error', code: r.status === 'unreachable' ? 'ERR_UNREACHABLE' : 'ERR_SLP', message: r.error, step: r.status === 'unreachable' ? 'connect' : 'diagnose' };
  return base;
}

export function diagnoseAsReport(reports: readonly HostReport[], meta: DiagnoseReportMeta, redactor: Redactor): JsonReport {
  const hosts = reports.map(asHostResult);
  return redactor.redactValue({
    version: JSON_REPORT_VERSION,
    tool: { name: 'slp-runner', version: meta.toolVersion },
    command: 'diagnose',
    playbook: null,
    inventory: meta.inventory,
    check: true,
    startedAt: meta.startedAt.toISOString(),
    durationMs: meta.durationMs,
    exitCode: meta.exitCode,
    interrupted: null,
    stats: Object.fromEntries(hostStats(hosts)),
    plays: [{ index: 0, name: 'diagnose', pattern: 'all', hosts }],
    events: [],
    digests: null,
    shard: meta.shard ?? null,
    fleetHosts: meta.fleetHosts,
  } satisfies JsonReport);
}
