import type { Device, DeviceEvent } from '../device/device';
import type { Clock } from '../clock';
import type { TrustAction } from './plan-trust';
import { readLicenseStatus } from './read-device';
import { observeTrust } from './running-state-from-parsers';
import type { ObservedTrustMember } from './running-state';
import { memberName, pairMembers } from './trust-members';
import { deviceClock, finalTrustAnswer, isAboutOtherTransport, queuedBefore, type DeviceTime } from './wait-evidence';

/** How a trust install ended. `reason` says why it failed or what the wait last saw. */
export interface TrustOutcome {
  status: 'installed' | 'failed' | 'timeout' | 'skipped';
  reason?: string;
  /** Syslog lines seen while waiting (never contain the token: the device does not echo it there). */
  events: string[];
  /** How the result was established: `show license status`, or the output that gave a final answer. */
  decidedBy?: string;
}

export interface WaitOptions {
  clock: Clock;
  timeoutMs: number;
  /** First poll interval; it doubles after each poll that shows nothing new, up to maxPollMs. */
  pollMs: number;
  /** Longest pause between two polls (default 8 × pollMs, at most 15 s). */
  maxPollMs?: number;
}

/** The trust command; the token is a secret (RunOptions.secret) and never stored. */
function trustCommand(action: TrustAction, token: string): string {
  return `license smart trust idtoken ${token} ${action.scope}${action.force ? ' force' : ''}`;
}

/** Mnemonics that hint an attempt failed. Only the tag is keyed on: their texts are partly unconfirmed (reference §8 item 5). */
const FAILURE_HINT = /^(COMM_FAILED|TRUST_CODE_INSTALL_FAILED|TRUST_INSTALL_FAILED)$/;
/** How many polls may pass without a failure hint before the final-answer outputs are read anyway (no syslog on a hardened vty). */
const FINAL_CHECK_EVERY = 3;

/** The longest pause between polls: bounded backoff. */
export function maxPause(wait: WaitOptions): number {
  return wait.maxPollMs ?? Math.min(15_000, wait.pollMs * 8);
}

/**
 * Whether each required member shows a trust code the command installed: its date is not older
 * than the device's clock when the command was sent (both read from the device, so the local clock
 * and time zones do not matter) and, with `force`, newer than the date it showed before.
 */
export function trustLanded(
  action: TrustAction,
  before: readonly ObservedTrustMember[],
  now: readonly ObservedTrustMember[],
  sentAt: DeviceTime,
): { done: boolean; waitingFor: string[] } {
  const required = action.scope === 'local' ? now.filter((m) => m.role === 'active') : now;
  if (required.length === 0) return { done: false, waitingFor: ['any member (Trust Code Installed: <none>)'] };
  const previous = new Map(pairMembers(required, before));
  const waitingFor = required
    .filter((m) => {
      if (!m.installed || !m.installedAt) return true;
      const at = Date.parse(m.installedAt);
      // Dates print whole seconds: a code installed in the second the command was sent counts.
      if (sentAt.ms !== null && at < Math.floor(sentAt.ms / 1000) * 1000) return true;
      const old = previous.get(m)?.installedAt;
      return action.force && old !== undefined && at <= Date.parse(old);
    })
    .map(memberName);
  return { done: waitingFor.length === 0, waitingFor };
}

/**
 * Sends the idtoken, then waits (bounded, with backoff) until `show license status` shows a trust
 * code on every required member that is newer than the command (trustLanded). Syslog is only a
 * hint: a success makes the next poll come sooner, a failure makes the wait read the outputs that
 * carry a final answer (finalTrustAnswer). A failure the agent retries (COMM_FAILED) is not final:
 * the wait goes on to the deadline, and a timeout names the last failure seen. Events queued before
 * the command, and messages about another transport (a default switch's hourly CSLU failures), are
 * ignored.
 */
export async function installTrust(
  device: Device,
  action: TrustAction,
  token: string,
  wait: WaitOptions,
): Promise<TrustOutcome> {
  const before = observeTrust(await readLicenseStatus(device));
  const sentAt = await deviceClock(device);
  device.drainEvents(); // anything queued so far happened before the command
  (await device.run(trustCommand(action, token), { secret: true })).throwIfFailed();
  const deadline = wait.clock.now().getTime() + wait.timeoutMs;
  const events: string[] = [];
  let lastFailure: string | undefined;
  let pause = wait.pollMs;
  for (let poll = 0; ; poll++) {
    const status = await readLicenseStatus(device);
    const fresh = relevantEvents(device.drainEvents(), sentAt);
    events.push(...fresh.map((e) => e.raw));
    const failed = fresh.filter((e) => FAILURE_HINT.test(e.mnemonic));
    if (failed.length) lastFailure = failureReason(failed[failed.length - 1]!);
    const landed = trustLanded(action, before, observeTrust(status), sentAt);
    if (landed.done) return { status: 'installed', events, decidedBy: 'show license status: Trust Code Installed' };
    if (failed.length > 0 || poll % FINAL_CHECK_EVERY === FINAL_CHECK_EVERY - 1) {
      const final = await finalTrustAnswer(device, sentAt);
      if (final) return { status: 'failed', reason: final.reason, events, decidedBy: final.source };
    }
    const left = deadline - wait.clock.now().getTime();
    if (left <= 0) {
      const last = lastFailure ? `; last attempt: ${lastFailure} (the agent retries it)` : '';
      return {
        status: 'timeout',
        reason: `no trust code newer than the command on ${landed.waitingFor.join(', ')} within ${wait.timeoutMs / 1000} s${last}`,
        events,
      };
    }
    // A success hint: look again soon. Otherwise back off, never past the deadline.
    const hinted = fresh.some((e) => e.mnemonic === 'TRUST_INSTALL_SUCCESS');
    pause = hinted ? wait.pollMs : poll === 0 ? wait.pollMs : Math.min(pause * 2, maxPause(wait));
    await wait.clock.sleep(Math.min(pause, left));
  }
}

/** SMART_LIC events from this command on, about CSSM (not CSLU). */
export function relevantEvents(events: readonly DeviceEvent[], sentAt: DeviceTime): DeviceEvent[] {
  return events.filter((e) => e.facility === 'SMART_LIC' && !isAboutOtherTransport(e) && !queuedBefore(e, sentAt));
}

/** `… (CSSM) : Connection timed out` → `COMM_FAILED: Connection timed out`; whole message otherwise. */
export function failureReason(e: DeviceEvent): string {
  const i = e.message.lastIndexOf(' : ');
  return `${e.mnemonic}: ${i >= 0 ? e.message.slice(i + 3).trim() : e.message.trim()}`;
}
