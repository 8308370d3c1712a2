/**
 * The small interface every layer above device/ uses. slp/ and runner/ depend on this and nothing
 * else from device/, so their logic can be unit-tested with a fake device (test/helpers/).
 */

import type { CommandResult } from './command-result';

export { CommandResult, type CommandFailure, type CommandResultFields } from './command-result';

/**
 * An asynchronous syslog line lifted out of command output, e.g.
 * `*Jan 24 23:19:05.144: %SMART_LIC-6-TRUST_INSTALL_SUCCESS: A new licensing trust code was …`.
 */
export interface DeviceEvent {
  /** The device's own timestamp text, as printed (it may lack a year). */
  timestamp: string;
  facility: string;
  severity: number;
  mnemonic: string;
  message: string;
  /** When the runner received it. */
  receivedAt: Date;
  raw: string;
}

/** How to answer an interactive question (`[confirm]`, `[yes/no]`, `Destination filename […]?`). */
export interface PromptAnswer {
  /** Matched against the device's question. */
  pattern: RegExp;
  /** Sent back, followed by a return. An empty string sends only the return. */
  answer: string;
}

export interface RunOptions {
  timeoutMs?: number;
  /** Questions the caller expects and how to answer them; any other question fails the command. */
  answers?: PromptAnswer[];
  /** The command contains a secret: it is shown as `***` in transcripts and errors. */
  secret?: boolean;
  /**
   * The command opens an outgoing session (`telnet`): when its output matches, the session is
   * held open by the far end, so the driver suspends it at once with the IOS escape sequence
   * (Ctrl-^ x) and returns at the prompt with `suspended` set. The caller then `disconnect`s it.
   */
  suspendWhen?: RegExp;
}

export interface ConfigureOptions {
  timeoutMs?: number;
  /** Wrap the session in `configure terminal revert timer N` (IOS XE archive must be set up). */
  revertTimerMinutes?: number;
  /**
   * Called with each config line as it is written to the device, before its reply is read. When
   * the session is lost mid-push, these are the lines the switch may hold (the last one possibly
   * not applied): what a rollback must consider and a report must show.
   */
  onSent?: (line: string) => void;
}

/** Facts read once after login. */
export interface DeviceInfo {
  host: string;
  prompt: string;
  hostname: string;
}

export interface Device {
  readonly info: DeviceInfo;
  /**
   * Runs one privileged EXEC command. An IOS failure indicator in the reply (`% Invalid input`,
   * `% Incomplete command`, `% Bad …`) does not throw: the result is `failed` and names it, and a
   * caller that did not expect it calls `throwIfFailed()` for the CommandRejectedError. It throws
   * when the command could not be carried out: a line that cannot be sent (SlpError), a timeout
   * (DeviceTimeoutError), a lost session (DisconnectedError), a question nobody answered
   * (CommandRejectedError, indicator `unexpected question "…"`: it was abandoned with Ctrl-C, so
   * there is no reply to return) or a refused mode change on the way to privileged EXEC.
   */
  run(command: string, options?: RunOptions): Promise<CommandResult>;
  /**
   * Enters config mode, sends each line and checks its reply, and always leaves config mode, also
   * on error or timeout. Unlike run(), a rejected line throws CommandRejectedError naming it: the
   * lines after it must not be pushed, and lines before it stay applied (IOS has no
   * transactions), so the caller decides whether to roll back. The results returned never failed.
   */
  configure(lines: readonly string[], options?: ConfigureOptions): Promise<CommandResult[]>;
  /** Returns and forgets the syslog events received since the last call. */
  drainEvents(): DeviceEvent[];
  close(): Promise<void>;
}
