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
}
