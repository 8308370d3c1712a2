/**
 * Ctrl-C, in two stages. The first stops new hosts from starting and lets the ones in flight
 * finish (the driver's config session always leaves config mode on its own). The second abandons:
 * the open sessions are closed — IOS ends the vty's config session with it — and the in-flight
 * hosts end as unreachable. Either way the reports are still written.
 */
import type { Device } from '../device/device';

export class Interrupt {
  stage: 'none' | 'stop' | 'abandon' = 'none';
  private readonly devices = new Set<Device>();
  private readonly listeners: ((stage: 'stop' | 'abandon') => void)[] = [];

  get stopping(): boolean {
    return this.stage !== 'none';
  }

  /** What one more Ctrl-C does. */
  request(): 'stop' | 'abandon' {
    this.stage = this.stage === 'none' ? 'stop' : 'abandon';
    const stage = this.stage;
    if (stage === 'abandon') for (const d of this.devices) void d.close().catch(() => undefined);
    for (const l of this.listeners) l(stage);
    return stage;
  }

  onRequest(listener: (stage: 'stop' | 'abandon') => void): void {
    this.listeners.push(listener);
  }

  track(device: Device): void {
    if (this.stage === 'abandon') void device.close().catch(() => undefined);
    else this.devices.add(device);
  }

  untrack(device: Device): void {
    this.devices.delete(device);
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
