import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** `ping` read for the probes: outcome, the DNS step when a name was given, and the reply counts. */
export interface PingResult {
  /** `ok` some replies, `failed` none, `unresolved` name not resolved, `unknown` nothing recognised. */
  outcome: 'ok' | 'failed' | 'unresolved' | 'unknown';
  target: string | null;
  /** The name being resolved (`Translating "x"...domain server (10.0.0.1)`). */
  resolvedName: string | null;
  dnsServer: string | null;
  sourceAddress: string | null;
  count: number | null;
  sizeBytes: number | null;
  timeoutSeconds: number | null;
  successRatePercent: number | null;
  sent: number | null;
  received: number | null;
  rttMinMs: number | null;
  rttAvgMs: number | null;
  rttMaxMs: number | null;
  /** The `!`/`.`/`U` characters as printed. */
  pattern: string;
  /** The `% …` error line, if any. */
  error: string | null;
}

/** Parses IOS `ping` output (reference §3.11). */
export function parsePing(text: string): ParseResult<PingResult> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const v: PingResult = {
    outcome: 'unknown', target: null, resolvedName: null, dnsServer: null, sourceAddress: null, count: null,
    sizeBytes: null, timeoutSeconds: null, successRatePercent: null, sent: null, received: null, rttMinMs: null,
    rttAvgMs: null, rttMaxMs: null, pattern: '', error: null,
  };
  for (const line of pre.lines) {
    const t = line.trim();
    let m: RegExpExecArray | null;
    if (t === '' || t === 'Type escape sequence to abort.') continue;
    if ((m = /^Translating "([^"]+)"\.\.\.domain server \(([^)]+)\)/.exec(t))) {
      v.resolvedName = m[1];
      v.dnsServer = m[2];
    } else if ((m = /^Sending (\d+), (\d+)-byte ICMP Echos to (\S+), timeout is (\d+) seconds:/.exec(t))) {
      v.count = +m[1]; v.sizeBytes = +m[2]; v.target = m[3]; v.timeoutSeconds = +m[4];
    } else if ((m = /^Packet sent with a source address of (\S+)/.exec(t))) {
      v.sourceAddress = m[1];
    } else if (/^[!.UQMA?&C]+$/.test(t)) {
      v.pattern += t;
    } else if ((m = /^Success rate is (\d+) percent \((\d+)\/(\d+)\)(?:, round-trip min\/avg\/max = (\d+)\/(\d+)\/(\d+) ms)?/.exec(t))) {
      v.successRatePercent = +m[1]; v.received = +m[2]; v.sent = +m[3];
      if (m[4] !== undefined) { v.rttMinMs = +m[4]; v.rttAvgMs = +m[5]; v.rttMaxMs = +m[6]; }
    } else if (t.startsWith('%')) {
      v.error = t;
    } else warnings.push(`unrecognised line "${t}"`);
  }
  if (v.error && /Unrecognized host|Unknown host|Bad IP address/i.test(v.error)) v.outcome = 'unresolved';
  else if (v.received !== null) v.outcome = v.received > 0 ? 'ok' : 'failed';
  else if (v.error) v.outcome = 'failed';
  return { value: v, warnings, syslog: pre.syslog };
}
