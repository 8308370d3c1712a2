/**
 * What a step reports through while it runs: step-start when it begins, its StepResult when it
 * ends. The engines (converge, verify, diagnose) call it; the runner only hands one in and listens.
 * Without a listener it just collects, so the engines run the same outside the runner.
 */
import { errorStatus } from './classify-error';
import { asError, stepError, type HostStepName, type StepEnd, type StepResult } from './step-result';

export interface StepListener {
  start?(step: HostStepName): void;
  end?(result: StepResult): void;
}

export class StepRecorder {
  readonly steps: StepResult[] = [];

  /**
   * @param now the clock steps are timed with (the runner's, so tests can fake it)
   * @param origin the time `startedAt` is counted from (the run's start)
   */
  constructor(
    private readonly listener: StepListener = {},
    private readonly now: () => number = Date.now,
    private readonly origin = 0,
  ) {}

  /** Milliseconds since step `name` started (its latest run), or null when it has not run. */
  msSince(name: HostStepName): number | null {
    const step = [...this.steps].reverse().find((x) => x.step === name);
    return step ? this.now() - (this.origin + step.startedAt) : null;
  }

  /**
   * Runs `body` as step `name`; `end` says how it ended from what body returned. A throw ends the
   * step failed or unreachable (classifyError) with the error as data, and is thrown on.
   */
  async run<T>(name: HostStepName, body: () => Promise<T>, end: (value: T) => StepEnd): Promise<T> {
    this.listener.start?.(name);
    const t0 = this.now();
    let value: T;
    try {
      value = await body();
    } catch (error) {
      this.finish(name, t0, { status: 'failed', error: asError(error) });
      throw error;
    }
    this.finish(name, t0, end(value));
    return value;
  }

  /** A step decided without sending anything: check mode, not declared, not needed, not run. */
  record(name: HostStepName, end: StepEnd): void {
    this.finish(name, this.now(), end);
  }

  /**
   * A later part of a step that already ended (the save after trust and sync belongs to apply):
   * its commands and time are added to that step; a throw turns the step failed and is thrown on.
   */
  async extend<T>(name: HostStepName, body: () => Promise<T>, commands: (value: T) => readonly string[]): Promise<T> {
    const step = this.steps.find((s) => s.step === name);
    if (!step) return body();
    const t0 = this.now();
    try {
      const value = await body();
      step.commands.push(...commands(value));
      return value;
    } catch (error) {
      Object.assign(step, failure(name, error));
      this.listener.end?.(step);
      throw error;
    } finally {
      step.ms += this.now() - t0;
    }
  }

  /** The first step that failed or found the host unreachable, if any. */
  failed(): StepResult | undefined {
    return this.steps.find((s) => s.status === 'failed' || s.status === 'unreachable');
  }

  private finish(name: HostStepName, t0: number, end: StepEnd): void {
    const result: StepResult = {
      step: name,
      status: end.status,
      startedAt: t0 - this.origin,
      ms: this.now() - t0,
      commands: [...(end.commands ?? [])],
      ...(end.detail ? { detail: end.detail } : {}),
      ...(end.error ? failure(name, end.error) : {}),
    };
    this.steps.push(result);
    this.listener.end?.(result);
  }
}

function failure(name: HostStepName, error: unknown): Pick<StepResult, 'status' | 'detail' | 'error'> {
  const e = stepError(error);
  return { status: errorStatus(error, name), detail: e.message, error: e };
}
