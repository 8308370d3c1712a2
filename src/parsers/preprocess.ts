import { parseSyslogLine } from './syslog-line';
import type { SyslogMessage } from './types';

/** What every parser starts from: clean lines, plus what was taken out of them. */
export interface Preprocessed {
  /** LF-split lines, trailing whitespace removed, without prompt/echo, exec headers and syslog. */
  lines: string[];
  /** Syslog lines lifted out (asynchronous console messages interleaved with the output). */
  syslog: SyslogMessage[];
  /** The command echoed at the top (`Switch#show license status` → `show license status`), if any. */
  command: string | null;
  /** The prompt's host name when an echo line was found. */
  prompt: string | null;
}

// `Switch#show version`, `sw-a1(config)#do show run`, `Router>ping 1.1.1.1`.
const PROMPT_ECHO_RE = /^([A-Za-z0-9][\w.\-/:]*)(?:\([\w\-]+\))?[#>]\s*(\S.*)?$/;
// A bare echo without prompt (genieparser captures start with the command itself).
const BARE_ECHO_RE = /^(?:show|sh|ping|telnet|more|dir)\s+\S/;
// `exec prompt timestamp` lines opening many captures (reference §3 general rules).
const EXEC_HEADER_RE = /^(?:Load for five secs:|Time source is |No time source,)/;

/**
 * Normalises raw device text: CRLF/CR → LF, trailing spaces, leading prompt+echo and
 * `exec prompt timestamp` header lines, a trailing bare prompt, and interleaved syslog lines.
 * With `keepSyslog` the syslog lines also stay in `lines` (for `show logging`).
 */
export function preprocess(text: string, options: { keepSyslog?: boolean } = {}): Preprocessed {
  const src = typeof text === 'string' ? text : String(text ?? '');
  // Most captures are LF-only: skip the CR pass (a full copy of a 1 MB text) when there is no CR.
  const raw = (src.indexOf('\r') < 0 ? src : src.replace(/\r\n?/g, '\n')).split('\n');
  const syslog: SyslogMessage[] = [];
  const lines: string[] = [];
  for (const r of raw) {
    const line = trimTrailing(r);
    const sys = parseSyslogLine(line);
    if (sys) {
      syslog.push(sys);
      if (!options.keepSyslog) continue;
    }
    lines.push(line);
  }
  let command: string | null = null;
  let prompt: string | null = null;
  // Leading blank lines, exec headers and one echo line, in any order they appear at the top.
  let i = 0;
  let sawEcho = false;
  while (i < lines.length) {
    const l = lines[i];
    if (l.trim() === '' || EXEC_HEADER_RE.test(l.trim())) {
      i++;
      continue;
    }
    if (!sawEcho) {
      const m = PROMPT_ECHO_RE.exec(l);
      if (m && m[2] !== undefined) {
        prompt = m[1];
        command = m[2].trim();
        sawEcho = true;
        i++;
        continue;
      }
      if (BARE_ECHO_RE.test(l)) {
        command = l.trim();
        sawEcho = true;
        i++;
        continue;
      }
    }
    break;
  }
  let end = lines.length;
  while (end > i && lines[end - 1].trim() === '') end--;
  // A trailing bare prompt (`Switch#`) left by a capture.
  if (end > i && /^[A-Za-z0-9][\w.\-/:]*(?:\([\w\-]+\))?[#>]$/.test(lines[end - 1])) end--;
  return { lines: lines.slice(i, end), syslog, command, prompt };
}

/** Drops trailing spaces, tabs and NULs; a loop, as a `[…]+$` regex costs most of a 1 MB parse. */
function trimTrailing(line: string): string {
  let end = line.length;
  for (let c = line.charCodeAt(end - 1); c === 32 || c === 9 || c === 0; c = line.charCodeAt(end - 1)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** `key: value` with the key trimmed; null when the line has no colon. */
export function splitKeyValue(line: string): { key: string; value: string } | null {
  const idx = line.indexOf(':');
  if (idx < 0) return null;
  return { key: line.slice(0, idx).trim(), value: line.slice(idx + 1).trim() };
}

const SPACES_RE = /\s{2,}|[^\S ]/g;

/**
 * Runs of whitespace → one space. A line already single-spaced is returned as it is, not copied:
 * every line of every running-config passes here (parser and planner).
 */
export function collapseSpaces(line: string): string {
  return line.replace(SPACES_RE, ' ');
}

/** Number of leading spaces (tabs count as one). */
export function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

/** `<empty>` / `<none>` / '' → null; anything else unchanged. */
export function nullIfEmpty(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.trim();
  return v === '' || v === '<empty>' || v === '<none>' ? null : v;
}

/** Parses an integer written with optional thousands separators; NaN → null. */
export function toInt(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text.replace(/,/g, '').trim());
  return Number.isFinite(n) && text.trim() !== '' ? n : null;
}
