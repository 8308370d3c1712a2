import { preprocess } from './preprocess';
import type { ParseResult, SyslogMessage } from './types';

/** A `%SMART_LIC-…` syslog line, with the COMM_FAILED target and reason read out. */
export interface SmartLicEvent extends SyslogMessage {
  /** For COMM_FAILED: `Cisco Smart Software Manager (CSSM)` / `Cisco Smart License Utility (CSLU)`. */
  target: string | null;
  /** For COMM_FAILED: the text after ` : `, e.g. `Connection timed out`. */
  reason: string | null;
}

/** `show logging`: the buffer as syslog messages, licensing events and raw lines. */
export interface ShowLogging {
  /** Every syslog line in the buffer, oldest first. */
  messages: SyslogMessage[];
  /** The %SMART_LIC-… lines with COMM_FAILED target/reason read out. */
  smartLic: SmartLicEvent[];
  /**
   * Every non-empty line after `Log Buffer (N bytes):`, oldest first. Unlike `messages` this keeps
   * lines without a `%FAC-SEV-MNEMONIC` tag, which is how IOS prints debug output
   * (`*Jan 24 23:30:01.123: HTTPC: …`). Empty when the output has no buffer header.
   */
  buffer: string[];
}

/** Parses `show logging`: the header is skipped; a cut-off first buffer line is ignored. */
export function parseShowLogging(text: string): ParseResult<ShowLogging> {
  const pre = preprocess(text, { keepSyslog: true });
  const messages = pre.syslog;
  const smartLic: SmartLicEvent[] = messages
    .filter((m) => m.facility === 'SMART_LIC')
    .map((m) => {
      const c = /^Communications failure with (?:the )?(.+?)\s+:\s+(.+)$/.exec(m.message);
      return { ...m, target: c ? c[1] : null, reason: c ? c[2] : null };
    });
  const start = pre.lines.findIndex((l) => /^Log Buffer \(\d+ bytes\):/.test(l.trim()));
  const buffer = start < 0 ? [] : pre.lines.slice(start + 1).filter((l) => l.trim() !== '');
  // The header and buffer text are not ours to judge: no warnings for them.
  return { value: { messages, smartLic, buffer }, warnings: [], syslog: [] };
}
