import type { ServerChannel } from 'ssh2';

/**
 * The IOS-like shell behind the tiny SSH server (./tiny-ssh-server.ts): prompts, enable, config
 * mode, paging and the replies a test scripts, misbehaving on purpose when TinyScript says so.
 */

/** How the shell answers one scripted line. */
export interface ReplyObject {
  output?: string;
  /** Ask this question first (no newline after it); `output` is printed after any answer. */
  question?: string;
  /** The question reads one key, as IOS's `[confirm]` does (return or y goes on, else %Aborted). */
  oneKey?: boolean;
  /** Further questions asked in turn after the first is answered. */
  thenAsk?: { question: string; oneKey?: boolean }[];
  /** Wait this long before answering. */
  delayMs?: number;
  /**
   * Answer only once the client types again (a device still busy with the line while the client
   * gave up on it and resyncs): the late answer, deterministically after the client's timeout.
   */
  answerOnNextInput?: boolean;
  /** Never answer (timeouts). */
  hang?: boolean;
  /** Close the channel instead of answering. */
  disconnect?: boolean;
  /** Print output, then send the prompt and these lines in one write (syslog after prompt). */
  afterPrompt?: string;
  /**
   * Print the output as these separate writes, each after its pause (output cut by TCP), then
   * the prompt. Input typed meanwhile (a Ctrl-C) is queued until the prompt, as on IOS.
   */
  chunks?: { text: string; delayMs?: number }[];
}
/** A plain string is the output, printed before the next prompt. */
export type Reply = string | ReplyObject;

/** Everything a test can script: credentials, prompts, replies and the misbehaviours to show. */
export interface TinyScript {
  username?: string;
  password?: string;
  /** OpenSSH public key line allowed to log in. */
  authorizedKey?: string;
  hostname?: string;
  /** Start at `Switch#` instead of `Switch>`. */
  startPrivileged?: boolean;
  /** `enable` asks `Password:` when set. */
  enableSecret?: string;
  /** Sent before the first prompt. */
  banner?: string;
  /** Write the banner and the first prompt as separate packets, a moment apart. */
  slowBanner?: boolean;
  /** Wrap prompts and output in ANSI codes. */
  ansi?: boolean;
  /** Page every output longer than this many lines until `terminal length 0`. */
  pageLength?: number;
  /** Answer `terminal length 0` with `% Invalid input`. */
  refuseTerminalLength?: boolean;
  /** EXEC command → reply. */
  replies?: Record<string, Reply>;
  /** Config line → reply (`% Invalid input …` to reject). Unknown lines are accepted silently. */
  configReplies?: Record<string, Reply>;
  /** A syslog line printed right after the prompt that follows `end`. */
  configSyslog?: string;
  /** Act as a bastion: allow direct-tcpip to 127.0.0.1 only. */
  allowForwarding?: boolean;
  hostKey?: string | Buffer;
  /** Restrict the server's algorithms (e.g. only what an old IOS XE image offers). */
  algorithms?: { kex?: string[]; cipher?: string[]; hmac?: string[] };
}

const INVALID = (caretAt: number) => `${' '.repeat(caretAt)}^\n% Invalid input detected at '^' marker.\n`;

/** One interactive shell on one SSH channel; `lines` collects what the client entered. */
export class TinyShell {
  private mode: 'exec' | 'priv' | 'config' = 'exec';
  private hostname: string;
  private input = '';
  private lastCr = false;
  private passwordTries = 0;
  private awaiting: 'line' | 'password' | 'question' | 'key' | 'more' | 'busy' = 'line';
  private pageLength: number;
  private pendingPages: string[] = [];
  private questionThen: (() => void) | undefined;

  constructor(private readonly ch: ServerChannel, private readonly s: TinyScript, private readonly lines: string[]) {
    this.hostname = s.hostname ?? 'Switch';
    this.pageLength = s.pageLength ?? 0;
    if (s.startPrivileged) this.mode = 'priv';
    ch.on('data', (d: Buffer) => this.onData(d.toString('utf8')));
    if (s.banner && s.slowBanner) {
      this.write(s.banner);
      setTimeout(() => this.prompt(), 30);
    } else {
      this.write(`${s.banner ?? ''}`);
      this.prompt();
    }
  }

  private write(text: string): void {
    if (this.ch.destroyed) return;
    this.ch.write(text.replace(/\r?\n/g, '\r\n'));
  }

  private promptText(): string {
    const p = this.hostname + (this.mode === 'exec' ? '>' : this.mode === 'priv' ? '#' : '(config)#');
    return this.s.ansi ? `\x1b[1m${p}\x1b[0m` : p;
  }

  private prompt(): void {
    this.write(this.promptText());
  }

  /** Typed-ahead input while a reply is pending; IOS queues it, so does this shell. */
  private queued = '';
  /** The held answer of an `answerOnNextInput` reply. */
  private releaseOnInput: (() => void) | undefined;

  private onData(data: string): void {
    const chars = [...data];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (this.awaiting === 'more') {
        if (c === ' ') this.nextPage();
        continue;
      }
      if (this.awaiting === 'key') {
        // One key, no line: recorded as `key:<char>` so a test sees exactly what was typed.
        this.awaiting = 'line';
        this.lines.push(`key:${JSON.stringify(c)}`);
        this.write('\n');
        const then = this.questionThen!;
        this.questionThen = undefined;
        if (/^[\r\nyY]$/.test(c)) then();
        else this.print('%Aborted\n');
        continue;
      }
      if (this.awaiting === 'busy') {
        this.queued += chars.slice(i).join('');
        const release = this.releaseOnInput;
        this.releaseOnInput = undefined;
        release?.();
        return;
      }
      if (c === '\x03') {
        this.input = '';
        this.awaiting = 'line';
        this.write('\n');
        this.prompt();
        continue;
      }
      if (c === '\x1a') {
        if (this.mode === 'config') this.mode = 'priv';
        this.write('\n');
        this.prompt();
        continue;
      }
      if (c === '\n' && this.lastCr) {
        this.lastCr = false;
        continue;
      }
      this.lastCr = c === '\r';
      if (c === '\r' || c === '\n') {
        const line = this.input;
        this.input = '';
        this.lines.push(line);
        if (this.awaiting !== 'password') this.write('\n');
        this.onLine(line);
        continue;
      }
      this.input += c;
      if (this.awaiting !== 'password') this.write(c);
    }
  }

  private print(output: string): void {
    let text = output;
    if (this.s.ansi && text) text = `\x1b[?1h\x1b=${text}\x1b[K`;
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    if (this.pageLength > 0 && lines.length > this.pageLength) {
      const pages: string[] = [];
      for (let i = 0; i < lines.length; i += this.pageLength) {
        pages.push(lines.slice(i, i + this.pageLength).map((l) => `${l}\n`).join(''));
      }
      this.write(pages.shift()!);
      this.pendingPages = pages;
      this.write(' --More-- ');
      this.awaiting = 'more';
      return;
    }
    this.write(text && !text.endsWith('\n') ? `${text}\n` : text);
    this.prompt();
  }

  private nextPage(): void {
    this.write('\b'.repeat(9) + ' '.repeat(9) + '\b'.repeat(9));
    const page = this.pendingPages.shift()!;
    this.write(page);
    if (this.pendingPages.length > 0) {
      this.write(' --More-- ');
    } else {
      this.awaiting = 'line';
      this.prompt();
    }
  }

  private reply(r: Reply | undefined, fallback: () => void): void {
    if (r === undefined) return fallback();
    const o: ReplyObject = typeof r === 'string' ? { output: r } : r;
    if (o.hang) {
      this.awaiting = 'busy';
      return;
    }
    if (o.disconnect) {
      this.ch.close();
      return;
    }
    const go = () => {
      if (o.question) {
        const asks = [{ question: o.question, oneKey: o.oneKey }, ...(o.thenAsk ?? [])];
        const ask = (i: number): void => {
          if (i === asks.length) return this.print(o.output ?? '');
          this.write(asks[i]!.question);
          this.awaiting = asks[i]!.oneKey ? 'key' : 'question';
          this.questionThen = () => ask(i + 1);
        };
        return ask(0);
      }
      if (o.chunks) {
        const chunks = o.chunks;
        this.awaiting = 'busy';
        const next = (i: number): void => {
          if (i === chunks.length) {
            this.awaiting = 'line';
            this.prompt();
            return this.drainQueued();
          }
          // Unref'd: a client that gave up must not keep the test process alive for the rest.
          setTimeout(() => {
            if (this.ch.destroyed) return;
            this.write(chunks[i]!.text);
            next(i + 1);
          }, chunks[i]!.delayMs ?? 0).unref();
        };
        return next(0);
      }
      if (o.afterPrompt) {
        this.write(`${o.output ?? ''}${this.promptText()}\n${o.afterPrompt}\n`);
        return;
      }
      this.print(o.output ?? '');
    };
    const answerLate = (): void => {
      this.awaiting = 'line';
      go();
      this.drainQueued();
    };
    if (o.answerOnNextInput) {
      this.awaiting = 'busy';
      this.releaseOnInput = answerLate;
    } else if (o.delayMs) {
      this.awaiting = 'busy';
      setTimeout(answerLate, o.delayMs);
    } else go();
  }

  private drainQueued(): void {
    const queued = this.queued;
    this.queued = '';
    if (queued) this.onData(queued);
  }

  private onLine(raw: string): void {
    const line = raw.trim();
    if (this.awaiting === 'password') {
      if (line === this.s.enableSecret) {
        this.awaiting = 'line';
        this.mode = 'priv';
        this.write('\n');
        return this.prompt();
      }
      this.passwordTries += 1;
      if (this.passwordTries >= 3) {
        this.awaiting = 'line';
        this.passwordTries = 0;
        return this.print('\n% Bad secrets\n');
      }
      return this.write('\nPassword: ');
    }
    if (this.awaiting === 'question') {
      this.awaiting = 'line';
      const then = this.questionThen!;
      this.questionThen = undefined;
      if (/^(y|yes|)$/i.test(line)) return then();
      return this.print('%Aborted\n');
    }
    if (line === '') return this.prompt();
    const width = this.promptText().length;
    if (this.mode === 'config') {
      if (line === 'end' || line === 'exit') {
        this.mode = 'priv';
        if (this.s.configSyslog) return this.write(`${this.promptText()}\n${this.s.configSyslog}\n`);
        return this.prompt();
      }
      const host = /^hostname\s+(\S+)$/.exec(line);
      if (host) this.hostname = host[1]!;
      return this.reply(this.s.configReplies?.[line], () => this.prompt());
    }
    if (line === 'enable') {
      if (this.mode === 'priv') return this.prompt();
      if (this.s.enableSecret) {
        this.awaiting = 'password';
        return this.write('Password: ');
      }
      this.mode = 'priv';
      return this.prompt();
    }
    if (line === 'disable') {
      this.mode = 'exec';
      return this.prompt();
    }
    if (line === 'show privilege') return this.print(`Current privilege level is ${this.mode === 'priv' ? 15 : 1}\n`);
    if (this.mode === 'priv') {
      if (line === 'terminal length 0') {
        if (this.s.refuseTerminalLength) return this.print(INVALID(width + 9));
        this.pageLength = 0;
        return this.prompt();
      }
      if (line === 'terminal width 512' || line === 'terminal monitor') return this.prompt();
      if (/^configure terminal( revert timer \d+)?$/.test(line)) {
        this.mode = 'config';
        return this.print('Enter configuration commands, one per line.  End with CNTL/Z.\n');
      }
    }
    this.reply(this.s.replies?.[line], () => this.print(INVALID(width)));
  }
}
