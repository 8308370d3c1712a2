/**
 * What `slp run`, `slp plan`, `slp apply`, `slp demo` and `slp diagnose` share once their input is loaded: the
 * progress display, Ctrl-C, running the plays, then the outputs — diffs and the recap on stdout,
 * the JSON and JUnit reports to their files — and the exit code.
 */
import { buildJsonReport, type ReportMeta } from '../report/json-report';
import { renderHtmlReport } from '../report/html-report';
import { renderJunitReport } from '../report/junit-report';
import { renderRecap } from '../report/recap';
import { writeReport } from '../report/write-report';
import { runExitCode } from '../results/exit-code';
import type { HostSteps, StepContext } from './host-steps';
import { Interrupt } from './interrupt';
import { coalesceWrites } from './coalesced-stream';
import { Progress } from './progress';
import type { RunResult } from '../results/run-result';
import { runPlaybook, type RunnerPlay } from './run-playbook';
import { selectRenderer, useColor } from './select-renderer';

export interface ExecuteOptions {
  plays: RunnerPlay[];
  steps: HostSteps;
  ctx: StepContext;
  forks?: number;
  /** `--max-sessions`: open sessions at once, waiting hosts included (runPlaybook's default otherwise). */
  maxSessions?: number;
  json?: string;
  junit?: string;
  /** The fleet report page (src/report/html-report.ts), built from the JSON report. */
  html?: string;
  verbosity?: number;
  meta: Omit<ReportMeta, 'exitCode'>;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  /** Do not print the recap (the demo prints its own summary after it). */
  quietRecap?: boolean;
  /**
   * What goes on stdout instead of the recap (`slp diagnose`: one block per host). With it,
   * `--json -` prints the JSON report instead of the text, so stdout is one JSON document.
   */
  text?: (run: RunResult) => string;
  /** Ctrl-C handling; SIGINT is routed to it during the run. Tests pass their own to press Ctrl-C. */
  interrupt?: Interrupt;
}

export interface Executed {
  run: RunResult;
  exitCode: number;
  recap: string;
}

export async function executeRun(o: ExecuteOptions): Promise<Executed> {
  const env = o.env ?? process.env;
  const stdout = o.stdout ?? process.stdout;
  const stderr = o.stderr ?? process.stderr;
  const isTTY = stdout.isTTY === true;
  const renderer = selectRenderer({ env, isTTY });
  // The plain renderer prints a line per event: one write per loop turn instead (coalesced-stream.ts).
  const progressOut = renderer === 'verbose' ? coalesceWrites(stderr) : { stream: stderr, flush: () => undefined };
  const progress = new Progress(renderer, progressOut.stream);
  const interrupt = o.interrupt ?? new Interrupt();
  interrupt.onRequest((stage) => {
    stderr.write(
      stage === 'stop'
        ? '\nCtrl-C: no new host will start; hosts in progress finish (Ctrl-C again to abandon them)\n'
        : '\nCtrl-C again: abandoning the hosts in progress (their sessions are closed)\n',
    );
  });
  const unlisten = interrupt.listen();
  let run: RunResult;
  try {
    run = await runPlaybook(o.plays, {
      steps: o.steps, ctx: o.ctx, ...(o.forks ? { forks: o.forks } : {}), ...(o.maxSessions ? { maxSessions: o.maxSessions } : {}), observer: progress.observe, interrupt,
    });
  } finally {
    unlisten();
    await progress.finish();
    progressOut.flush();
  }
  const exitCode = runExitCode(run);
  const redactor = o.ctx.redactor;
  const out: string[] = [];
  if (o.ctx.diff) {
    for (const h of run.plays.flatMap((p) => p.hosts)) if (h.diff) out.push(h.diff.endsWith('\n') ? h.diff : `${h.diff}\n`);
  }
  if ((o.verbosity ?? 0) > 0) out.push(stepLines(run, o.verbosity ?? 0));
  const recap = o.text ? o.text(run) : renderRecap(run, { redactor, color: useColor({ env, isTTY }) });
  if (!o.quietRecap && !(o.text && o.json === '-')) out.push(recap);
  if (out.length) stdout.write(redactor.redact(out.join('\n')));
  const meta = { ...o.meta, exitCode };
  if (o.json || o.html) {
    const report = buildJsonReport(run, meta, redactor);
    if (o.json) writeReport(o.json, `${JSON.stringify(report, null, 2)}\n`, stdout);
    if (o.html) writeReport(o.html, renderHtmlReport(report), stdout);
  }
  if (o.junit) writeReport(o.junit, renderJunitReport(run, redactor), stdout);
  return { run, exitCode, recap };
}

/** -v: every host's steps; -vv: also the commands sent. */
function stepLines(run: RunResult, verbosity: number): string {
  const lines: string[] = [];
  for (const play of run.plays) {
    lines.push(`PLAY [${play.name}]`);
    for (const h of play.hosts) {
      lines.push(`  ${h.host}: ${h.status}${h.skipReason ? ` (${h.skipReason})` : ''}`);
      for (const s of h.steps) lines.push(`    ${s.step.padEnd(8)} ${s.status}${s.detail ? ` — ${s.detail}` : ''}${s.ms !== undefined ? ` (${s.ms} ms)` : ''}`);
      for (const c of h.checks) lines.push(`    ${c.passed ? '✓' : c.notApplicable !== undefined ? '–' : '✗'} ${c.name}: ${c.message}`);
      if (verbosity > 1) for (const c of h.commands) lines.push(`    > ${c}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
