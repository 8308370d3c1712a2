import type { Device } from '../device/device';
import type { ShowLicenseStatus } from '../parsers/show-license-status';
import type { WaitOptions } from './trust';
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
 * Runs `license smart sync all` (it bypasses the one-report-a-day throttle), then waits (bounded)
 * for `show license status` Usage Reporting (last report push / last ACK) to move. A sync that
 * does not move in time is reported, not fatal: verify (another part) decides what must hold.
 */
export async function syncAll(device: Device, wait: WaitOptions): Promise<SyncOutcome> {
  const before = marks(await readLicenseStatus(device));
  (await device.run('license smart sync all')).throwIfFailed();
  const deadline = wait.clock.now().getTime() + wait.timeoutMs;
  for (;;) {
    const now = marks(await readLicenseStatus(device));
    const moved = Object.keys(now).find((k) => now[k] !== null && now[k] !== before[k]);
    if (moved) return { status: 'reported', moved };
    if (wait.clock.now().getTime() >= deadline) {
      return { status: 'timeout', reason: `usage reporting did not move within ${wait.timeoutMs / 1000} s` };
    }
    await wait.clock.sleep(wait.pollMs);
  }
}
