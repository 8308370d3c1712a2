/**
 * What the runner tells its observers, in order: the progress display and the JSON report's
 * `events` (where batch order is visible). Plain data; `at` is ms since the run started.
 */
import type { HostStatus, HostStepName, StepStatus } from './host-result';

export type RunEvent =
  | { type: 'play-start'; at: number; play: string; hosts: string[]; batches: number }
  | { type: 'batch-start'; at: number; play: string; batch: number; hosts: string[] }
  | { type: 'host-start'; at: number; play: string; host: string; batch: number }
  | { type: 'step-start'; at: number; play: string; host: string; step: HostStepName }
  | { type: 'step-end'; at: number; play: string; host: string; step: HostStepName; status: StepStatus; detail?: string }
  | { type: 'host-end'; at: number; play: string; host: string; status: HostStatus }
  | { type: 'host-skipped'; at: number; play: string; host: string; reason: string }
  | { type: 'play-stopped'; at: number; play: string; batch: number; reason: string }
  | { type: 'play-end'; at: number; play: string }
  | { type: 'interrupt'; at: number; stage: 'stop' | 'abandon'; by: 'Ctrl-C' | 'SIGTERM' | 'SIGHUP' };

/** Events without their time, for emitters; the runner stamps `at`. */
export type RunEventBody = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'at'> : never) : never;

export type RunObserver = (event: RunEvent) => void;
