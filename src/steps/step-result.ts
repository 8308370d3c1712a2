/**
 * One step of a host's pipeline as it ended, reported by the step itself (converge, verify,
 * confirm, diagnose) through a StepRecorder, not reconstructed afterwards by the runner.
 */

/**
 * The steps of the per-host pipeline, in order. `capture` and `debugs` run only in `slp diagnose`
 * (--capture, --debugs).
 */
export const HOST_STEPS = ['connect', 'facts', 'plan', 'apply', 'trust', 'sync', 'verify', 'confirm', 'diagnose', 'capture', 'debugs'] as const;
export type HostStepName = (typeof HOST_STEPS)[number];

/** Recap vocabulary, as Ansible's. `changed` in check mode means "would change". */
export type StepStatus = 'ok' | 'changed' | 'failed' | 'unreachable' | 'skipped';

/** An error as data: class name, stable code and the one-line message (redacted in the reports). */
export interface StepError {
  name: string;
  code: string;
  message: string;
}

/** One step as it ended; `detail` is one short line for people ("3 lines", "installed"). */
export interface StepResult {
  step: HostStepName;
  status: StepStatus;
  /** When the step started: ms since the run started (as the events' `at`). */
  startedAt: number;
  /** How long it took; 0 for a step decided without running anything (check mode, not needed). */
  ms: number;
  /** Commands this step sent to change the device, in order (a trust token shown as ***). */
  commands: string[];
  detail?: string;
  /** Set when the step failed or found the host unreachable. */
  error?: StepError;
}

/**
 * How a step says it ended. The recorder adds the name and timing; with `error`, the status is the
 * error's classification (failed or unreachable) and the detail its message.
 */
export interface StepEnd {
  status: Exclude<StepStatus, 'unreachable'>;
  detail?: string;
  commands?: readonly string[];
  error?: Error;
}

/** The error a step ended with, as data. Anything thrown that is not an Error becomes one. */
export function stepError(error: unknown): StepError {
  const e = asError(error);
  return { name: e.name, code: (e as { code?: string }).code ?? 'ERR_INTERNAL', message: e.message };
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

const lines = (n: number): string => `${n} line${n === 1 ? '' : 's'}`;

/** "pushed 3 lines", "would push 1 line". */
export function lineCount(verb: string, n: number): string {
  return `${verb} ${lines(n)}`;
}
