/**
 * A sign of life without a TTY: with no animated display, a run waiting on a silent switch would
 * print nothing for minutes. Every `intervalMs` (10 s by default) one line on stderr says how many
 * hosts are done, which are running and what each is waiting on (its step, for how long), and how
 * many wait to start. Fed by the runner's events, like the progress display.
 */
import type { RunEvent, RunObserver } from '../results/run-events';

export const DEFAULT_HEARTBEAT_MS = 10_000;

/** Hosts named in one line; the rest are counted by step. */
const SHOWN = 5;

interface Running {
  step: string;
  since: number;
}

export interface HeartbeatState {
  play: string;
  total: number;
  done: number;
  failed: number;
  /** host → the step it is in and since when (ms, on the heartbeat's clock). */
  running: Map<string, Running>;
}

/** The line itself, pure: `[play] 3/20 hosts done (1 failed); running 2: sw-1 trust 12 s, …; 15 waiting to start`. */
export function heartbeatLine(s: HeartbeatState, now: number): string {
  const running = [...s.running.entries()].sort(([, a], [, b]) => a.since - b.since);
  const shown = running.slice(0, SHOWN).map(([host, r]) => `${host} ${r.step} ${Math.round((now - r.since) / 1000)} s`);
  const rest = running.slice(SHOWN);
  if (rest.length) {
    const bySteps = new Map<string, number>();
    for (const [, r] of rest) bySteps.set(r.step, (bySteps.get(r.step) ?? 0) + 1);
    shown.push(`${rest.length} more (${[...bySteps].map(([step, n]) => `${step} ×${n}`).join(', ')})`);
  }
  const waiting = s.total - s.done - running.length;
  const parts = [
    `${s.done}/${s.total} hosts done${s.failed ? ` (${s.failed} failed)` : ''}`,
    running.length ? `running ${running.length}: ${shown.join(', ')}` : 'none running',
    ...(waiting > 0 ? [`${waiting} waiting to start`] : []),
  ];
  return `… [${s.play}] ${parts.join('; ')}`;
}

export class Heartbeat {
  private state: HeartbeatState | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly intervalMs: number = DEFAULT_HEARTBEAT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  readonly observe: RunObserver = (e: RunEvent) => {
    const s = this.state;
    switch (e.type) {
      case 'play-start':
        this.state = { play: e.play, total: e.hosts.length, done: 0, failed: 0, running: new Map() };
        this.start();
        break;
      case 'host-start':
        s?.running.set(e.host, { step: 'starting', since: this.now() });
        break;
      case 'step-start':
        s?.running.set(e.host, { step: e.step, since: this.now() });
        break;
      case 'host-end':
        if (!s) break;
        s.running.delete(e.host);
        s.done += 1;
        if (e.status === 'failed' || e.status === 'unreachable') s.failed += 1;
        break;
      case 'host-skipped':
        if (s) s.done += 1;
        break;
      default:
        break;
    }
  };

  private start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.state) this.stream.write(`${heartbeatLine(this.state, this.now())}\n`);
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
