/**
 * One CLI session's interpreter: mode, prompt, pipe filters, IOS error markers, questions and the
 * host's faults that act per command (reject_command, in config and privileged EXEC). It turns one entered line into output; the
 * line discipline owns bytes, echo and paging.
 */
import type { CommandTree } from './command-tree';
import type { Handler, Mode, OutgoingConnection, Question, Reply, SessionApi } from './command-types';
import { buildExecTree, buildUserTree } from './exec-commands';
import { buildConfigTree, buildInterfaceTree, buildSubModeTree, endConfig } from './config-commands';
import { applyFilter, parseFilter } from './output-filters';
import { renderHelp, renderPipeHelp } from './help-listing';
import type { SimDevice } from './sim-device';

let trees: Record<Mode, CommandTree<Handler>> | undefined;
/** Built once per process and shared by every device: tables are data, sessions are state. */
function commandTrees(): Record<Mode, CommandTree<Handler>> {
  if (!trees) {
    const config = buildConfigTree();
    trees = {
      user: buildUserTree(),
      exec: buildExecTree(),
      config,
      'config-if': buildInterfaceTree(),
      'config-line': buildSubModeTree('config-line'),
      'config-vrf': buildSubModeTree('config-vrf'),
      'config-archive': buildSubModeTree('config-archive'),
    };
  }
  return trees;
}

const SUFFIX: Record<Mode, string> = {
  user: '>',
  exec: '#',
  config: '(config)#',
  'config-if': '(config-if)#',
  'config-line': '(config-line)#',
  'config-vrf': '(config-vrf)#',
  'config-archive': '(config-archive)#',
};

export interface Outcome {
  output: string;
  close?: boolean;
  attach?: OutgoingConnection;
}

export class CliSession implements SessionApi {
  mode: Mode;
  iface?: string;
  terminal = { length: 24, width: 80, monitor: false };
  question?: Question;
  outgoing: OutgoingConnection[] = [];
  private unsubscribe?: () => void;

  constructor(
    readonly device: SimDevice,
    readonly username: string,
    readonly peer: string,
    private readonly onSyslog: (line: string) => void,
  ) {
    // A user without an enable secret on the box lands in privileged EXEC (privilege 15 user).
    this.mode = device.running.enableSecret ? 'user' : 'exec';
    device.sessions.add(this);
  }

  prompt(): string {
    if (this.question) return this.question.prompt;
    return `${this.device.running.hostname}${SUFFIX[this.mode]}`;
  }

  setMonitor(on: boolean): void {
    this.terminal.monitor = on;
    this.unsubscribe?.();
    this.unsubscribe = on ? this.device.onSyslog(this.onSyslog) : undefined;
  }

  changed(): void {
    this.device.markChanged(this.username);
  }

  /** `by`: who ended the session — the client (logout, dropped connection) or the device (fault, `exit`). */
  close(by: 'client' | 'device' = 'client'): void {
    this.unsubscribe?.();
    if (this.device.sessions.delete(this)) this.device.closedSessions.push({ mode: this.mode, by });
  }

  /** Ctrl-Z: leave configuration mode from anywhere. */
  ctrlZ(): Outcome {
    if (this.mode.startsWith('config')) endConfig(this);
    return { output: '' };
  }

  execute(line: string): Outcome {
    if (this.question) {
      const q = this.question;
      this.question = undefined;
      return this.settle(q.answer(line));
    }
    return this.settle(this.run(line, this.mode));
  }

  /**
   * `?` typed after `text`: the help listing (LF line ends). Nothing runs and no state changes; the
   * line discipline redraws the prompt and `text` afterwards. `do …` in config asks the EXEC table.
   */
  help(text: string): string {
    const pipe = /\s\|/.exec(text);
    if (pipe) return renderPipeHelp(text.slice(pipe.index + 2));
    let mode = this.mode;
    let body = text;
    const viaDo = /^\s*do\s+/i.exec(text);
    if (viaDo && mode.startsWith('config')) {
      mode = 'exec';
      body = text.slice(viaDo[0].length);
    }
    const tree = commandTrees()[mode];
    let result = tree.help(body);
    // Sub-modes fall back to the global table for words they do not know, as on Enter.
    if (mode !== 'config' && mode.startsWith('config') && body.trim() && !tree.knowsFirstWord(body)) {
      result = commandTrees().config.help(body);
    }
    const offset = this.prompt().length + (text.length - body.length);
    return renderHelp(result, { pipe: mode === 'exec' || mode === 'user', caretOffset: offset, text });
  }

  runExec(line: string): Reply {
    return this.run(line, 'exec', true);
  }

  private settle(reply: Reply): Outcome {
    if (typeof reply === 'string') return { output: reply };
    if (reply.ask) this.question = reply.ask;
    return { output: reply.output ?? '', close: reply.close, ...(reply.attach ? { attach: reply.attach } : {}) };
  }

  private caret(column: number): string {
    return `${' '.repeat(this.prompt().length + column)}^\n% Invalid input detected at '^' marker.\n\n`;
  }

  private run(line: string, mode: Mode, viaDo = false): Reply {
    const pipe = /\s\|/.exec(line);
    const command = pipe ? line.slice(0, pipe.index) : line;
    const offset = viaDo ? 3 : 0; // the caret also skips the `do ` the user typed
    // reject_command: a config line or privileged EXEC command containing the text is refused
    // (a capture or debug step can then fail midway against the lab).
    const reject = this.device.faults.reject_command;
    if (reject && mode !== 'user' && command.includes(reject)) return this.caret(command.indexOf(reject) + offset);
    const tree = commandTrees()[mode];
    let m = tree.match(command);
    // In a config sub-mode IOS falls back to the parent mode for commands it does not know.
    if (m.kind !== 'ok' && mode !== 'config' && mode.startsWith('config') && !tree.knowsFirstWord(command)) {
      const parent = commandTrees().config.match(command);
      if (parent.kind === 'ok') {
        this.mode = 'config';
        this.iface = undefined;
        m = parent;
      }
    }
    switch (m.kind) {
      case 'empty':
        return '';
      case 'ambiguous':
        return `% Ambiguous command:  "${line}"\n`;
      case 'incomplete':
        return '% Incomplete command.\n\n';
      case 'invalid':
        if (m.column === 0 && (mode === 'exec' || mode === 'user') && /^[A-Za-z0-9][\w.-]*$/.test(command.trim().split(/\s+/)[0])) {
          return this.unknownHost(command.trim().split(/\s+/)[0]);
        }
        return this.caret(m.column + offset);
    }
    let filter: ReturnType<typeof parseFilter> | undefined;
    if (pipe) {
      filter = parseFilter(line.slice(pipe.index + 2), pipe.index + 2);
      if (!filter.ok) return filter.error === 'incomplete' ? '% Incomplete command.\n\n' : this.caret(filter.column);
    }
    const reply = m.handler(this, m.args);
    if (!filter?.ok || typeof reply !== 'string') return reply;
    return applyFilter(reply, filter);
  }

  /** IOS treats an unknown first word at EXEC as a host to telnet to (reference §3.13). */
  private unknownHost(word: string): string {
    const dns = this.device.running.dns;
    const server = dns.nameServers['']?.[0] ?? '255.255.255.255';
    const translating = dns.lookup ? `Translating "${word}"...domain server (${server})\n` : '';
    return `${translating}% Unknown command or computer name, or unable to find computer address\n`;
  }
}
