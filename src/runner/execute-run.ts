/**
 * What `slp run`, `slp plan`, `slp apply`, `slp demo` and `slp diagnose` share once their input is
 * loaded: every output path checked, the progress display (and its heartbeat without a TTY),
 * Ctrl-C / SIGTERM / SIGHUP, running the plays, then the outputs — diffs and the recap on stdout,
 * the JSON and JUnit reports to their files — and the exit code. When a report goes to stdout
 * (`--json -`, `--junit -`), stdout carries that document only and the text goes to stderr.
 */
import { buildJsonReport, type ReportMeta } from '../report/json-report';
import { jsonDocument } from '../report/json-pieces';
import { renderHtmlReport } from '../report/html-report';
import { renderRecap } from '../report/recap';
import { checkOutputPaths, OutputPathError, type OutputPath } from '../report/output-paths';
import { writeReport } from '../report/write-report';
import { runExitCode } from '../results/exit-code';
import type { HostSteps, StepContext } from './host-steps';
import { DEFAULT_HEARTBEAT_MS, Heartbeat } from './heartbeat';
import { limitHeapGrowth } from './heap-growth';
import { Interrupt, type InterruptSource } from './interrupt';
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
  /** More paths the command will write (a plan file, an HTML report): checked with the others. */
  outputs?: OutputPath[];
  /** Heartbeat period without a TTY; default SLP_HEARTBEAT_MS from `env`, else 10 s. */
  heartbeatMs?: number;
}

export interface Executed {
  run: RunResult;
  exitCode: number;
  recap: string;
}

/** Every path the run will write, as the options name them. */
export function runOutputs(o: Pick<ExecuteOptions, 'json' | 'junit' | 'ctx' | 'outputs'>): OutputPath[] {
  const out: OutputPath[] = [];
  if (o.json) out.push({ flag: '--json', path: o.json, kind: 'file' });
  if (o.junit) out.push({ flag: '--junit', path: o.junit, kind: 'file' });
  if (o.ctx.logDir) out.push({ flag: '--log-dir', path: o.ctx.logDir, kind: 'folder' });
  // Backups are written before a change only: a dry run or a diagnosis needs no backup folder.
  if ((o.ctx.mode === 'run' || o.ctx.mode === 'apply') && !o.ctx.check) out.push({ flag: '--backup-dir', path: o.ctx.backupDir, kind: 'folder' });
  return [...out, ...(o.outputs ?? [])];
}

function heartbeatInterval(o: ExecuteOptions, env: NodeJS.ProcessEnv): number {
  if (o.heartbeatMs !== undefined) return o.heartbeatMs;
  const fromEnv = Number(env.SLP_HEARTBEAT_MS);
  return env.SLP_HEARTBEAT_MS && Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_HEARTBEAT_MS;
}

const PRESS: Record<InterruptSource, string> = { 'Ctrl-C': 'Ctrl-C', SIGTERM: 'SIGTERM received', SIGHUP: 'SIGHUP received (terminal closed)' };

export async function executeRun(o: ExecuteOptions): Promise<Executed> {
  limitHeapGrowth();
  const env = o.env ?? process.env;
  const stdout = o.stdout ?? process.stdout;
  const stderr = o.stderr ?? process.stderr;
  if (o.json === '-' && o.junit === '-') throw new OutputPathError('--junit', '-', 'stdout already carries the JSON report (--json -); write the JUnit XML to a file');
  // Before any host is touched: a report that cannot be written is found now, not after a change.
  checkOutputPaths(runOutputs(o));
  // With a report on stdout, stdout is that one document: everything for people goes to stderr.
  const machineStdout = o.json === '-' || o.junit === '-';
  const human = machineStdout ? stderr : stdout;
  const isTTY = human.isTTY === true;
  const renderer = selectRenderer({ env, isTTY });
  // The plain renderer prints a line per event: one write per loop turn instead (coalesced-stream.ts).
  const progressOut = renderer === 'verbose' ? coalesceWrites(stderr) : { stream: stderr, flush: () => undefined };
  const progress = new Progress(renderer, progressOut.stream);
  const heartbeat = renderer === 'verbose' ? new Heartbeat(progressOut.stream, heartbeatInterval(o, env)) : undefined;
  const observer = heartbeat
    ? (e: Parameters<typeof progress.observe>[0]): void => {
        progress.observe(e);
        heartbeat.observe(e);
      }
    : progress.observe;
  const interrupt = o.interrupt ?? new Interrupt();
  interrupt.onRequest((stage, by) => {
    stderr.write(
      stage === 'stop'
        ? `\n${PRESS[by]}: no new host will start; hosts in progress finish (Ctrl-C again to abandon them)\n`
        : `\n${PRESS[by]} again: abandoning the hosts in progress (their waits end, their sessions are closed; a push in progress finishes its line and leaves config mode first)\n`,
    );
  });
  const unlisten = interrupt.listen();
  // A closed terminal (SIGHUP) or a closed pipe must not kill the run before its reports are written.
  tolerateWriteErrors(stdout);
  tolerateWriteErrors(stderr);
  let run: RunResult;
  try {
    run = await runPlaybook(o.plays, {
      steps: o.steps, ctx: o.ctx, ...(o.forks ? { forks: o.forks } : {}), ...(o.maxSessions ? { maxSessions: o.maxSessions } : {}), interrupt,
      // Step details carry device text (errors, verify messages): redacted before they are shown.
      observer: (event) => observer(o.ctx.redactor.redactValue(event)),
    });
  } finally {
    unlisten();
    heartbeat?.stop();
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
  if (!o.quietRecap) out.push(recap);
  if (out.length) human.write(redactor.redact(out.join('\n')));
  const meta = { ...o.meta, exitCode };
  if (o.json || o.html) {
    const report = buildJsonReport(run, meta, redactor);
    if (o.json) writeReport(o.json, jsonDocument(report), stdout);
    if (o.html) writeReport(o.html, renderHtmlReport(report), stdout);
  }
  if (o.junit) {
    // Loaded when asked for: its XML builder is a tenth of every command's start-up time.
    const { renderJunitReport } = await import('../report/junit-report');
    writeReport(o.junit, renderJunitReport(run, redactor), stdout);
  }
  return { run, exitCode, recap };
}

const tolerant = new WeakSet<NodeJS.WritableStream>();

/** Once per stream (a process runs several plays' worth of runs in the demo and in tests). */
function tolerateWriteErrors(stream: NodeJS.WritableStream): void {
  if (tolerant.has(stream)) return;
  tolerant.add(stream);
  stream.on('error', () => undefined);
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
