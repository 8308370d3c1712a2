import type { SyslogMessage } from './types';

/**
 * An IOS syslog line: optional sequence number (`000123: `), optional clock marker (`*` not
 * authoritative, `.` lost sync), the timestamp (`Nov 17 18:05:09.580`, optionally with year and zone,
 * or an uptime stamp such as `1d02h`), then `: %FAC-SEV-MNEMONIC: text`.
 * Built from reference §2.4 and real-outputs/syslog-smart-lic (17.x C9200, trailing space kept
 * off by the pre-processor).
 */
const SYSLOG_RE =
  /^(?:\d+:\s+)?([*.]?)((?:[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:\s+[A-Za-z]{2,6})?)|(?:\d+[ywdhms][\w:]*)):\s+%([A-Z][A-Z0-9_]*)-(\d)-([A-Z0-9_]+):\s?(.*)$/;

/** Reads one syslog line; null when the line is not one. */
export function parseSyslogLine(line: string): SyslogMessage | null {
  if (line.indexOf('%') < 0) return null; // cheap guard: most lines are not syslog
  const m = SYSLOG_RE.exec(line.trimEnd());
  if (!m) return null;
  return {
    timestamp: m[2],
    clockMarker: m[1] as SyslogMessage['clockMarker'],
    facility: m[3],
    severity: Number(m[4]),
    mnemonic: m[5],
    message: m[6].trim(),
    raw: line.trimEnd(),
  };
}
