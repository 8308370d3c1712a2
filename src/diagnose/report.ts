/**
 * `slp diagnose` output: one block per host for people (cause, evidence lines, remedy) and a JSON
 * document for machines. Both pass through the Redactor: the history message and logs can carry a
 * trust token in clear text.
 */
import type { Redactor } from '../redact';
import type { HostReport } from './fleet';

function formatHostReport(r: HostReport): string {
  const out: string[] = [];
  if (r.status !== 'diagnosed' || !r.diagnosis) {
    out.push(`${r.host}: ${r.status.toUpperCase()}: ${r.error ?? 'no diagnosis'}`);
  } else {
    const d = r.diagnosis;
    out.push(`${r.host}: ${d.cause} — ${d.summary}`);
    if (d.evidence.length) out.push('  evidence:', ...d.evidence.map((l) => `    ${l}`));
    out.push(`  remedy: ${d.remedy}`);
    if (r.error) out.push(`  error: ${r.error}`);
  }
  if (r.capture) {
    const c = r.capture;
    out.push(
      c.file
        ? `  capture: ${c.file} (port ${c.port}, next hop ${c.nextHop}${c.mac ? ` ${c.mac}` : ''})`
        : `  capture: failed: ${c.error}`,
      `  capture point removed: ${c.cleanedUp ? 'yes' : 'NO — run "no monitor capture SLPCAP"'}`,
    );
  }
  if (r.debugs) {
    const g = r.debugs;
    out.push(`  debugs: ${g.enabled.length} on for ${g.seconds}s, ${g.lines.length} line(s); undebug all: ${g.turnedOff ? 'done' : 'FAILED'}`);
    for (const x of g.refused) out.push(`    refused: ${x.command}: ${x.reason}`);
    for (const l of g.lines) out.push(`    ${l}`);
  }
  return out.join('\n');
}

export function formatReports(reports: readonly HostReport[], redactor: Redactor): string {
  const count = (pred: (r: HostReport) => boolean): number => reports.filter(pred).length;
  const healthy = count((r) => r.diagnosis?.cause === 'healthy');
  const unreachable = count((r) => r.status === 'unreachable');
  const recap = `recap: ${reports.length} host(s): ${healthy} healthy, ${reports.length - healthy - unreachable} with a cause, ${unreachable} unreachable`;
  return redactor.redact(`${[...reports.map(formatHostReport), recap].join('\n\n')}\n`);
}

export function reportsJson(reports: readonly HostReport[], redactor: Redactor, now: Date): string {
  return `${JSON.stringify(redactor.redactValue({ version: 1, createdAt: now.toISOString(), hosts: reports }), null, 2)}\n`;
}
