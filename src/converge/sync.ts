import type { Device } from '../device/device';
import type { ShowLicenseStatus } from '../parsers/show-license-status';
import { maxPause, type WaitOptions } from './trust';
import { readLicenseStatus } from './read-device';

/** How `license smart sync all` ended: `moved` names the counter that moved. */
export interface SyncOutcome {
  status: 'reported' | 'timeout';
  moved?: string;
  reason?: string;
}

function marks(s: ShowLicenseStatus): Record<string, string | null> {
  const u = s.usageReporting;
  return {
    'Last report push': u?.lastReportPush ?? null,
    'Last ACK received': u?.lastAckReceived ?? null,
    'Trust Code Installed': s.trustCode?.installedAt ?? null,
  };
}

/**
 * Runs `license smart sync all` (it bypasses the one-report-a-day throttle), then waits (bounded,
 * with the trust wait's backoff) for `show license status` Usage Reporting (last report push / last
 * ACK) to move. The device's state decides, not syslog. A sync that does not move in time is
 * reported, not fatal: verify (another part) decides what must hold.
 */
export async function syncAll(device: Device, wait: WaitOptions): Promise<SyncOutcome> {
  const before = marks(await readLicenseStatus(device));
  device.drainEvents(); // queued before the command: not about this sync
  (await device.run('license smart sync all')).throwIfFailed();
  const deadline = wait.clock.now().getTime() + wait.timeoutMs;
  let pause = wait.pollMs;
  for (;;) {
    const now = marks(await readLicenseStatus(device));
    const moved = Object.keys(now).find((k) => now[k] !== null && now[k] !== before[k]);
    if (moved) return { status: 'reported', moved };
    const left = deadline - wait.clock.now().getTime();
    if (left <= 0) {
      return { status: 'timeout', reason: `usage reporting did not move within ${wait.timeoutMs / 1000} s` };
    }
    await wait.clock.sleep(Math.min(pause, left));
    pause = Math.min(pause * 2, maxPause(wait));
  }
}
