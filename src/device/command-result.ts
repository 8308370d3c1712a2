import { CommandRejectedError } from '../errors';

/** The IOS failure indicator a reply carried (`% Invalid input detected`) and the line it was on. */
export interface CommandFailure {
  indicator: string;
  /** The device's own line, e.g. `% Invalid input detected at '^' marker.` */
  line: string;
}

export interface CommandResultFields {
  /** Inventory host name, for the error throwIfFailed raises. */
  host: string;
  command: string;
  output: string;
  /** Redacted text, or how to get it when first asked (a transcript-less session rarely asks). */
  raw: string | (() => string);
  startedAt: Date;
  elapsedMs: number;
  failure?: CommandFailure;
  /** Hides secrets in the text an error carries (throwIfFailed); default: none to hide. */
  redact?: (text: string) => string;
  /** RunOptions.suspendWhen matched: the outgoing session was suspended (Ctrl-^ x), not closed. */
  suspended?: boolean;
}

/**
 * What one command returned. `output` is cleaned: no echo, no prompt, no syslog lines, LF only,
 * and is the device's own text (never redacted: it is parsed); `raw` and errors are redacted.
 * A reply with an IOS failure indicator is still a result (`failed`), because some callers expect
 * it (a probe's `% Bad IP address` is its answer); the others ask for the error with throwIfFailed.
 */
export class CommandResult {
  readonly host: string;
  readonly command: string;
  readonly output: string;
  private rawText: string | (() => string);
  readonly startedAt: Date;
  readonly elapsedMs: number;
  readonly failed: boolean;
  readonly failure: CommandFailure | undefined;
  private readonly redact: (text: string) => string;
  readonly suspended: boolean;

  constructor(f: CommandResultFields) {
    this.host = f.host;
    this.command = f.command;
    this.output = f.output;
    this.rawText = f.raw;
    this.startedAt = f.startedAt;
    this.elapsedMs = f.elapsedMs;
    this.failed = f.failure !== undefined;
    this.failure = f.failure;
    this.redact = f.redact ?? ((text) => text);
    this.suspended = f.suspended === true;
  }

  /** Everything received for this command, redacted, for transcripts and troubleshooting. */
  get raw(): string {
    if (typeof this.rawText === 'function') this.rawText = this.rawText();
    return this.rawText;
  }

  /** This result, or CommandRejectedError(host, command, indicator, output) when it failed. */
  throwIfFailed(): this {
    if (this.failure) throw new CommandRejectedError(this.host, this.command, this.failure.indicator, this.redact(this.output));
    return this;
  }
}
