import type { Device, DeviceEvent } from '../device/device';
import type { Clock } from '../clock';
import type { TrustAction } from './plan-trust';
import { readLicenseStatus } from './read-device';
import { observeTrust } from './running-state-from-parsers';

/** How a trust install ended. `reason` carries the COMM_FAILED / install-failed text. */
export interface TrustOutcome {
  status: 'installed' | 'failed' | 'timeout' | 'skipped';
  reason?: string;
  /** Syslog lines that decided it (never contain the token: the device does not echo it there). */
  events: string[];
}

export interface WaitOptions {
  clock: Clock;
  timeoutMs: number;
  pollMs: number;
}

/** The trust command; the token is a secret (RunOptions.secret) and never stored. */
function trustCommand(action: TrustAction, token: string): string {
  return `license smart trust idtoken ${token} ${action.scope}${action.force ? ' force' : ''}`;
}

const FAILURE = /^(COMM_FAILED|TRUST_CODE_INSTALL_FAILED|TRUST_INSTALL_FAILED)$/;

/**
 * Sends the idtoken, then waits (bounded) for the result: TRUST_INSTALL_SUCCESS in the syslog or
 * the required members INSTALLED in `show license status` → installed; COMM_FAILED or an install
 * failure → failed with the device's reason; neither within timeoutMs → timeout.
 */
export async function installTrust(
  device: Device,
  action: TrustAction,
  token: string,
  wait: WaitOptions,
): Promise<TrustOutcome> {
  (await device.run(trustCommand(action, token), { secret: true })).throwIfFailed();
  const deadline = wait.clock.now().getTime() + wait.timeoutMs;
  const seen: DeviceEvent[] = [];
  for (;;) {
    seen.push(...device.drainEvents().filter((e) => e.facility === 'SMART_LIC'));
    const failed = seen.find((e) => FAILURE.test(e.mnemonic));
    const success = seen.find((e) => e.mnemonic === 'TRUST_INSTALL_SUCCESS');
    const events = seen.map((e) => e.raw);
    if (failed && !success) return { status: 'failed', reason: failureReason(failed), events };
    if (success) return { status: 'installed', events };
    // Without force, the status alone is proof (the syslog may not reach a vty without
    // `terminal monitor`); with force the old code was already there, so only the syslog counts.
    if (!action.force) {
      const members = observeTrust(await readLicenseStatus(device));
      const required = action.scope === 'local' ? members.filter((m) => m.role === 'active') : members;
      if (required.length > 0 && required.every((m) => m.installed)) return { status: 'installed', events };
    }
    if (wait.clock.now().getTime() >= deadline) {
      return { status: 'timeout', reason: `no trust result within ${wait.timeoutMs / 1000} s`, events };
    }
    await wait.clock.sleep(wait.pollMs);
  }
}

/** `… (CSSM) : Connection timed out` → `Connection timed out`; whole message otherwise. */
export function failureReason(e: DeviceEvent): string {
  const i = e.message.lastIndexOf(' : ');
  return `${e.mnemonic}: ${i >= 0 ? e.message.slice(i + 3).trim() : e.message.trim()}`;
}
