/**
 * The text printed on stdout at the end of a run: Ansible's PLAY RECAP, then for every host that
 * failed or was unreachable its error and diagnosis (cause, evidence, remedy), then the hosts that
 * were skipped and why. Pure: the caller passes the redactor and whether to colour.
 */
import { styleText } from 'node:util';
import type { Redactor } from '../redact';
import { checkFailed, type HostResult } from '../results/host-result';
import type { RunResult } from '../results/run-result';
import { hostStats, type HostStats } from './host-stats';

type Style = 'green' | 'yellow' | 'red' | 'bold';

function banner(title: string): string {
  return `${title} ${'*'.repeat(Math.max(3, 78 - title.length))}`;
}

function statsLine(host: string, s: HostStats, width: number): string {
  const f = (k: keyof HostStats): string => `${k}=${String(s[k]).padEnd(4)}`;
  return `${host.padEnd(width)} : ${f('ok')} ${f('changed')} ${f('unreachable')} ${f('failed')} ${f('skipped')}`.trimEnd();
}

function hostColor(s: HostStats): Style {
  if (s.unreachable || s.failed) return 'red';
  if (s.changed) return 'yellow';
  return 'green';
}

/** How the recap is rendered; every line passes through `redactor`. */
export interface RecapOptions {
  color?: boolean;
  redactor: Redactor;
}

export function renderRecap(run: Pick<RunResult, 'plays' | 'interrupted' | 'interruptedBy'>, options: RecapOptions): string {
  // Whether to colour is the caller's decision (useColor: TTY, NO_COLOR, FORCE_COLOR), so styleText
  // must not second-guess it from process.stdout.
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const all = run.plays.flatMap((p) => p.hosts);
  const stats = hostStats(all);
  const width = Math.max(26, ...[...stats.keys()].map((h) => h.length));
  const out: string[] = [banner('PLAY RECAP')];
  for (const [host, s] of stats) out.push(paint(hostColor(s), statsLine(host, s, width)));

  const bad = all.filter((r) => r.status === 'failed' || r.status === 'unreachable');
  if (bad.length) {
    out.push('', banner('FAILED HOSTS'));
    for (const r of bad) out.push(...failedHost(r, paint));
  }
  // --check on hosts that would change: their checks saw the switch before the change.
  const notApplicable = all.filter((r) => r.checks.some((c) => c.notApplicable !== undefined));
  if (notApplicable.length) {
    out.push('', banner('CHECKS NOT APPLICABLE (check mode: would change)'));
    for (const r of notApplicable) {
      const names = r.checks.filter((c) => c.notApplicable !== undefined).map((c) => c.name);
      out.push(`${r.host} (${r.play}): expected to fail before the change: ${names.join(', ')}`);
    }
  }
  const skipped = all.filter((r) => r.status === 'skipped');
  if (skipped.length) {
    out.push('', banner('SKIPPED HOSTS'));
    for (const r of skipped) out.push(`${r.host} (${r.play}): ${r.skipReason ?? 'skipped'}`);
  }
  if (run.interrupted) {
    const by = run.interruptedBy ?? 'Ctrl-C';
    const abandoned = all.filter((r) => r.abandoned).map((r) => r.host);
    out.push('', paint('red', `Interrupted (${by}, ${run.interrupted}): hosts not started are listed as skipped${abandoned.length ? `; abandoned in flight: ${abandoned.join(', ')}` : ''}.`));
  }
  return options.redactor.redact(`${out.join('\n')}\n`);
}

/**
 * A session lost after connecting: the step it was lost in, and whether anything that changes the
 * switch had gone out before — "UNREACHABLE at apply" alone does not say whether the switch changed.
 */
export function lossNote(r: HostResult): string | undefined {
  if (r.status !== 'unreachable' || r.abandoned || !r.error || r.error.step === 'connect') return undefined;
  const sent = r.commands;
  const what = sent.length
    ? `${sent.length} command${sent.length === 1 ? '' : 's'} that change the switch had been sent before (the last: "${sent[sent.length - 1]}")`
    : 'nothing that changes the switch had been sent';
  return `the connection was lost in the ${r.error.step} step; ${what}`;
}

function failedHost(r: HostResult, paint: (style: Style, t: string) => string): string[] {
  const lines: string[] = [];
  const where = r.error ? ` at ${r.error.step}` : '';
  const what = r.error?.message ?? r.checks.filter(checkFailed).map((c) => `${c.name}: ${c.message}`).join('; ');
  const status = r.abandoned ? 'ABANDONED' : r.status.toUpperCase();
  lines.push(paint('red', `${r.host} (${r.play}): ${status}${where}: ${what}`));
  const lost = lossNote(r);
  if (lost) lines.push(`  lost:     ${lost}`);
  for (const c of r.checks.filter(checkFailed)) {
    lines.push(`  ✗ ${c.name}: ${c.message}`);
    for (const e of c.evidence.slice(0, 5)) lines.push(`      ${e}`);
  }
  const d = r.diagnosis;
  if (d) {
    lines.push(`  cause:    ${paint('bold', d.cause)} — ${d.summary}`);
    if (d.evidence.length) {
      lines.push('  evidence:');
      for (const e of d.evidence) lines.push(`    ${e}`);
    }
    lines.push(`  remedy:   ${d.remedy}`);
  }
  if (r.rollback) lines.push(`  rolled back: ${r.rollback.length} lines; the owned config equals the backup ${r.backupPath ?? ''}`.trimEnd());
  return lines;
}
