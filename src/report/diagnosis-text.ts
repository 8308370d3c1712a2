/**
 * `slp diagnose` on stdout: one block per host for people (cause, evidence lines, remedy, and the
 * capture and debugs when asked for), then one recap line. Read off the run's HostResults, as the
 * PLAY RECAP of `slp run`; everything passes through the redactor (the history message and logs
 * can carry a trust token in clear text).
 */
import type { Redactor } from '../redact';
import type { HostResult } from '../results/host-result';
import type { RunResult } from '../results/run-result';

function captureLines(r: HostResult): string[] {
  const c = r.capture;
  if (!c) return [];
  return [
    c.file
      ? `  capture: ${c.file} (port ${c.port}, next hop ${c.nextHop}${c.mac ? ` ${c.mac}` : ''})`
      : `  capture: failed: ${c.error}`,
    `  capture point removed: ${c.cleanedUp ? 'yes' : 'NO — run "no monitor capture SLPCAP"'}`,
  ];
}

function debugLines(r: HostResult): string[] {
  const g = r.debugs;
  if (!g) return [];
  return [
    `  debugs: ${g.enabled.length} on for ${g.seconds}s, ${g.lines.length} line(s); undebug all: ${g.turnedOff ? 'done' : 'FAILED'}`,
    ...g.refused.map((x) => `    refused: ${x.command}: ${x.reason}`),
    ...g.lines.map((l) => `    ${l}`),
  ];
}

export function formatDiagnosisBlock(r: HostResult): string {
  const out: string[] = [];
  const d = r.diagnosis;
  if (!d) {
    out.push(`${r.host}: ${r.status.toUpperCase()}: ${r.error?.message ?? r.skipReason ?? 'no diagnosis'}`);
  } else {
    out.push(`${r.host}: ${d.cause} — ${d.summary}`);
    if (d.evidence.length) out.push('  evidence:', ...d.evidence.map((l) => `    ${l}`));
    out.push(`  remedy: ${d.remedy}`);
    if (d.notInCapture?.length) out.push(`  not in the capture: ${d.notInCapture.join(', ')}`);
    if (r.error) out.push(`  error: ${r.error.message}`);
  }
  out.push(...captureLines(r), ...debugLines(r));
  return out.join('\n');
}

export function renderDiagnosisText(run: Pick<RunResult, 'plays'>, redactor: Redactor): string {
  const hosts = run.plays.flatMap((p) => p.hosts);
  const count = (pred: (r: HostResult) => boolean): number => hosts.filter(pred).length;
  const healthy = count((r) => r.diagnosis?.cause === 'healthy');
  const unreachable = count((r) => r.status === 'unreachable');
  const recap = `recap: ${hosts.length} host(s): ${healthy} healthy, ${hosts.length - healthy - unreachable} with a cause, ${unreachable} unreachable`;
  return redactor.redact(`${[...hosts.map(formatDiagnosisBlock), recap].join('\n\n')}\n`);
}
