/**
 * Ctrl-C, in two stages. The first stops new hosts from starting and lets the ones in flight
 * finish (the driver's config session always leaves config mode on its own). The second abandons
 * the hosts in flight: their sessions are closed and they end as unreachable — but a session in
 * the middle of a config push is closed only once that push is over and the driver has left
 * config mode (each line is bounded by slp_command_timeout). Closing mid-push would leave the
 * switch with part of the lines applied, nothing rolled back, and the vty dropped in config mode.
 * Either way the reports are still written.
 */
import type { Device } from '../device/device';

interface Session {
  device: Device;
  /** configure() calls in progress on this session. */
  pushing: number;
}

export class Interrupt {
  stage: 'none' | 'stop' | 'abandon' = 'none';
  private readonly sessions = new Map<Device, Session>();
  private readonly listeners: ((stage: 'stop' | 'abandon') => void)[] = [];

  get stopping(): boolean {
    return this.stage !== 'none';
  }

  /** What one more Ctrl-C does. */
  request(): 'stop' | 'abandon' {
    this.stage = this.stage === 'none' ? 'stop' : 'abandon';
    const stage = this.stage;
    if (stage === 'abandon') for (const s of this.sessions.values()) if (s.pushing === 0) closeQuietly(s.device);
    for (const l of this.listeners) l(stage);
    return stage;
  }

  onRequest(listener: (stage: 'stop' | 'abandon') => void): void {
    this.listeners.push(listener);
  }

  /**
   * Registers a host's session for the second Ctrl-C and returns the device the host's steps must
   * use: the same session, whose configure() defers an abandon until the push has left config mode.
   */
  track(device: Device): Device {
    const session: Session = { device, pushing: 0 };
    const guarded: Device = {
      get info() {
        return device.info;
      },
      run: (command, options) => device.run(command, options),
      drainEvents: () => device.drainEvents(),
      close: () => device.close(),
      configure: async (lines, options) => {
        session.pushing += 1;
        try {
          return await device.configure(lines, options);
        } finally {
          session.pushing -= 1;
          if (this.stage === 'abandon' && session.pushing === 0) await device.close().catch(() => undefined);
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

  /** Routes SIGINT here until the returned function is called. */
  listen(proc: NodeJS.Process = process): () => void {
    const handler = (): void => {
      this.request();
    };
    proc.on('SIGINT', handler);
    return () => {
      proc.off('SIGINT', handler);
    };
  }
}

function closeQuietly(device: Device): void {
  void device.close().catch(() => undefined);
}
