import { parseIosTime } from './ios-time';
import { resolveParser } from './registry';
import { parseShowClock } from './show-clock';

/**
 * Reads saved device outputs for offline diagnosis (`slp diagnose --from`): a session log with
 * several `Switch#command` prompts, a `show tech-support license` bundle
 * (`------------------ show … ------------------` sections), a single saved output, or a folder
 * with one file per command. Pure: the caller reads the files (src/diagnose/capture-input.ts).
 */

/** One saved file: its name (used to tell the command when the text does not) and its text. */
export interface CaptureFile {
  name: string;
  text: string;
}

/** One command found in the capture, with its output. */
export interface CapturedCommand {
  /** As typed or named (`sh lic stat`, `show license tech support | sec Trust`). */
  typed: string;
  /** The parser's full command name (a key of PARSERS); null for a command no parser reads. */
  name: string | null;
  /** The output, without the prompt/echo line. */
  output: string;
  /** A `| include` / `| section` filter was applied: the output is an excerpt. */
  filtered: boolean;
  /** File name, and the 1-based line where the output starts in it. */
  source: string;
  line: number;
}

/** The capture's own time, never today's: dates in it are compared against this. */
export interface CaptureNow {
  /** ISO 8601 UTC; null when the capture holds no date at all. */
  time: string | null;
  /**
   * `show clock`: a `show clock` output in the capture; `exec header`: the `Time source is …` /
   * `No time source, …` line `exec prompt timestamp` prints above an output; `tech support current
   * time`: `Current time:` of the scheduled jobs; `newest timestamp`: the latest past date printed
   * anywhere (future-facing fields such as `Next ACK deadline` are left out).
   */
  source: 'show clock' | 'exec header' | 'tech support current time' | 'newest timestamp' | null;
  /** For `show clock` / exec header: false with `*` or `.`; null when the source says nothing. */
  authoritative: boolean | null;
  /** The text the time was read from. */
  raw: string | null;
}

export interface Capture {
  /** Every command found, in reading order. */
  commands: CapturedCommand[];
  /**
   * One output per parser name: an unfiltered output wins over an excerpt; among equals, the
   * later one (the newer state). Commands no parser reads are only in `commands`.
   */
  outputs: Record<string, string>;
  now: CaptureNow;
  warnings: string[];
}

// `Switch#show license status`, `sw-a1>sh ver`; the command must start with a letter.
const PROMPT_RE = /^([A-Za-z0-9][\w.\-/:]*)(?:\([\w\-]+\))?[#>][ \t]*([A-Za-z].*)$/;
// `------------------ show license status ------------------` (show tech-support sections).
const TECH_HEADER_RE = /^-{3,}\s+(show\s.*?)\s+-{3,}$/;
const BARE_ECHO_RE = /^(?:show|sh)\s+\S/;
// `exec prompt timestamp`: `Time source is NTP, 14:37:25.569 UTC Tue Mar 22 2022`, `No time source, *17:05…`.
const EXEC_HEADER_RE = /^(?:Time source is [^,]+|No time source), ([*.]?)(\d{1,2}:\d{2}:\d{2}.*)$/;

interface Segment {
  typed: string | null;
  lines: string[];
  start: number;
}

/** Splits at prompts and tech-support section headers; text before the first is its own segment. */
function segments(lines: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment = { typed: null, lines: [], start: 1 };
  let host: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const tech = l.charCodeAt(0) === 45 /* - */ ? TECH_HEADER_RE.exec(l) : null;
    const p = tech ? null : PROMPT_RE.exec(l);
    // One host name per session log: a config line that happens to contain `#` is not a prompt.
    const prompt: RegExpExecArray | null = p && (host === null || p[1] === host) && resolvesOrIsCommand(p[2]) ? p : null;
    if (!tech && !prompt) {
      cur.lines.push(l);
      continue;
    }
    if (prompt) host = prompt[1];
    out.push(cur);
    cur = { typed: (tech ? tech[1] : prompt![2]).trim(), lines: [], start: i + 2 };
  }
  out.push(cur);
  return out;
}

/** A prompt line is taken as one when what follows reads as an IOS command. */
function resolvesOrIsCommand(text: string): boolean {
  return resolveParser(text) !== null || /^(?:show|sh|more|dir|ping|telnet|conf|configure|end|exit|enable|en|disable|license|terminal|term|copy|write|wr|debug|undebug|clear|reload|install)\b/i.test(text.trim());
}

/** `show-license-status.txt`, `sh lic stat.log`, `show_license_tech_support` → the typed command. */
export function commandFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.(?:txt|log|out|cap|text)$/i, '');
  return base.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const isShowTechLicense = (typed: string): boolean => /^sh(?:ow?)?\s+tech(?:-support)?\s+lic/i.test(typed);
const isFiltered = (typed: string): boolean => typed.includes('|');

/** Guesses the command of an output that names none, from its text. */
function commandFromContent(text: string): string | null {
  // Tech support without its title line (a real capture starts at `Smart Licensing Status`).
  if (/^Smart Licensing Tech Support info\b|^(?:Upcoming Scheduled Jobs|Communication Statistics:?|Other Info)\s*$/m.test(text)) return 'show license tech support';
  if (/^Cisco IOS XE Software, Version\b/m.test(text)) return 'show version';
  if (/^Smart Licensing Status\s*\n=+/m.test(text)) return 'show license all';
  if (/^\*+ Event Log \*+$|^\s*No EventLog Found\./m.test(text)) return 'show license eventlog';
  if (/^(?:REQUEST|RESPONSE): /m.test(text) || /^Message History\b/m.test(text)) return 'show license history message';
  if (/^Smart Licensing Usage Report( Detail)?:/m.test(text)) return 'show license rum';
  if (/^Smart Licensing Using Policy:\s*$/m.test(text) && /^Utility:\s*$/m.test(text)) return 'show license status';
  if (/^License Authorization:\s*$/m.test(text)) return 'show license usage';
  if (/^\s*License\s+Entitlement Tag\s+Count\s+Status\s*$/m.test(text)) return 'show license summary';
  if (/^UDI: PID:/m.test(text) && !/^Product Information\s*$/m.test(text)) return 'show license udi';
  if (/^Building configuration\.\.\.|^Current configuration\s*:|^version \d+\.\d+\s*$/m.test(text)) return 'show running-config';
  if (/^Log Buffer \(\d+ bytes\):|^Syslog logging:/m.test(text)) return 'show logging';
  return null;
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  // A bare prompt left at the end of a session log (`Switch#`).
  if (b > a && /^[A-Za-z0-9][\w.\-/:]*(?:\([\w\-]+\))?[#>]\s*$/.test(lines[b - 1])) b--;
  return lines.slice(a, b);
}

/** Reads one file: a session log, a tech-support bundle, or one command's output. */
function readOne(file: CaptureFile, warnings: string[]): CapturedCommand[] {
  const text = typeof file.text === 'string' ? file.text : '';
  const lines = (text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n')).split('\n');
  const segs = segments(lines);
  const out: CapturedCommand[] = [];
  const fromName = commandFromFileName(file.name);
  for (const [n, seg] of segs.entries()) {
    let body = seg.lines;
    let typed = seg.typed;
    if (typed === null) {
      // The text before any prompt: the whole file when it has none, else a preamble.
      const trimmed = trimBlank(body);
      if (trimmed.length === 0) continue;
      const first = trimmed.find((l) => l.trim() !== '' && !EXEC_HEADER_RE.test(l.trim()) && !/^Load for five secs:/.test(l.trim()));
      if (first !== undefined && BARE_ECHO_RE.test(first.trim())) {
        typed = first.trim();
        body = trimmed.slice(trimmed.indexOf(first) + 1);
      } else if (segs.length === 1 && resolveParser(fromName) && !isShowTechLicense(fromName)) {
        typed = fromName;
      } else {
        typed = commandFromContent(trimmed.join('\n'));
        if (typed === null) {
          if (n === 0 && segs.length > 1 && trimmed.every((l) => /^\s*$|^Load for five secs:|^(?:Time source is|No time source)/.test(l))) continue;
          warnings.push(`${file.name}:${seg.start}: output of an unknown command (${trimmed.length} lines) skipped`);
          continue;
        }
      }
    }
    if (isShowTechLicense(typed)) continue; // the bundle's own echo; its sections follow
    const resolved = resolveParser(typed);
    out.push({
      typed, name: resolved?.name ?? null, output: trimBlank(body).join('\n'), filtered: isFiltered(typed),
      source: file.name, line: seg.start,
    });
  }
  return out;
}

/** Reads the capture's own "now" (see CaptureNow for the order of the sources). */
function captureNow(files: readonly CaptureFile[], commands: readonly CapturedCommand[]): CaptureNow {
  // Like `outputs`: a full show clock over an excerpt, then the later one.
  const clocks = commands.filter((c) => c.name === 'show clock').sort((a, b) => Number(b.filtered) - Number(a.filtered));
  for (const c of clocks.reverse()) {
    const v = parseShowClock(c.output).value;
    if (v.time) return { time: v.time, source: 'show clock', authoritative: v.authoritative, raw: v.raw };
  }
  let header: CaptureNow | null = null;
  let current: CaptureNow | null = null;
  let newest: CaptureNow | null = null;
  for (const f of files) {
    for (const raw of (typeof f.text === 'string' ? f.text : '').split(/\r?\n|\r/)) {
      const t = raw.trim();
      if (t === '') continue;
      let m: RegExpExecArray | null;
      if ((m = EXEC_HEADER_RE.exec(t))) {
        const iso = parseIosTime(m[2]).iso;
        if (iso && (!header || iso > header.time!)) header = { time: iso, source: 'exec header', authoritative: m[1] === '' && !t.startsWith('No time source'), raw: t };
        continue;
      }
      if ((m = /^Current time:\s*(.+)$/.exec(t))) {
        const iso = parseIosTime(m[1]).iso;
        if (iso && (!current || iso > current.time!)) current = { time: iso, source: 'tech support current time', authoritative: null, raw: t };
        continue;
      }
      // Deadlines, next pushes and timers point to the future: they are not the capture's time.
      if (/\b(?:Next|deadline|remaining|Expir)/i.test(t)) continue;
      for (const d of datesIn(t)) {
        if (!newest || d.iso > newest.time!) newest = { time: d.iso, source: 'newest timestamp', authoritative: null, raw: d.text };
      }
    }
  }
  return header ?? current ?? newest ?? { time: null, source: null, authoritative: null, raw: null };
}

// Licensing `Jan 24 23:19:05 2025 UTC`, event log `2025-01-24 13:58:23.900 UTC`, clock `23:38:54.683 UTC Fri Jan 24 2025`.
const DATE_PATTERNS = [
  /\b[A-Z][a-z]{2}\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\s+\d{4}(?:\s+[A-Za-z][\w+-]*)?/g,
  /\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:\s+[A-Za-z][\w+-]*)?/g,
  /\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\s+[A-Za-z][\w+-]*\s+(?:[A-Z][a-z]{2}\s+)?[A-Z][a-z]{2}\s+\d{1,2}\s+\d{4}/g,
];

function* datesIn(line: string): Generator<{ iso: string; text: string }> {
  if (!/\d:\d\d:\d\d/.test(line)) return;
  for (const re of DATE_PATTERNS) {
    for (const m of line.matchAll(re)) {
      // A trailing word may be the next field, not a zone: retry without it before giving up.
      const text = m[0];
      const iso = parseIosTime(text).iso ?? parseIosTime(text.replace(/\s+\S+$/, '')).iso;
      if (iso) yield { iso, text };
    }
  }
}

/** Reads a capture from one or more files (a folder is its files, in name order). */
export function readCaptureFiles(files: readonly CaptureFile[]): Capture {
  const warnings: string[] = [];
  const commands = [...files].sort((a, b) => a.name.localeCompare(b.name)).flatMap((f) => readOne(f, warnings));
  const outputs: Record<string, string> = {};
  const chosenFiltered = new Map<string, boolean>();
  for (const c of commands) {
    if (c.name === null) continue;
    const had = chosenFiltered.get(c.name);
    if (had === false && c.filtered) continue; // keep the full output over a later excerpt
    outputs[c.name] = c.output;
    chosenFiltered.set(c.name, c.filtered);
  }
  if (commands.length === 0) warnings.push('no command output recognised in the capture');
  return { commands, outputs, now: captureNow(files, commands), warnings };
}

/** Reads a capture held in one text (a session log, a bundle, or one output named by `name`). */
export function readCaptureText(text: string, name = 'capture'): Capture {
  return readCaptureFiles([{ name, text }]);
}
