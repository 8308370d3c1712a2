import { AuthError, CommandRejectedError, DeviceTimeoutError, DisconnectedError, SlpError } from '../errors';
import { REDACTED } from '../redact';
import { Channel, Exchange, ExchangeOptions, UnansweredQuestionError } from './channel';
import { revertTimerReason, unsendableReason } from './command-line';
import { CommandResult, type CommandFailure } from './command-result';
import type { ConfigureOptions, Device, DeviceEvent, DeviceInfo, RunOptions } from './device';
import {
  configLineFailure,
  CTRL_C,
  ESCAPE_SUSPEND,
  FAILURE_INDICATORS,
  IosModeName,
  LOG_OUTPUT_COMMANDS,
  LONG_OUTPUT_COMMANDS,
  ON_OPEN_COMMANDS,
  PASSWORD_PROMPT,
  PRIVILEGE_LEVEL,
} from './ios-platform';
import { modeOfPrompt, nextModeStep } from './mode-step';

/**
 * The IOS XE driver: privilege levels, config mode and failure indicators, on top of a Channel.
 * It never touches SSH. Mode changes are decided by the pure nextModeStep (mode-step.ts); this
 * file only carries them out and turns device replies into results and the error family.
 */

export interface IosDriverOptions {
  /** Inventory host name, used in every error. */
  name: string;
  enableSecret?: string;
  /** Budget for the first prompt after the shell opens (banner included). */
  loginTimeoutMs: number;
  /** Overall cap for one command, config line or mode change. */
  commandTimeoutMs: number;
  /** Overall cap for LONG_OUTPUT_COMMANDS (default: commandTimeoutMs). */
  longCommandTimeoutMs?: number;
  /** No byte for this long fails any read, under any cap (default: none beyond the cap). */
  idleTimeoutMs?: number;
  /** Called once the driver is closed (transport and transcript clean-up). */
  onClose?: () => Promise<void>;
}

/**
 * A line any FAILURE_INDICATORS pattern could match starts like this (a superset): one scan of an
 * output with none, instead of one per indicator over every output, long ones included.
 */
const MAY_FAIL = /^(?:%|%? ?command (?:authorization failed|rejected))/im;

/** The first failure indicator in `output`, if any, with the whole line it starts. */
export function findFailure(output: string): CommandFailure | undefined {
  if (!MAY_FAIL.test(output)) return undefined;
  for (const f of FAILURE_INDICATORS) {
    const m = f.pattern.exec(output);
    if (!m) continue;
    const end = output.indexOf('\n', m.index);
    return { indicator: f.indicator, line: output.slice(m.index, end < 0 ? undefined : end).trim() };
  }
  return undefined;
}

/** The first failure indicator in `output`, if any. */
export function findFailureIndicator(output: string): string | undefined {
  return findFailure(output)?.indicator;
}

// IOS XE shortens long hostnames in config-mode prompts (realclients P4: Netmiko matches the first
// 16 characters), so a shorter prefix of the known hostname is still this device.
const SHORTENED_PROMPT_MIN = 16;

export class IosDriver implements Device {
  private mode: IosModeName = 'exec';
  private hostname = '';
  private prompt = '';
  private needsResync = false;
  private closed = false;
  /** `terminal length 0` was refused; the channel pages with spaces instead. */
  pagingRefused = false;

  private constructor(private readonly channel: Channel, private readonly o: IosDriverOptions) {}

  /** Logs in: first prompt, enable, `show privilege` = 15, then ON_OPEN_COMMANDS. */
  static async open(channel: Channel, o: IosDriverOptions): Promise<IosDriver> {
    const d = new IosDriver(channel, o);
    await d.login();
    return d;
  }

  get info(): DeviceInfo {
    return { host: this.o.name, prompt: this.prompt, hostname: this.hostname };
  }

  /** A prompt of this device: any prompt before the hostname is known, then only its own. */
  private acceptsPrompt(line: string, alsoHostname?: string): boolean {
    const pm = modeOfPrompt(line);
    if (!pm) return false;
    if (!this.hostname) return true;
    return [this.hostname, alsoHostname].some(
      (h) => h !== undefined && (pm.hostname === h || (pm.hostname.length >= SHORTENED_PROMPT_MIN && h.startsWith(pm.hostname))),
    );
  }

  private noteprompt(ex: Exchange, newHostname?: string): void {
    if (ex.endedBy !== 'prompt') return;
    const pm = modeOfPrompt(ex.prompt);
    if (!pm) return;
    this.mode = pm.mode;
    this.prompt = ex.prompt.trim();
    if (newHostname) this.hostname = newHostname;
    else if (pm.mode !== 'configuration' || !this.hostname) this.hostname = pm.hostname;
  }

  private async send(input: string | undefined, opts: Partial<ExchangeOptions> & { phase: string }, newHostname?: string): Promise<Exchange> {
    try {
      const ex = await this.channel.exchange(input, {
        timeoutMs: this.o.commandTimeoutMs,
        ...(this.o.idleTimeoutMs !== undefined ? { idleTimeoutMs: this.o.idleTimeoutMs } : {}),
        isPrompt: (line) => this.acceptsPrompt(line, newHostname),
        ...opts,
      });
      this.noteprompt(ex, newHostname);
      return ex;
    } catch (err) {
      if (err instanceof DeviceTimeoutError) this.needsResync = true;
      if (err instanceof UnansweredQuestionError) {
        const shown = opts.secret ? '***' : input ?? '';
        throw new CommandRejectedError(this.o.name, shown, err.message, err.output);
      }
      throw err;
    }
  }

  private async login(): Promise<void> {
    await this.send(undefined, { phase: 'prompt', timeoutMs: this.o.loginTimeoutMs });
    // A banner line such as `lab-core#` can pass for a prompt; the reply to a bare return cannot.
    this.hostname = '';
    await this.send('', { phase: 'prompt', timeoutMs: this.o.loginTimeoutMs });
    await this.acquire('privilege_exec');
    const priv = await this.send('show privilege', { phase: 'enable' });
    const level = PRIVILEGE_LEVEL.exec(priv.output);
    if (!level || level[1] !== '15') {
      throw new AuthError(this.o.name, `privilege level is ${level ? level[1] : 'unknown'} after login; 15 is needed`, { phase: 'enable' });
    }
    for (const c of ON_OPEN_COMMANDS) {
      const ex = await this.send(c.command, { phase: 'command' });
      const bad = findFailureIndicator(ex.output);
      if (bad && c.command.startsWith('terminal length')) this.pagingRefused = true;
      if (bad && c.required) throw new CommandRejectedError(this.o.name, c.command, bad, this.channel.redact(ex.output));
    }
  }

  /** Walks to `target` one nextModeStep at a time. */
  private async acquire(target: IosModeName): Promise<void> {
    for (let i = 0; i < 4; i++) {
      const step = nextModeStep(this.mode, target);
      if (step.action === 'none') return;
      if (step.action === 'escalate' && step.auth) {
        await this.enable(step.command);
      } else {
        const ex = await this.send(step.command, { phase: 'mode' });
        const bad = findFailureIndicator(ex.output);
        if (bad) throw new CommandRejectedError(this.o.name, step.command, bad, this.channel.redact(ex.output));
      }
    }
    if (this.mode !== target) throw new SlpError(`${this.o.name}: could not reach ${target} mode (prompt "${this.prompt}")`);
  }

  private async enable(command: string): Promise<void> {
    const ex = await this.send(command, { phase: 'enable', expect: [PASSWORD_PROMPT] });
    if (ex.endedBy === 'prompt') {
      const bad = findFailureIndicator(ex.output);
      if (bad) throw new AuthError(this.o.name, `"${command}" refused: ${bad}`, { phase: 'enable' });
      return;
    }
    if (!this.o.enableSecret) {
      this.channel.write(CTRL_C);
      this.needsResync = true;
      throw new AuthError(this.o.name, 'enable asks for a password and no enable secret is set (ansible_become_password)', { phase: 'enable' });
    }
    const answer = await this.send(this.o.enableSecret, { phase: 'enable', secret: true, expect: [PASSWORD_PROMPT] });
    if (answer.endedBy === 'expect' || findFailureIndicator(answer.output) || this.mode === 'exec') {
      // IOS asks up to three times and then prints `% Bad secrets`; stop at the first refusal.
      if (answer.endedBy === 'expect') this.channel.write(CTRL_C);
      this.needsResync = true;
      throw new AuthError(this.o.name, 'the enable secret was refused', { phase: 'enable' });
    }
  }

  private async ready(): Promise<void> {
    if (this.closed || this.channel.isClosed) throw new DisconnectedError(this.o.name);
    if (this.needsResync) {
      // The device may still be finishing what timed out: wait for it to show a prompt again.
      this.needsResync = false;
      await this.send('', { phase: 'resync' });
    }
  }

  /** Refuses, before anything is sent, a line that is not one printable CLI line. */
  private checkSendable(line: string, secret = false): void {
    const why = unsendableReason(line);
    if (why) {
      const shown = secret ? REDACTED : this.channel.redact(line);
      throw new SlpError(`${this.o.name}: refusing to send ${JSON.stringify(shown)}: ${why}`);
    }
  }

  async run(command: string, options: RunOptions = {}): Promise<CommandResult> {
    this.checkSendable(command, options.secret);
    await this.ready();
    await this.acquire('privilege_exec');
    const long = LONG_OUTPUT_COMMANDS.some((re) => re.test(command));
    // A caller's budget never shortens the long cap the inventory set for these commands.
    const cap = long ? Math.max(options.timeoutMs ?? 0, this.o.longCommandTimeoutMs ?? this.o.commandTimeoutMs) : options.timeoutMs;
    const learned = this.prompt;
    const ex = await this.send(command, {
      phase: 'command',
      ...(cap !== undefined ? { timeoutMs: cap } : {}),
      // Only the exact prompt learned at login ends the output: a look-alike line at a pause in a
      // long output (`Virtual Account: <none>`, another switch's prompt in a log) does not.
      ...(learned ? { isPrompt: (line: string) => line.trim() === learned } : {}),
      ...(options.answers ? { answers: options.answers } : {}),
      ...(options.secret ? { secret: true } : {}),
      keepSyslogLines: LOG_OUTPUT_COMMANDS.some((re) => re.test(command)),
      ...(options.suspendWhen ? { endWhen: options.suspendWhen } : {}),
    });
    if (options.suspendWhen && ex.endedBy === 'expect') {
      // The escape sequence is Ctrl-^ (0x1E) then x: IOS suspends the session and shows its prompt.
      this.channel.write(ESCAPE_SUSPEND);
      const back = await this.send(undefined, { phase: 'command' });
      return new CommandResult({
        host: this.o.name, command: ex.input, output: `${ex.output}${back.output}`, raw: () => `${ex.raw}${back.raw}`,
        startedAt: ex.startedAt, elapsedMs: ex.elapsedMs + back.elapsedMs, suspended: true,
      });
    }
    return this.toResult(ex, findFailure(ex.output));
  }

  async configure(lines: readonly string[], options: ConfigureOptions = {}): Promise<CommandResult[]> {
    // The whole set is checked before config mode is entered, so a bad line applies nothing.
    for (const line of lines) this.checkSendable(line);
    const badTimer = options.revertTimerMinutes !== undefined ? revertTimerReason(options.revertTimerMinutes) : undefined;
    if (badTimer) throw new SlpError(`${this.o.name}: ${badTimer}`);
    await this.ready();
    await this.acquire('privilege_exec');
    const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
    const enter = options.revertTimerMinutes
      ? `configure terminal revert timer ${options.revertTimerMinutes}`
      : 'configure terminal';
    const results: CommandResult[] = [];
    let failure: unknown;
    try {
      const ex = await this.send(enter, { phase: 'config', ...timeout });
      const bad = this.configFailure(ex.output);
      if (bad) throw new CommandRejectedError(this.o.name, enter, bad, this.channel.redact(ex.output));
      if (this.mode !== 'configuration') {
        throw new SlpError(`${this.o.name}: "${enter}" did not enter config mode (prompt "${this.prompt}")`);
      }
      for (const [i, line] of lines.entries()) {
        const rename = /^\s*hostname\s+(\S+)\s*$/.exec(line)?.[1];
        // A closed channel refuses to write, so a line is reported as sent only if it went out.
        if (this.channel.isClosed) throw new DisconnectedError(this.o.name, this.channel.redact(line));
        options.onSent?.(line);
        const lineEx = await this.send(line, { phase: 'config', ...timeout }, rename);
        results.push(this.toResult(lineEx));
        const lineBad = this.configFailure(lineEx.output);
        if (lineBad) throw new CommandRejectedError(this.o.name, lineEx.input, lineBad, this.channel.redact(lineEx.output));
        // A line that leaves config mode (`exit`, `end`) would turn the rest into EXEC commands.
        const left = lines.length - i - 1;
        if (this.mode !== 'configuration' && left > 0) {
          throw new SlpError(
            `${this.o.name}: config line "${lineEx.input}" left config mode (prompt "${this.prompt}"); ` +
              `the ${left} line(s) after it were not sent`,
          );
        }
      }
    } catch (err) {
      failure = err;
    }
    await this.leaveConfig(failure);
    if (failure) throw failure;
    return results;
  }

  /**
   * Why the device did not take a config line: a FAILURE_INDICATORS match by its name, else any
   * other `%` reply that is not known to be benign (`% VRF X does not exist`), as printed
   * (redacted: it ends up in error messages).
   */
  private configFailure(output: string): string | undefined {
    const bad = findFailureIndicator(output) ?? configLineFailure(output);
    return bad === undefined ? undefined : this.channel.redact(bad);
  }

  /** Always called after a config session: back to privileged EXEC, whatever happened. */
  private async leaveConfig(failure: unknown): Promise<void> {
    if (this.channel.isClosed || failure instanceof DisconnectedError) return;
    try {
      if (this.needsResync) await this.ready();
      if (this.mode === 'configuration') await this.send('end', { phase: 'config-exit' });
    } catch (err) {
      if (!failure) throw err;
      // The first error is the one to report; the session is left for close() to end.
    }
  }

  private toResult(ex: Exchange, failure?: CommandFailure): CommandResult {
    return new CommandResult({
      host: this.o.name, command: ex.input, output: ex.output, raw: () => ex.raw, startedAt: ex.startedAt, elapsedMs: ex.elapsedMs, failure,
      redact: (text) => this.channel.redact(text),
    });
  }

  drainEvents(): DeviceEvent[] {
    return this.channel.drainEvents();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.channel.close();
    await this.o.onClose?.();
  }
}
