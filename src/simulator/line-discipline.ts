/**
 * The terminal side of a vty: turns bytes into entered lines and output into bytes, the way
 * clients expect from IOS (realclients README):
 *  - every typed character is echoed exactly (no echo for secrets); CR, LF and CRLF are one Enter;
 *  - input typed ahead while a command runs is queued and processed line by line, each echoed
 *    after its own prompt (Netmiko's send_config_set);
 *  - output uses CRLF and is sent together with the next prompt in one write (Ansible's 0.1 s rule);
 *  - ` --More-- ` paging when `terminal length` is not 0 and the output is longer;
 *  - syslog lines arrive only after `terminal monitor`, on a line of their own;
 *  - `?` prints help at once (no Enter), then the prompt and the partial line again, which stays
 *    in the buffer; while the device asks a question (a password, a banner body) `?` is plain text.
 */
import type { CliSession, Outcome } from './cli-session';

export interface Terminal {
  write(data: string): void;
  close(): void;
}

const MORE = ' --More-- ';
const ERASE_MORE = '\b'.repeat(MORE.length) + ' '.repeat(MORE.length) + '\b'.repeat(MORE.length);

export class LineDiscipline {
  private queue = '';
  private buffer = '';
  private busy = false;
  private lastWasCR = false;
  private closed = false;
  private commands = 0;
  private pager?: { lines: string[]; rest: () => void };
  /** An outgoing telnet session holds the terminal; `escape`: Ctrl-^ was typed, `x` suspends. */
  private attached?: { conn: import('./command-types').OutgoingConnection; escape: boolean };

  constructor(
    private readonly session: CliSession,
    private readonly term: Terminal,
    private readonly opts: { latencyMs: number; commandDelayMs?: Record<string, number>; disconnectAfter?: number },
  ) {}

  /** Banner (if any) and the first prompt, in one write so no client mistakes a fragment for a prompt. */
  start(banner?: string): void {
    const head = banner !== undefined ? `\n${banner}\n\n` : '\n';
    this.term.write(crlf(head) + this.session.prompt());
  }

  input(data: string): void {
    if (this.closed) return;
    if (this.pager) {
      this.page(data);
      return;
    }
    if (this.attached) {
      data = this.toRemote(data);
      if (this.attached) return;
    }
    this.queue += data;
    this.drain();
  }

  /** An asynchronous syslog line: printed at once on its own line, then the prompt and typed text. */
  notify(line: string): void {
    if (this.closed) return;
    if (this.busy || this.pager) {
      this.pendingNotes.push(line);
      return;
    }
    this.term.write(`\r\n${line}\r\n${this.session.prompt()}${this.session.question?.secret ? '' : this.buffer}`);
  }

  private pendingNotes: string[] = [];

  private drain(): void {
    // Echo of what one read brought is written in one piece, as a tty echoes its input buffer: one
    // SSH packet per typed line instead of one per character (which cost both ends most of their CPU).
    let echo = '';
    const flush = (): void => {
      if (echo) this.term.write(echo);
      echo = '';
    };
    while (!this.busy && !this.closed && this.queue.length > 0) {
      const ch = this.queue[0];
      this.queue = this.queue.slice(1);
      if (ch === '\n' && this.lastWasCR) {
        this.lastWasCR = false;
        continue;
      }
      this.lastWasCR = ch === '\r';
      if (ch === '\r' || ch === '\n') {
        flush();
        this.enter();
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.buffer.length > 0) {
          this.buffer = this.buffer.slice(0, -1);
          if (!this.session.question?.secret) echo += '\b \b';
        }
      } else if (ch === '\x1a') {
        flush();
        this.buffer = '';
        this.finish(this.session.ctrlZ(), '^Z');
      } else if (ch === '\x03') {
        flush();
        this.buffer = '';
        this.term.write(`\r\n${this.session.prompt()}`);
      } else if (ch === '?' && !this.session.question) {
        echo += `?\r\n${crlf(this.session.help(this.buffer))}${this.session.prompt()}${this.buffer}`;
      } else if (ch >= ' ' || ch === '\t') {
        this.buffer += ch;
        if (!this.session.question?.secret) echo += ch;
      }
    }
    flush();
  }

  private enter(): void {
    const line = this.buffer;
    this.buffer = '';
    const wasQuestion = !!this.session.question;
    this.busy = true;
    if (!wasQuestion && line.trim()) this.commands++;
    if (!wasQuestion) this.session.device.linesEntered++;
    const limit = this.opts.disconnectAfter;
    const device = this.session.device;
    // disconnect_on_command: the same blip, on the first line that contains this text (inferred:
    // a fault model, as disconnect_after_commands, that does not depend on how many commands come first).
    const dropOn = device.faults.disconnect_on_command;
    const dropHere = !wasQuestion && dropOn !== undefined && line.includes(dropOn);
    if (((limit !== undefined && this.commands > limit) || dropHere) && !device.sessionDropped) {
      // disconnect_after_commands: N commands are answered, the next one loses the session. Once
      // per switch, as a network blip: a client that reconnects finds it answering again.
      device.sessionDropped = true;
      this.closed = true;
      this.term.close();
      return;
    }
    const hang = device.faults.hang_on_command;
    if (hang && !wasQuestion && this.session.mode !== 'user' && line.includes(hang)) {
      // hang_on_command: the switch never answers this line — no output, no prompt; what is typed
      // after it waits behind it (busy stays set) until the client gives up and closes.
      return;
    }
    const run = (): void => {
      if (this.closed) return;
      let outcome: Outcome;
      try {
        outcome = this.session.execute(line);
      } catch (error) {
        outcome = { output: `% Internal simulator error: ${(error as Error).message}\n` };
      }
      this.finish(outcome);
    };
    const delay = wasQuestion ? 0 : this.opts.latencyMs + this.extraDelay(line);
    if (delay > 0) setTimeout(run, delay);
    else run();
  }

  /** command_delay_ms: the longest key the line starts with (after trimming) wins. */
  private extraDelay(line: string): number {
    const delays = this.opts.commandDelayMs;
    if (!delays) return 0;
    const typed = line.trim();
    let best = '';
    for (const key of Object.keys(delays)) if (typed.startsWith(key) && key.length > best.length) best = key;
    return best ? delays[best]! : 0;
  }

  private finish(outcome: Outcome, echo = ''): void {
    const out = crlf(outcome.output);
    const lines = out.split('\r\n');
    const pageSize = this.session.terminal.length - 1;
    const notes = (): string => {
      const n = this.pendingNotes.map((l) => `${l}\r\n`).join('');
      this.pendingNotes = [];
      return n;
    };
    const complete = (): void => {
      if (outcome.attach) {
        // The far end holds the session: no prompt until the client suspends it.
        this.attached = { conn: outcome.attach, escape: false };
        return;
      }
      if (outcome.close) {
        this.closed = true;
        this.term.close();
        return;
      }
      this.term.write(notes() + this.session.prompt());
      this.busy = false;
      this.drain();
    };
    if (this.session.terminal.length > 0 && lines.length - 1 > pageSize && pageSize > 0) {
      this.term.write(`${echo}\r\n${lines.slice(0, pageSize).join('\r\n')}\r\n${MORE}`);
      this.pager = { lines: lines.slice(pageSize), rest: complete };
      return;
    }
    this.term.write(`${echo}\r\n${out}`);
    complete();
  }

  /**
   * Bytes typed while an outgoing session holds the terminal go to the far end (which answers
   * nothing) until the escape sequence Ctrl-^ x suspends it: IOS then shows the prompt again.
   * Returns what follows the escape sequence, for the CLI.
   */
  private toRemote(data: string): string {
    const a = this.attached!;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (a.escape && (ch === 'x' || ch === 'X')) {
        this.session.outgoing.push(a.conn);
        this.attached = undefined;
        this.busy = false;
        this.term.write(`\r\n${this.session.prompt()}`);
        return data.slice(i + 1);
      }
      a.escape = ch === '\x1e';
    }
    return '';
  }

  /** Keys at ` --More-- `: space = next page, Enter = one line, anything else = stop. */
  private page(data: string): void {
    const p = this.pager!;
    const key = data[0];
    const size = this.session.terminal.length - 1;
    const take = key === ' ' ? size : key === '\r' || key === '\n' ? 1 : 0;
    if (take === 0) {
      this.pager = undefined;
      this.term.write(`${ERASE_MORE}`);
      p.rest();
      return;
    }
    const chunk = p.lines.splice(0, take);
    const remaining = p.lines.length > 1 || (p.lines.length === 1 && p.lines[0] !== '');
    this.term.write(`${ERASE_MORE}${chunk.join('\r\n')}\r\n${remaining ? MORE : ''}`);
    if (!remaining) {
      this.pager = undefined;
      p.rest();
    }
  }
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
