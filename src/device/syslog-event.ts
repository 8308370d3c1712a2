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
  /** Where the unterminated last line starts in `text`: every line before it has been looked at. */
  scanned: number;
}

/**
 * Removes every complete syslog line (terminated by LF) from `text` and returns them as events.
 * An unterminated last line stays: it may still be growing, or it is the prompt. Lines before
 * `from` (a line start) were looked at by an earlier call and are not read again, so a reader
 * calling this per received chunk does work in proportion to the chunk, not to the whole output.
 */
export function liftSyslogLines(text: string, receivedAt: Date = new Date(), from = 0): Lifted {
  const end = text.lastIndexOf('\n') + 1;
  if (end <= from) return { text, events: [], scanned: from };
  const region = text.slice(from, end);
  if (!region.includes('%')) return { text, events: [], scanned: end };
  const events: DeviceEvent[] = [];
  const kept: string[] = [];
  for (const line of region.slice(0, -1).split('\n')) {
    const ev = line.includes('%') ? parseSyslogLine(line, receivedAt) : undefined;
    if (ev) events.push(ev);
    else kept.push(`${line}\n`);
  }
  if (events.length === 0) return { text, events, scanned: end };
  const keptText = kept.join('');
  return { text: text.slice(0, from) + keptText + text.slice(end), events, scanned: from + keptText.length };
}
