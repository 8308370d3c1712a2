import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** What a `telnet host port` TCP probe showed (reference §3.12). */
export type TelnetOutcome = 'open' | 'timed_out' | 'refused' | 'unknown_host' | 'unreachable' | 'unknown';

/** `telnet <host> <port>` read for the reachability probe: how far the connection got. */
export interface TelnetResult {
  outcome: TelnetOutcome;
  host: string | null;
  address: string | null;
  port: number | null;
  dnsServer: string | null;
  /** The far end closed the session (`[Connection to X closed by foreign host]`). */
  closedByForeignHost: boolean;
  /** The `% …` line, if any. */
  error: string | null;
}

// Indicators in the order they are decided; first match wins.
const OUTCOMES: ReadonlyArray<[RegExp, TelnetOutcome]> = [
  [/^% Connection timed out/, 'timed_out'],
  [/^% Connection refused/, 'refused'],
  [/^% (?:Unknown host|Bad IP address or host name|Unknown command or computer name|Unrecognized host)/, 'unknown_host'],
  [/^% (?:Destination unreachable|Host is unreachable|No route)/, 'unreachable'],
];

/** Parses IOS `telnet <host> <port> …` output. */
export function parseTelnet(text: string): ParseResult<TelnetResult> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const v: TelnetResult = { outcome: 'unknown', host: null, address: null, port: null, dnsServer: null, closedByForeignHost: false, error: null };
  let open = false;
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^Translating "([^"]+)"\.\.\.domain server \(([^)]+)\)/.exec(t))) {
      v.host = m[1];
      v.dnsServer = m[2];
      continue;
    }
    // `Trying 192.168.217.105, 80 ... Open` or `Trying us.ciscoiot.com (10.105.58.227, 443)... Open`
    if ((m = /^Trying (?:(\S+) \((\S+), (\d+)\)|(\S+), (\d+))\s*\.\.\.\s*(Open)?$/.exec(t))) {
      if (m[1]) { v.host = m[1]; v.address = m[2]; v.port = +m[3]; } else { v.address = m[4]; v.port = +m[5]; }
      if (m[6]) open = true;
      continue;
    }
    if (t === 'Open') { open = true; continue; }
    if ((m = /^\[Connection to (\S+) closed by foreign host\]$/.exec(t))) { v.closedByForeignHost = true; continue; }
    if (t.startsWith('%')) {
      v.error = t;
      const row = OUTCOMES.find(([re]) => re.test(t));
      if (row) v.outcome = row[1];
      else warnings.push(`unknown error "${t}"`);
      continue;
    }
    // After Open the far end may send a banner: not an error, not ours to read.
    if (!open) warnings.push(`unrecognised line "${t}"`);
  }
  if (open && v.outcome === 'unknown') v.outcome = 'open';
  return { value: v, warnings, syslog: pre.syslog };
}
