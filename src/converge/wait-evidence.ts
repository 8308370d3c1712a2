/**
 * What the trust and sync waits read besides `show license status`: the device's own clock when a
 * command is sent, whether a syslog event belongs to the wait, and the outputs that carry a final
 * answer for a failed trust request. Each decision keys on a confirmed part of the output
 * (slp-smart-transport.md): the syslog tag, the `(CSLU)` target of COMM_FAILED (§2.4), the
 * history message's `status_code` (§3.7) and the tech-support counters (§3.6); never on the
 * unconfirmed texts of §8 (the TRUST_CODE_INSTALL_FAILED wording, an invalid-token reply).
 */
import type { Device, DeviceEvent } from '../device/device';
import { parseIosTime } from '../parsers/ios-time';
import { parseShowClock } from '../parsers/show-clock';
import { parseShowLicenseHistoryMessage, type HistoryExchange } from '../parsers/show-license-history-message';
import { parseShowLicenseTechSupport } from '../parsers/show-license-tech-support';

/** The device's clock when a command was sent: ms since the epoch (null when unreadable), and its zone name. */
export interface DeviceTime {
  ms: number | null;
  zone: string | null;
}

/**
 * `show clock`, read right before a command. Every later device date (Trust Code Installed, a
 * history REQUEST, a syslog stamp) is compared with this, never with the local clock: a switch
 * without NTP can be hours or years off (reference §4.1, clock row).
 */
export async function deviceClock(device: Device): Promise<DeviceTime> {
  const result = await device.run('show clock');
  if (result.failed) return { ms: null, zone: null };
  const clock = parseShowClock(result.output).value;
  return { ms: clock.time ? Date.parse(clock.time) : null, zone: clock.zone };
}

/** Whole seconds: licensing dates print no milliseconds. */
const second = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** A `COMM_FAILED`/`COMM_RESTORED` about CSLU ("… Smart License Utility (CSLU) : …", §2.4 [C]) is not about the CSSM wait. */
export function isAboutOtherTransport(e: DeviceEvent): boolean {
  return /\(CSLU\)|Smart License Utility/.test(e.message);
}

const MONTH = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(?:(\d{4})\s+)?(\d{1,2}:\d{2}:\d{2})(?:\.(\d{1,3}))?/;

/**
 * Whether a syslog event was stamped before the command. Syslog stamps carry no year (and often no
 * zone): the year and zone of the device's `show clock` are assumed, a stamp more than half a year
 * ahead belongs to the year before. A stamp that cannot be read (uptime form) is kept.
 */
export function queuedBefore(e: DeviceEvent, sentAt: DeviceTime): boolean {
  if (sentAt.ms === null) return false;
  const m = MONTH.exec(e.timestamp.replace(/^[*.]/, ''));
  if (!m) return false;
  const year = m[3] ? Number(m[3]) : new Date(sentAt.ms).getUTCFullYear();
  const read = (y: number): number | null => {
    const iso = parseIosTime(`${m[1]} ${m[2]} ${m[4]} ${y} ${sentAt.zone ?? 'UTC'}`).iso;
    return iso ? Date.parse(iso) : null;
  };
  let at = read(year);
  if (at !== null && !m[3] && at - sentAt.ms > 183 * 86_400_000) at = read(year - 1);
  return at !== null && at < second(sentAt.ms);
}

/** A failed trust request the agent will not retry, and where the device said so. */
export interface FinalAnswer {
  reason: string;
  source: string;
}

/** `status_message` anywhere in a decoded response (CSSM nests it under `header`, §3.7). */
function statusMessage(response: unknown, depth = 0): string | null {
  if (!response || typeof response !== 'object' || depth > 6) return null;
  for (const [k, v] of Object.entries(response as Record<string, unknown>)) {
    if (k === 'status_message' && typeof v === 'string') return v;
    const inner = statusMessage(v, depth + 1);
    if (inner) return inner;
  }
  return null;
}

/** The Trust Establishment exchange sent at or after the command, newest last. */
function trustExchangeSince(exchanges: readonly HistoryExchange[], sentAt: DeviceTime): HistoryExchange | undefined {
  const since = sentAt.ms === null ? -Infinity : second(sentAt.ms);
  return exchanges.filter((x) => x.category === 'Trust Establishment' && x.requestAt !== null && Date.parse(x.requestAt) >= since).pop();
}

/**
 * Reads the two outputs that carry a final answer for a trust request sent at `sentAt`:
 * - `show license history message`: CSSM answered the request with a `status_code` other than OK
 *   (an empty RESPONSE is no reply, which the agent retries: not final);
 * - `show license tech support`: Trust Establishment failed at or after the command with a Failure
 *   Reason, and not for a communication reason (`Ongoing Failure: … Communication=0`; a
 *   communication failure is retried).
 * Undefined when neither says the attempt is over.
 */
export async function finalTrustAnswer(device: Device, sentAt: DeviceTime): Promise<FinalAnswer | undefined> {
  const history = await device.run('show license history message');
  if (!history.failed) {
    const x = trustExchangeSince(parseShowLicenseHistoryMessage(history.output).value.exchanges, sentAt);
    if (x && x.responseRaw && x.statusCode && x.statusCode !== 'OK') {
      const message = statusMessage(x.response);
      return {
        reason: `CSSM answered the trust request with ${x.statusCode}${message ? `: ${message}` : ''}`,
        source: `show license history message: Trust Establishment RESPONSE ${x.responseAt ?? ''}`.trim(),
      };
    }
  }
  const tech = await device.run('show license tech support');
  if (tech.failed) return undefined;
  const stat = parseShowLicenseTechSupport(tech.output).value.communication.categories['Trust Establishment'];
  if (!stat?.failureReason || !stat.lastFailureAt) return undefined;
  const failedAt = Date.parse(stat.lastFailureAt);
  if (sentAt.ms !== null && failedAt < second(sentAt.ms)) return undefined;
  // A communication failure, no reply or a server's "try again" (§3.6 tokens) is retried by the agent.
  if (stat.ongoingFailureCommunication > 0 || /NO REPLY|TRY_AGAIN/.test(stat.lastResponse ?? '')) return undefined;
  return {
    reason: `trust establishment failed: ${stat.failureReason}${stat.lastResponse ? ` (last response ${stat.lastResponse})` : ''}`,
    source: 'show license tech support: Trust Establishment Failure Reason',
  };
}
