/**
 * One `verify:` assertion: which evidence it needs and a pure evaluation over that evidence.
 * The gathering (device I/O) and the re-checking (`within:`) live in ../verify.ts.
 */
import type { DesiredSlp } from '../../converge/desired';
import type { Evidence, EvidencePart } from '../evidence';
import type { ProbeTarget } from '../probes';

/** What an evaluation concludes, with the device lines that prove it. */
export interface Verdict {
  passed: boolean;
  message: string;
  evidence: string[];
}

export interface AssertionContext {
  /** The play's `slp:` block (settings_as_declared compares against it). */
  slp: DesiredSlp;
  /** The runner's clock, used when the device's clock was not read. */
  now: Date;
}

export interface Assertion<P> {
  /** The `verify:` key, e.g. `trust_installed`. */
  key: string;
  needs: (param: P) => EvidencePart[];
  /** Days of `show license eventlog` the evaluation needs (default DEFAULT_EVENTLOG_DAYS). */
  eventlogDays?: (param: P) => number;
  /** Active probes to run after the show commands (reachable). */
  probe?: (param: P, evidence: Evidence) => ProbeTarget;
  evaluate: (param: P, evidence: Evidence, ctx: AssertionContext) => Verdict;
}

/** The device's own time when `show clock` was read, else the runner's. */
export function deviceNow(evidence: Evidence, ctx: AssertionContext): Date {
  const t = evidence.clock?.time;
  return t ? new Date(t) : ctx.now;
}

export const DAY_MS = 86_400_000;
