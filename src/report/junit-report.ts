/**
 * JUnit XML as Jenkins and GitLab read it: one <testsuite> per play, one <testcase> per host
 * (failure = the host's error and diagnosis; error = unreachable; skipped = not run) and one per
 * assertion (failure = its message and evidence lines). Redacted before it is built.
 */
import { create } from 'xmlbuilder2';
import type { Redactor } from '../redact';
import { checkFailed, type HostResult } from '../results/host-result';
import type { RunResult } from '../results/run-result';

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

interface Case {
  classname: string;
  name: string;
  time: string;
  failure?: { message: string; type: string; text: string };
  error?: { message: string; type: string; text: string };
  skipped?: string;
}

function hostCase(suite: string, r: HostResult): Case {
  const base: Case = { classname: suite, name: r.host, time: seconds(r.timings.total) };
  if (r.status === 'skipped') return { ...base, skipped: r.skipReason ?? 'skipped' };
  const body: string[] = [];
  for (const s of r.steps) body.push(`${s.step}: ${s.status}${s.detail ? ` — ${s.detail}` : ''}`);
  if (r.diagnosis) {
    body.push('', `cause: ${r.diagnosis.cause} — ${r.diagnosis.summary}`, ...r.diagnosis.evidence.map((e) => `  ${e}`), `remedy: ${r.diagnosis.remedy}`);
  }
  const failedChecks = r.checks.filter(checkFailed);
  const message = r.error?.message ?? failedChecks.map((c) => `${c.name}: ${c.message}`).join('; ');
  if (r.status === 'unreachable') return { ...base, error: { message, type: r.abandoned ? 'Abandoned' : r.error?.name ?? 'Unreachable', text: body.join('\n') } };
  if (r.status === 'failed') return { ...base, failure: { message, type: r.error?.name ?? 'VerifyFailed', text: body.join('\n') } };
  return base;
}

function checkCases(suite: string, r: HostResult): Case[] {
  return r.checks.map((c) => {
    const base: Case = { classname: `${suite}.${r.host}`, name: c.name, time: seconds(c.elapsedMs) };
    if (c.passed) return base;
    // --check on a host that would change: the check saw the switch before the change.
    if (c.notApplicable !== undefined) return { ...base, skipped: `${c.notApplicable}: ${c.message}` };
    return { ...base, failure: { message: c.message, type: 'AssertionFailed', text: c.evidence.join('\n') } };
  });
}

export function renderJunitReport(run: RunResult, redactor: Redactor): string {
  const safe = redactor.redactValue(run);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'slp-runner', time: seconds(safe.durationMs) });
  let total = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const play of safe.plays) {
    const cases = play.hosts.flatMap((h) => [hostCase(play.name, h), ...checkCases(play.name, h)]);
    const f = cases.filter((c) => c.failure).length;
    const e = cases.filter((c) => c.error).length;
    const s = cases.filter((c) => c.skipped !== undefined).length;
    const suite = root.ele('testsuite', {
      name: play.name, tests: cases.length, failures: f, errors: e, skipped: s,
      // Each play its own start and duration (CI systems show suites on a timeline).
      time: seconds(play.durationMs ?? play.hosts.reduce((sum, h) => Math.max(sum, h.timings.total ?? 0), 0)),
      timestamp: play.startedAt ?? safe.startedAt,
    });
    for (const c of cases) {
      const tc = suite.ele('testcase', { classname: c.classname, name: c.name, time: c.time });
      if (c.failure) tc.ele('failure', { message: c.failure.message, type: c.failure.type }).txt(c.failure.text);
      if (c.error) tc.ele('error', { message: c.error.message, type: c.error.type }).txt(c.error.text);
      if (c.skipped !== undefined) tc.ele('skipped', { message: c.skipped });
    }
    total += cases.length;
    failures += f;
    errors += e;
    skipped += s;
  }
  // Jenkins and GitLab read the totals from <testsuites>: tests, failures, errors, skipped, time.
  root.att({ tests: String(total), failures: String(failures), errors: String(errors), skipped: String(skipped) });
  return `${root.end({ prettyPrint: true })}\n`;
}
