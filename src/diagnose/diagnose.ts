/**
 * Automated troubleshooting (seed "Troubleshooting" steps 1–5): gather what the guide looks at,
 * then walk DIAGNOSIS_RULES. `diagnose()` is pure (evidence → one cause with its proof and
 * remedy); `diagnoseHost()` does the gathering over a Device.
 */
import type { Device } from '../device/device';
import { SYSTEM_CLOCK, type Clock } from '../clock';
import { diagnosisFacts, statLines } from './facts';
import { DIAGNOSIS_RULES, type Cause } from './rules';
import { gatherEvidence, type Evidence, type EvidencePart } from '../verify/evidence';
import { probeTarget, runProbes } from '../verify/probes';

export type { Cause } from './rules';

/** One host's diagnosis: the cause, the device lines that prove it, what to do, what was looked at. */
export interface Diagnosis {
  cause: Cause;
  summary: string;
  evidence: string[];
  remedy: string;
  /** The commands run and each decision-tree step with its outcome, in order. */
  steps: string[];
}

/** Evidence lines kept per diagnosis: enough to prove, short enough to read. */
export const MAX_EVIDENCE_LINES = 12;

/** Walks the rules in order; the first match names the cause. Pure. */
export function diagnose(evidence: Evidence, options: { now: Date; steps?: string[] }): Diagnosis {
  const f = diagnosisFacts(evidence, options.now);
  const steps = [...(options.steps ?? [])];
  for (const rule of DIAGNOSIS_RULES) {
    const lines = rule.match(f);
    if (!lines) {
      const found = rule.ruledOut(f);
      if (found) steps.push(`${rule.step}: ok — ${found}`);
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
    };
  }
  const everything = [
    ...f.transportLines,
    ...f.trustLines,
    ...(f.commFailure?.lines ?? []),
    ...statLines(f, 'Trust Establishment', 'Trust Sync', 'Usage Reporting'),
    ...f.probeLines,
    ...(f.clock ? [f.clock.line] : []),
  ];
  return {
    cause: 'unknown',
    summary: 'no rule of the decision tree matched; the evidence gathered is listed',
    evidence: [...new Set(everything)],
    remedy: 'Compare with the guide (docs/verify-diagnose.md); take a capture (--capture) and TLS debugs (--debugs 60).',
    steps,
  };
}

/** Everything the decision tree reads, in the guide's order. */
export const DIAGNOSIS_PARTS: readonly EvidencePart[] = [
  'version', 'status', 'config', 'clock', 'eventlog', 'logging', 'history', 'techSupport',
];

export interface DiagnoseContext {
  clock?: Clock;
  /** Days of event log to read (default 7). */
  eventlogDays?: number;
}

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
    evidence.probes = await runProbes(device, probeTarget(evidence.status, evidence.config), onCommand);
  }
  return { ...diagnose(evidence, { now: clock.now(), steps }), gathered: evidence };
}
