import { StringDecoder } from 'string_decoder';
import { DeviceTimeoutError, DisconnectedError } from '../errors';
import { Redactor, REDACTED } from '../redact';
import { DeviceEvent, PromptAnswer } from './device';
import { liftSyslogLines } from './syslog-event';
import { appendChunk, CleanState, emptyCleanState } from './terminal-text';
import { Transcript } from './transcript';
import type { ByteStream } from './transport';

/**
 * The prompt layer: sends a line, reads until a prompt, and hands back clean text. It absorbs
 * what a vty does to output (CRLF, ANSI, echo, ` --More-- ` pages, questions, syslog lines typed
 * into the middle of output) and enforces per-phase timeouts. It knows no IOS: what counts as a
 * prompt, a page marker or a question comes in through ChannelOptions (from ios-platform.ts).
 */

export interface ChannelOptions {
  /** Inventory host name, for errors. */
  host: string;
  redactor: Redactor;
  /** Does this last line (no newline after it) end the read? */
  isPrompt: (line: string) => boolean;
  morePattern: RegExp;
  /** Questions recognised at once (`[confirm]`, `[yes/no]`, `(yes/[no]):`, `…[default]?`). */
  questionPatterns: readonly RegExp[];
  /**
   * Questions so loose that output can end in them by chance (a bare trailing `?`: a URL with a
   * query, a banner line `Questions?` cut by TCP): they count only after the device has been
   * silent for `questionSettleMs`, and more data cancels the wait.
   */
  settledQuestionPatterns?: readonly RegExp[];
  /** Silence that makes a settledQuestionPatterns match a question. */
  questionSettleMs?: number;
  /** A question that reads one key: its answer is sent with no return after it. */
  oneKeyQuestion?: RegExp;
  /** Sent to abandon a question nobody answered (Ctrl-C on IOS). */
  interrupt: string;
  returnChar: string;
  transcript?: Transcript;
  onEvent?: (event: DeviceEvent) => void;
  now?: () => Date;
}

/** Default ChannelOptions.questionSettleMs: long against a TCP gap, short against a person's wait. */
export const DEFAULT_QUESTION_SETTLE_MS = 250;

export interface ExchangeOptions {
  /** Overall cap: the prompt must end the buffer within this long. */
  timeoutMs: number;
  /**
   * Inactivity limit: the read fails when no byte arrives for this long, even under the cap.
   * Long outputs come in bursts; silence, not length, is what says a device stopped.
   */
  idleTimeoutMs?: number;
  /** Names the step in DeviceTimeoutError: prompt, enable, command, config… */
  phase: string;
  answers?: readonly PromptAnswer[];
  /** The input is a secret: never shown, not even redacted in part. */
  secret?: boolean;
  /** Keep syslog-looking lines in the output (for `show logging`). */
  keepSyslogLines?: boolean;
  /** Extra last-line patterns that end the read, e.g. `Password:`. */
  expect?: readonly RegExp[];
  /**
   * Ends the read when the output so far (after the echo) matches, with no prompt to come: an
   * outgoing telnet that stays open (`Trying … Open`) hands the terminal to the far end.
   */
  endWhen?: RegExp;
  /** Overrides ChannelOptions.isPrompt for this exchange (hostname changes). */
  isPrompt?: (line: string) => boolean;
}

export interface Exchange {
  /** The input as it may be shown (redacted). */
  input: string;
  /** Clean output: no echo, no prompt, no syslog lines, LF only; the device's text, not redacted. */
  output: string;
  /** Everything received for this exchange, cleaned of CR/ANSI but otherwise whole, redacted. */
  raw: string;
  /** The last line that ended the read (a prompt, or an `expect` match). */
  prompt: string;
  endedBy: 'prompt' | 'expect';
  /** Questions answered on the way, in order. */
  answered: string[];
  /** Paging was needed (`terminal length 0` did not hold). */
  paged: boolean;
  startedAt: Date;
  elapsedMs: number;
}

/** The device asked a question the caller gave no answer for; the channel answered Ctrl-C. */
export class UnansweredQuestionError extends Error {
  constructor(readonly question: string, readonly output: string) {
    super(`unexpected question "${question}"`);
    this.name = 'UnansweredQuestionError';
  }
}

interface Waiter {
  check(): void;
  fail(err: Error): void;
}

export class Channel {
  private readonly decoder = new StringDecoder('utf8');
  /**
   * Text of the current exchange, syslog lines lifted out, in two parts: `finishedLines` (each
   * looked at for syslog once, never read again per chunk) and `text`, what came after the
   * last newline. A chunk's work is then in proportion to the chunk, not to the output so far: one
   * growing string would be copied whole (flattened) by the first search of every chunk.
   */
  private finishedLines = '';
  private text: CleanState = emptyCleanState();
  /** The same, syslog lines kept, for raw/transcript. */
  private rawText: CleanState = emptyCleanState();
  private events: DeviceEvent[] = [];
  private waiter: Waiter | undefined;
  private closed = false;
  private keepSyslog = false;
  /** After a space answered ` --More-- `, IOS erases the marker with backspaces: swallow them. */
  private afterMore = false;
  /** A syslog line was lifted from the end of the text in the last chunk. */
  private liftedAtEnd = false;
  private busy = false;

  constructor(private readonly stream: ByteStream, private readonly o: ChannelOptions) {
    stream.on('data', (d) => this.onData(typeof d === 'string' ? d : this.decoder.write(d)));
    stream.on('close', () => {
      this.closed = true;
      this.waiter?.fail(new DisconnectedError(o.host, this.currentInput));
    });
    // A stream error is this session's end, never the process's: the read under way fails as a
    // disconnect, and every later exchange is refused as one.
    stream.on('error', (err) => {
      this.closed = true;
      this.streamError = err;
      this.waiter?.fail(new DisconnectedError(o.host, this.currentInput, { cause: err }));
    });
  }

  private currentInput: string | undefined;
  /** What ended the stream, when it was an error rather than a close. */
  streamError: Error | undefined;

  get isClosed(): boolean {
    return this.closed;
  }

  /** Returns and forgets the events lifted so far. */
  drainEvents(): DeviceEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  private now(): Date {
    return this.o.now ? this.o.now() : new Date();
  }

  private onData(chunk: string): void {
    this.rawText = appendChunk(this.rawText, chunk);
    if (this.afterMore) {
      chunk = chunk.replace(/^(?:\x08+ +\x08+|\x08+)/, '');
      this.afterMore = false;
    }
    this.text = appendChunk(this.text, chunk);
    this.liftedAtEnd = false;
    if (!this.keepSyslog) {
      const lifted = liftSyslogLines(this.text.text, this.now());
      if (lifted.events.length > 0) {
        // Ends at a line start: the lifted line was the last one (finishedLines ends with a newline).
        this.liftedAtEnd = lifted.text.endsWith('\n') || (lifted.text === '' && this.finishedLines !== '');
        this.text = { ...this.text, text: lifted.text };
        for (const e of lifted.events) {
          // Events are read (trust and sync waits) as the device wrote them; the caller's
          // onEvent hook may print them, so it gets them redacted.
          this.events.push(e);
          this.o.onEvent?.({ ...e, message: this.o.redactor.redact(e.message), raw: this.o.redactor.redact(e.raw) });
        }
      }
    }
    const received = this.text.text;
    const nl = received.lastIndexOf('\n');
    if (nl >= 0) {
      this.finishedLines += received.slice(0, nl + 1);
      this.text = { ...this.text, text: received.slice(nl + 1) };
    }
    this.waiter?.check();
  }

  /** The whole text of the exchange so far: a copy of all of it, so not for every chunk. */
  private wholeText(): string {
    return this.finishedLines + this.text.text;
  }

  /** Replaces the whole text; all of it counts as not yet looked at. */
  private setText(text: string): void {
    this.finishedLines = '';
    this.text = { ...this.text, text };
  }

  /**
   * Sends `input` (unless undefined: then only reads) followed by a return, and reads until a
   * prompt. Rejects with DeviceTimeoutError(phase), DisconnectedError or UnansweredQuestionError.
   */
  async exchange(input: string | undefined, opts: ExchangeOptions): Promise<Exchange> {
    if (this.busy) throw new Error('channel: one exchange at a time');
    // A secret input no pattern recognises is registered whole, so its echo is hidden too, also
    // when it reaches the transcript late (after a timeout).
    if (opts.secret && input && this.o.redactor.redact(input) === input) this.o.redactor.add(input);
    const shown = input === undefined ? '' : opts.secret && input.length < 4 ? REDACTED : this.o.redactor.redact(input);
    if (this.closed) throw new DisconnectedError(this.o.host, shown || undefined);
    this.busy = true;
    this.currentInput = shown || undefined;
    const startedAt = this.now();
    const t0 = Date.now();
    // What arrived while idle (a late prompt, a blank line) belongs to no command: keep it in the
    // transcript only. Unterminated text that may be the start of a syslog line stays.
    if (input !== undefined) this.flushIdle();
    this.keepSyslog = opts.keepSyslogLines === true;
    const isPrompt = opts.isPrompt ?? this.o.isPrompt;
    const answered: string[] = [];
    let paged = false;
    let answeredLine = -1;
    const answeredLines: string[] = [];
    let aborting: UnansweredQuestionError | undefined;
    let settleTimer: NodeJS.Timeout | undefined;
    let echoed = false;
    const settleMs = this.o.questionSettleMs ?? DEFAULT_QUESTION_SETTLE_MS;
    try {
      const ended = await new Promise<{ prompt: string; endedBy: 'prompt' | 'expect'; promptAt: number }>((resolve, reject) => {
        const expire = (idle: boolean) => {
          clearTimeout(timer);
          clearTimeout(idleTimer);
          clearTimeout(settleTimer);
          this.waiter = undefined;
          const ms = idle ? opts.idleTimeoutMs! : opts.timeoutMs;
          reject(new DeviceTimeoutError(this.o.host, opts.phase, ms, shown || undefined, idle));
        };
        const timer = setTimeout(() => expire(false), opts.timeoutMs);
        let idleTimer: NodeJS.Timeout | undefined;
        const armIdle = () => {
          if (opts.idleTimeoutMs === undefined || opts.idleTimeoutMs >= opts.timeoutMs) return;
          clearTimeout(idleTimer);
          idleTimer = setTimeout(() => expire(true), opts.idleTimeoutMs);
        };
        armIdle();
        const finish = (f: () => void) => {
          clearTimeout(timer);
          clearTimeout(idleTimer);
          clearTimeout(settleTimer);
          this.waiter = undefined;
          f();
        };
        /** `settled`: the device has said nothing for settleMs since this text arrived. */
        const evaluate = (settled: boolean): void => {
          // Any new data re-decides from scratch; a pending settle wait belongs to older text.
          clearTimeout(settleTimer);
          settleTimer = undefined;
          // Positions are in the whole text (finishedLines + text); only the part after the last newline
          // is searched here.
          const rest = this.text.text;
          const restNl = rest.lastIndexOf('\n');
          let lineStart = this.finishedLines.length + restNl + 1;
          let tail = rest.slice(restNl + 1);
          // A syslog line lifted right after the prompt leaves the prompt on the line before.
          if (tail === '' && this.liftedAtEnd && lineStart > 0) {
            const text = this.wholeText();
            const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
            const prev = text.slice(prevStart, lineStart - 1);
            if (isPrompt(prev)) {
              this.finishedLines = text.slice(0, prevStart);
              this.text = { ...this.text, text: prev };
              lineStart = prevStart;
              tail = prev;
            }
          }
          const promptAt = lineStart;
          // A prompt counts only after the echo's newline: a stale prompt that arrives just
          // after the command was sent must not end the read. A syslog line (and the prompt IOS
          // redraws after it) can arrive in that moment too, so the echo itself is looked for;
          // a secret is not echoed (a password) or not whole (a scrolled idtoken): a newline does.
          // Once seen, the echo stays seen (text is only cut after it): the whole text is read for it
          // only until then, at the start of the output.
          echoed ||= input === undefined || echoSeen(this.wholeText().slice(0, promptAt), input, opts.secret === true);
          if (tail && echoed && isPrompt(tail)) {
            if (aborting) return finish(() => reject(aborting));
            return finish(() => resolve({ prompt: tail, endedBy: 'prompt', promptAt }));
          }
          if (aborting) return;
          if (opts.endWhen && echoed) {
            const text = this.wholeText();
            const afterEcho = text.slice(input === undefined ? 0 : text.indexOf('\n') + 1);
            if (opts.endWhen.test(afterEcho)) return finish(() => resolve({ prompt: tail, endedBy: 'expect', promptAt }));
          }
          if (tail && opts.expect?.some((re) => re.test(tail))) {
            return finish(() => resolve({ prompt: tail, endedBy: 'expect', promptAt }));
          }
          const more = this.o.morePattern.exec(tail);
          if (more) {
            paged = true;
            this.text = { ...this.text, text: rest.slice(0, restNl + 1 + more.index) };
            this.afterMore = true;
            this.stream.write(' ');
            return;
          }
          if (!tail || lineStart === answeredLine) return;
          const asks = this.o.questionPatterns.some((re) => re.test(tail));
          if (!asks && !settled && this.o.settledQuestionPatterns?.some((re) => re.test(tail))) {
            settleTimer = setTimeout(() => evaluate(true), settleMs);
            return;
          }
          if (asks || (settled && this.o.settledQuestionPatterns?.some((re) => re.test(tail)))) {
            answeredLine = lineStart;
            const answer = opts.answers?.find((a) => a.pattern.test(tail));
            const keys = answer && answerKeys(answer.answer, tail, this.o.returnChar, this.o.oneKeyQuestion);
            if (answer && keys !== undefined) {
              answered.push(tail.trim());
              answeredLines.push(`${tail}${answer.answer}\n`);
              this.stream.write(keys);
              return;
            }
            // Unanswered, or an answer longer than the one key the question reads: never typed.
            aborting = new UnansweredQuestionError(this.o.redactor.redact(tail.trim()), '');
            this.stream.write(this.o.interrupt);
          }
        };
        this.waiter = {
          fail: (err) => finish(() => reject(err)),
          check: () => {
            armIdle();
            evaluate(false);
          },
        };
        if (input !== undefined) this.stream.write(input + this.o.returnChar);
        else this.waiter.check();
      });
      const whole = this.wholeText();
      const body = whole.slice(0, ended.promptAt);
      // Redacted when first read: the transcript reads it now; without one, only a caller that
      // asks does (most never do, and redacting every output was a fifth of the redactor's work).
      const rawText = this.rawText.text;
      const redactor = this.o.redactor;
      let raw: string | undefined;
      const redactedRaw = (): string => (raw ??= redactor.redact(rawText));
      if (this.o.transcript) this.o.transcript.write(redactedRaw());
      this.setText(whole.slice(ended.promptAt + ended.prompt.length));
      this.rawText = { text: '', carry: this.rawText.carry };
      // An answered question and its answer are dialogue, not output (they stay in raw).
      const output = stripEcho(answeredLines.reduce((b, l) => b.replace(l, ''), body), input);
      return {
        input: shown,
        // The device's own text: parsers read it and plans are built from it, so it is never
        // redacted here (a password that is a common word would turn `cisco.com` into `***.com`
        // and the plan would remove it). Whatever prints or stores it redacts (raw, transcript,
        // errors, reports, backups).
        output,
        get raw() {
          return redactedRaw();
        },
        prompt: ended.prompt,
        endedBy: ended.endedBy,
        answered,
        paged,
        startedAt,
        elapsedMs: Date.now() - t0,
      };
    } catch (err) {
      // Keep what was received in the transcript; the buffer is left for a resync by the driver.
      if (err instanceof UnansweredQuestionError) {
        const text = this.wholeText();
        const out = this.o.redactor.redact(stripEcho(text.slice(0, text.lastIndexOf('\n') + 1), input));
        this.flushIdle(true);
        throw new UnansweredQuestionError(err.question, out);
      }
      throw err;
    } finally {
      this.keepSyslog = false;
      this.busy = false;
      this.currentInput = undefined;
    }
  }

  /** `text` as it may be shown in errors and transcripts. */
  redact(text: string): string {
    return this.o.redactor.redact(text);
  }

  /** Sends bytes without waiting (Ctrl-Z, Ctrl-C). */
  write(data: string): void {
    if (!this.closed) this.stream.write(data);
  }

  /** Drops the current buffer (after writing it to the transcript). */
  flushIdle(all = false): void {
    const raw = this.rawText.text;
    if (raw) this.o.transcript?.write(this.o.redactor.redact(raw));
    const text = this.wholeText();
    const tailStart = text.lastIndexOf('\n') + 1;
    const tail = text.slice(tailStart);
    const mayBeSyslog = !all && /^[*.]?(?:\d+:\s+)?[*.]?[A-Z][a-z]{0,2}(?:\s|$)/.test(tail) && tail.length < 40;
    this.setText(mayBeSyslog ? tail : '');
    this.rawText = { text: mayBeSyslog ? tail : '', carry: this.rawText.carry };
  }

  close(): void {
    this.flushIdle(true);
    if (!this.closed) this.stream.end();
  }
}

/**
 * Exactly the keys to send for `answer` to `question`: the answer and a return, except for a
 * one-key question (`[confirm]`), which gets one key: the answer's only character, or the return.
 * Undefined when the answer cannot be given as one key.
 */
export function answerKeys(answer: string, question: string, returnChar: string, oneKey: RegExp | undefined): string | undefined {
  if (!oneKey?.test(question)) return answer + returnChar;
  if ([...answer].length > 1) return undefined;
  return answer || returnChar;
}

/**
 * Has the device echoed `input` and ended the echo's line in `before` (the text up to a prompt)?
 * A line ending with the input counts (IOS may redraw the prompt before it); a secret or an empty
 * input needs only a newline.
 */
export function echoSeen(before: string, input: string, secret: boolean): boolean {
  const done = before.lastIndexOf('\n');
  if (done < 0) return false;
  const typed = input.trim();
  if (secret || typed === '') return true;
  return before.slice(0, done).split('\n').some((line) => line.trimEnd().endsWith(typed));
}

/**
 * Removes the device's echo of `input`: the first non-blank line when it is the input, or ends
 * with it (IOS may redraw the prompt before it). Also drops the newline before the prompt.
 */
export function stripEcho(body: string, input: string | undefined): string {
  let text = body;
  if (input !== undefined) {
    const lead = /^\n*/.exec(text)![0].length;
    const nl = text.indexOf('\n', lead);
    const first = (nl < 0 ? text.slice(lead) : text.slice(lead, nl)).trimEnd();
    const typed = input.trim();
    if (first === typed || (typed !== '' && first.endsWith(typed))) {
      text = nl < 0 ? '' : text.slice(nl + 1);
    } else if (typed === '' && lead > 0) {
      text = text.slice(1);
    }
  }
  return text.replace(/\n+$/, '');
}
