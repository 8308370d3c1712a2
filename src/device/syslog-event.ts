import { DeviceEvent } from './device';

/**
 * An IOS syslog line as a vty prints it (reference §2.4):
 * `*Jan 24 23:19:05.144: %SMART_LIC-6-TRUST_INSTALL_SUCCESS: A new licensing trust code was …`.
 * Optional sequence number (`000123: `), `*`/`.` clock-sync marker, optional year and time zone
 * (`service timestamps log datetime msec year show-timezone`).
 */
const SYSLOG_LINE =
  /^(?:\d+:\s+)?([*.]?[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?:\s+[A-Z]{2,5})?):\s+%([A-Z0-9_]+)-([0-7])-([A-Z0-9_]+):\s?(.*?)\s*$/;

export function parseSyslogLine(line: string, receivedAt: Date = new Date()): DeviceEvent | undefined {
  const m = SYSLOG_LINE.exec(line);
  if (!m) return undefined;
  return {
    timestamp: m[1]!,
    facility: m[2]!,
    severity: Number(m[3]),
    mnemonic: m[4]!,
    message: m[5]!,
    receivedAt,
    raw: line.trimEnd(),
  };
}

export interface Lifted {
  text: string;
  events: DeviceEvent[];
}

/**
 * Removes every complete syslog line (terminated by LF) from `text` and returns them as events.
 * An unterminated last line stays: it may still be growing, or it is the prompt.
 */
export function liftSyslogLines(text: string, receivedAt: Date = new Date()): Lifted {
  if (!text.includes('%')) return { text, events: [] };
  const events: DeviceEvent[] = [];
  const parts = text.split('\n');
  const tail = parts.pop()!; // unterminated (possibly empty)
  const kept: string[] = [];
  for (const line of parts) {
    const ev = line.includes('%') ? parseSyslogLine(line, receivedAt) : undefined;
    if (ev) events.push(ev);
    else kept.push(line);
  }
  if (events.length === 0) return { text, events };
  return { text: kept.map((l) => `${l}\n`).join('') + tail, events };
}
