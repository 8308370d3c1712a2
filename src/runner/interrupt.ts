/**
 * Ctrl-C, SIGTERM and SIGHUP, in two stages. The first of any of them stops new hosts from
 * starting and lets the ones in flight finish: the line in progress, then the host's rollback or
 * confirmation, and the reports (a CI job cancelled or a pod evicted sends SIGTERM; a closed
 * terminal SIGHUP — each deserves the same clean end as Ctrl-C). A second one abandons the hosts
 * in flight: every wait (trust, sync, `within:`, the debug window) ends at once through `signal`,
 * and their sessions are closed so a command waiting on a silent switch ends too — but a session
 * in the middle of a config push is closed only once that push is over and the driver has left
 * config mode (each line is bounded by slp_command_timeout), and a session with debugs or a packet
 * capture running only once `undebug all` / `no monitor capture` went out. Closing mid-push would
 * leave the switch with part of the lines applied, nothing rolled back, and the vty dropped in
 * config mode; closing with debugs on would leave a busy switch logging. Either way the reports
 * are still written.
 */
import { setMaxListeners } from 'node:events';
import type { Device } from '../device/device';

/** Where a request came from: the key pressed or the signal received. */
export type InterruptSource = 'Ctrl-C' | 'SIGTERM' | 'SIGHUP';

interface Session {
  device: Device;
  /** configure() calls in progress on this session. */
  pushing: number;
  /** Something left running on the switch that this session must stop before it closes. */
  running: Set<'debugs' | 'capture'>;
}

/**
 * Commands that leave something running on the switch until another command stops it: the
 * session that sent one is not closed by an abandon until the stop went out.
 */
const STARTS: readonly [RegExp, 'debugs' | 'capture'][] = [[/^debug\s/i, 'debugs'], [/^monitor capture \S+ start\b/i, 'capture']];
const STOPS: readonly [RegExp, 'debugs' | 'capture'][] = [[/^(undebug|no debug) all\b/i, 'debugs'], [/^no monitor capture\b|^monitor capture \S+ stop\b/i, 'capture']];

/**
 * The error a wait ends with when cut: on the first request only the observation windows (debugs,
 * capture) are cut short; on the second every wait of the hosts in flight is abandoned.
 */
export class InterruptedError extends Error {
  constructor(readonly by: InterruptSource, readonly stage: 'stop' | 'abandon') {
    // The runner adds "(abandoned after …)" to an abandoned host's error: this says what stopped.
    super(stage === 'abandon' ? 'stopped waiting' : `cut short by ${by}`);
    this.name = 'InterruptedError';
  }
}

/** "a second Ctrl-C", "SIGTERM after Ctrl-C"… in words for reports. */
function describeSecond(by: InterruptSource): string {
  return by === 'Ctrl-C' ? 'a second Ctrl-C' : `a second interrupt, ${by}`;
}

export class Interrupt {
  stage: 'none' | 'stop' | 'abandon' = 'none';
  /** What caused the last stage (the key or the signal). */
  by: InterruptSource | undefined;
  private readonly sessions = new Map<Device, Session>();
  private readonly listeners: ((stage: 'stop' | 'abandon', by: InterruptSource) => void)[] = [];
  private readonly stopController = new AbortController();
  private readonly abandonController = new AbortController();

  constructor() {
    // Every waiting host of a fleet listens to both signals at once (hundreds, by design).
    setMaxListeners(0, this.stopController.signal, this.abandonController.signal);
  }

  get stopping(): boolean {
    return this.stage !== 'none';
  }

  /** Aborted on the second request: every wait of every host in flight listens to it. */
  get signal(): AbortSignal {
    return this.abandonController.signal;
  }

  /**
   * Aborted on the first request: only windows that merely observe (debugs, a packet capture)
   * listen to it, so a cancelled job turns debugs off now rather than after the window.
   */
  get stopSignal(): AbortSignal {
    return this.stopController.signal;
  }

  /** Why an abandoned host ended, for its report. */
  get abandonReason(): string {
    return `abandoned after ${describeSecond(this.by ?? 'Ctrl-C')}`;
  }

  /** What one more Ctrl-C (or SIGTERM, SIGHUP) does. */
  request(by: InterruptSource = 'Ctrl-C'): 'stop' | 'abandon' {
    this.stage = this.stage === 'none' ? 'stop' : 'abandon';
    this.by = by;
    const stage = this.stage;
    if (!this.stopSignal.aborted) this.stopController.abort(new InterruptedError(by, 'stop'));
    if (stage === 'abandon' && !this.signal.aborted) {
      this.abandonController.abort(new InterruptedError(by, 'abandon'));
      for (const s of this.sessions.values()) if (closable(s)) closeQuietly(s.device);
    }
    for (const l of this.listeners) l(stage, by);
    return stage;
  }

  onRequest(listener: (stage: 'stop' | 'abandon', by: InterruptSource) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Registers a host's session for the second Ctrl-C and returns the device the host's steps must
   * use: the same session, whose configure() defers an abandon until the push has left config mode
   * and whose run() defers it while debugs or a capture it started are still running.
   */
  track(device: Device): Device {
    const session: Session = { device, pushing: 0, running: new Set() };
    const closeIfAbandoned = async (): Promise<void> => {
      if (this.stage === 'abandon' && closable(session)) await device.close().catch(() => undefined);
    };
    const guarded: Device = {
      get info() {
        return device.info;
      },
      run: async (command, options) => {
        const started = STARTS.find(([re]) => re.test(command.trim()));
        if (started) session.running.add(started[1]);
        try {
          return await device.run(command, options);
        } finally {
          const stopped = STOPS.find(([re]) => re.test(command.trim()));
          if (stopped) session.running.delete(stopped[1]);
          if (stopped) await closeIfAbandoned();
        }
      },
      drainEvents: () => device.drainEvents(),
      close: () => device.close(),
      configure: async (lines, options) => {
        session.pushing += 1;
        try {
          return await device.configure(lines, options);
        } finally {
          session.pushing -= 1;
          await closeIfAbandoned();
        }
      },
    };
    this.sessions.set(guarded, session);
    if (this.stage === 'abandon') closeQuietly(device);
    return guarded;
  }

  untrack(device: Device): void {
    this.sessions.delete(device);
  }

  /**
   * Routes SIGINT, SIGTERM and SIGHUP here until the returned function is called. While listening,
   * a signal no longer kills the process: the run ends by itself and writes its reports.
   */
  listen(proc: NodeJS.Process = process): () => void {
    const handlers: [NodeJS.Signals, () => void][] = [
      ['SIGINT', () => void this.request('Ctrl-C')],
      ['SIGTERM', () => void this.request('SIGTERM')],
      ['SIGHUP', () => void this.request('SIGHUP')],
    ];
    for (const [signal, handler] of handlers) proc.on(signal, handler);
    return () => {
      for (const [signal, handler] of handlers) proc.off(signal, handler);
    };
  }
}

function closable(s: Session): boolean {
  return s.pushing === 0 && s.running.size === 0;
}

function closeQuietly(device: Device): void {
  void device.close().catch(() => undefined);
}
