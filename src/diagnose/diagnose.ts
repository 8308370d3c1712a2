/**
 * Automated troubleshooting (seed "Troubleshooting" steps 1–5): gather what the guide looks at,
 * then walk DIAGNOSIS_RULES. `diagnose()` is pure (evidence → one cause with its proof and
 * remedy); `diagnoseHost()` does the gathering over a Device.
 */
import type { Device } from '../device/device';
import { SYSTEM_CLOCK, type Clock } from '../clock';
import { diagnosisFacts, statLines, type ExpectedAccount } from './facts';
import { DIAGNOSIS_RULES, type Cause } from './rules';
import { gatherEvidence, type Evidence, type EvidencePart } from '../verify/evidence';
import { probeTarget, runProbes } from '../verify/probes';
import { diagnoseConfigFacts, telnetOutputAllowed } from './config-facts';

export type { Cause } from './rules';

/** One host's diagnosis: the cause, the device lines that prove it, what to do, what was looked at. */
export interface Diagnosis {
  cause: Cause;
  summary: string;
  evidence: string[];
  remedy: string;
  /** The commands run and each decision-tree step with its outcome, in order. */
  steps: string[];
  /** Offline (`--from`): the outputs the rules would read that the capture does not hold. */
  notInCapture?: string[];
}

export interface DiagnoseOptions {
  now: Date;
  steps?: string[];
  /** Only failures at or after this time count (the change being explained). */
  since?: Date | null;
  expectedAccount?: ExpectedAccount | null;
  /** Offline: now is the capture's own time; missing outputs are named, never guessed. */
  offline?: { notInCapture: string[] };
}

/** Evidence lines kept per diagnosis: enough to prove, short enough to read. */
export const MAX_EVIDENCE_LINES = 12;

/** Walks the rules in order; the first match names the cause. Pure. */
export function diagnose(evidence: Evidence, options: DiagnoseOptions): Diagnosis {
  const missing = options.offline?.notInCapture ?? [];
  const f = diagnosisFacts(evidence, {
    now: options.now, since: options.since ?? null, expectedAccount: options.expectedAccount ?? null,
    offline: !!options.offline, notInCapture: missing,
  });
  const steps = [...(options.steps ?? [])];
  const extra = options.offline ? { notInCapture: missing } : {};
  for (const rule of DIAGNOSIS_RULES) {
    const lines = rule.match(f);
    if (!lines) {
      const absent = rule.needs.filter((n) => missing.includes(n));
      if (absent.length) steps.push(`${rule.step}: not looked at — not in the capture: ${absent.join(', ')}`);
      else {
        const found = rule.ruledOut?.(f);
        if (found) steps.push(`${rule.step}: ok — ${found}`);
      }
      continue;
    }
    // The cause's id last, in parentheses: what a script matches; the summary is for people.
    steps.push(`${rule.step}: found — ${rule.summary(f)} (${rule.cause})`);
    return {
      cause: rule.cause,
      summary: rule.summary(f),
      evidence: [...new Set(lines)].slice(0, MAX_EVIDENCE_LINES),
      remedy: rule.remedy(f),
      steps,
      ...extra,
    };
  }
  const everything = [
    ...f.transportLines,
    ...f.trustLines,
    ...(f.commFailure?.lines ?? []),
    ...statLines(f, 'Trust Establishment', 'Trust Sync', 'Usage Reporting'),
    ...f.probeLines,
    ...(f.tcpUntested ? [`TCP path untested: ${f.tcpUntested}`] : []),
    ...(f.clock ? [f.clock.line] : []),
    ...missing.map((m) => `${m}: not in the capture`),
  ];
  return {
    cause: 'unknown',
    summary: missing.length
      ? `no rule of the decision tree matched on what the capture holds (${missing.length} output(s) the tree reads are not in it)`
      : 'no rule of the decision tree matched; the evidence gathered is listed',
    evidence: [...new Set(everything)],
    remedy: missing.length
      ? `Ask for the missing outputs (${missing.join(', ')}) or run slp diagnose on the switch.`
      : 'Compare with the guide (docs/verify-diagnose.md); take a capture (--capture) and TLS debugs (--debugs 60).',
    steps,
    ...extra,
  };
}

/** Everything the decision tree reads, in the guide's order. */
export const DIAGNOSIS_PARTS: readonly EvidencePart[] = [
  'version', 'status', 'config', 'interfaces', 'clockDetail', 'ntp', 'eventlog', 'logging', 'history', 'techSupport',
];

export interface DiagnoseContext {
  clock?: Clock;
  /** Days of event log to read (default 7). */
  eventlogDays?: number;
  since?: Date | null;
  /**
   * How long ago (runner's clock) the change being explained started: failures before it do not
   * count. Turned into the device's time from its own clock, so a skewed clock does not matter.
   */
  changedMsAgo?: number;
  expectedAccount?: ExpectedAccount | null;
}

/** Slack for the two clocks' reading moments. */
const SINCE_SLACK_MS = 60_000;

export interface HostDiagnosis extends Diagnosis {
  /** The parsed evidence, for --json consumers. */
  gathered: Evidence;
}

/**
 * Gathers the evidence over `device` (show commands, then ping + telnet toward the proxy or
 * CSSM from the licensing source interface) and diagnoses it. A release below 17.9.1 is
 * diagnosed from `show version` alone: nothing else is run on it.
 */
export async function diagnoseHost(device: Device, context: DiagnoseContext = {}): Promise<HostDiagnosis> {
  const clock = context.clock ?? SYSTEM_CLOCK;
  const steps: string[] = [];
  const onCommand = (c: string): void => void steps.push(`ran: ${c}`);
  const gather = (parts: EvidencePart[]) => gatherEvidence(device, parts, { onCommand, ...(context.eventlogDays ? { eventlogDays: context.eventlogDays } : {}) });
  const evidence = await gather(['version']);
  const early = diagnose(evidence, { now: clock.now() });
  if (early.cause === 'unsupported_release') return { ...early, steps: [...steps, ...early.steps], gathered: evidence };
  Object.assign(evidence, await gather(DIAGNOSIS_PARTS.filter((p) => p !== 'version')));
  if (evidence.status?.transport?.type === 'smart') {
    const cfg = evidence.configTree ? diagnoseConfigFacts(evidence.configTree) : null;
    evidence.probes = await runProbes(device, probeTarget(evidence.status, evidence.config), onCommand, {
      telnetAllowed: cfg ? telnetOutputAllowed(cfg) : true,
    });
  }
  const deviceNow = evidence.clockDetail?.time ?? evidence.clock?.time;
  const since = context.changedMsAgo !== undefined && deviceNow
    ? new Date(Date.parse(deviceNow) - context.changedMsAgo - SINCE_SLACK_MS)
    : context.since ?? null;
  const more = { since, expectedAccount: context.expectedAccount ?? null };
  return { ...diagnose(evidence, { now: clock.now(), steps, ...more }), gathered: evidence };
}
