/**
 * What a run returns: each play with every one of its hosts' results, the events in order and how
 * the run ended. The reports and the exit code are computed from this and nothing else.
 */
import type { HostResult } from './host-result';
import type { RunEvent } from './run-events';

export interface PlayResult {
  index: number;
  name: string;
  pattern: string;
  /**
   * When the play started (ISO 8601) and how long it ran: each JUnit <testsuite> has its own. The
   * runner always sets both; results built elsewhere may leave them out.
   */
  startedAt?: string;
  durationMs?: number;
  /** In the play's host order. */
  hosts: HostResult[];
  /** Why later batches did not run. */
  stopped?: string;
}

export interface RunResult {
  startedAt: string;
  durationMs: number;
  check: boolean;
  plays: PlayResult[];
  events: RunEvent[];
  /** Ctrl-C was pressed: 'stop' (finished in-flight hosts) or 'abandon'. */
  interrupted: 'stop' | 'abandon' | null;
  /** What interrupted it: the key or the signal of the last request. */
  interruptedBy: 'Ctrl-C' | 'SIGTERM' | 'SIGHUP' | null;
}
