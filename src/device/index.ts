import { UnreachableError } from '../errors';
import { Redactor } from '../redact';
import { Channel, type ChannelOptions } from './channel';
import { Device, DeviceEvent } from './device';
import { IosDriver } from './ios';
import { CTRL_C, MORE_PATTERN, ONE_KEY_QUESTION, QUESTION_PATTERNS, SETTLED_QUESTION_PATTERNS } from './ios-platform';
import type { HostKeyChecking } from './known-hosts';
import { modeOfPrompt } from './mode-step';
import { Transcript } from './transcript';
import { connectTransport, type TransportOptions } from './transport';

export { CommandResult, type CommandFailure } from './command-result';
export type { Device, DeviceEvent, DeviceInfo, RunOptions, ConfigureOptions, PromptAnswer } from './device';
export type { HostKeyChecking } from './known-hosts';
export type { AlgorithmOptions, SshEndpoint, TransportOptions } from './transport';
export { findFailureIndicator } from './ios';
export { SAVE_ANSWERS, SAVE_COMMAND, SAVE_OK } from './ios-platform';

/** Everything needed to reach one switch: the SSH endpoint (TransportOptions) plus the session's needs. */
export interface ConnectOptions extends TransportOptions {
  enableSecret?: string;
  /** Overall cap for one command or config line. */
  commandTimeoutMs: number;
  /** Overall cap for LONG_OUTPUT_COMMANDS; default DEFAULT_CONNECT_OPTIONS.longCommandTimeoutMs. */
  longCommandTimeoutMs?: number;
  /** No byte for this long fails any command; default DEFAULT_CONNECT_OPTIONS.idleTimeoutMs. */
  idleTimeoutMs?: number;
  /** Default DEFAULT_CONNECT_OPTIONS.keepaliveIntervalMs; 0 turns keepalives off. */
  keepaliveIntervalMs?: number;
  /** Append a redacted session transcript here. */
  transcriptFile?: string;
  /** More strings to redact (trust tokens the caller will send). */
  secrets?: string[];
  onEvent?: (event: DeviceEvent) => void;
}

export const DEFAULT_CONNECT_OPTIONS = {
  port: 22,
  hostKeyChecking: 'accept-new' as HostKeyChecking,
  connectTimeoutMs: 15_000,
  commandTimeoutMs: 30_000,
  // A busy supervisor streams `show license tech support` for minutes, in bursts with pauses of
  // about a second: a generous cap, and an inactivity limit far above any such pause.
  longCommandTimeoutMs: 600_000,
  idleTimeoutMs: 60_000,
  keepaliveIntervalMs: 10_000,
} as const;

/** The prompt layer's options for an IOS XE vty: what ends a read, pages, questions, keys. */
export function iosChannelOptions(host: string, redactor: Redactor): ChannelOptions {
  return {
    host,
    redactor,
    isPrompt: (line) => modeOfPrompt(line) !== undefined,
    morePattern: MORE_PATTERN,
    questionPatterns: QUESTION_PATTERNS,
    settledQuestionPatterns: SETTLED_QUESTION_PATTERNS,
    oneKeyQuestion: ONE_KEY_QUESTION,
    interrupt: CTRL_C,
    returnChar: '\n',
  };
}

/**
 * Connects, logs in and enables: the returned Device sits at the privileged EXEC prompt with
 * paging off. Fails with UnreachableError, AuthError, HostKeyError or DeviceTimeoutError.
 */
export async function connectDevice(options: ConnectOptions): Promise<Device> {
  const o = options;
  // The login password is redacted too, unless it is the user name (lab `admin`/`admin`): then it
  // is no secret, and hiding it would garble every `username admin` line.
  const redactor = new Redactor([
    o.password !== o.username ? o.password : undefined,
    o.enableSecret,
    o.passphrase,
    o.jumpHost?.password,
    o.jumpHost?.passphrase,
    ...(o.secrets ?? []),
  ]);
  const transcript = o.transcriptFile ? new Transcript(o.transcriptFile, o.name) : undefined;
  let transport: Awaited<ReturnType<typeof connectTransport>> | undefined;
  const cleanup = async () => {
    await transport?.close();
    await transcript?.close();
  };
  try {
    // Only the session's own options stay here; the rest is the SSH endpoint, passed on as is.
    const { enableSecret, commandTimeoutMs, longCommandTimeoutMs, idleTimeoutMs, transcriptFile, secrets, onEvent, ...endpoint } = o;
    transport = await connectTransport({
      ...endpoint,
      // Keepalives on unless the caller sets 0: a switch that dies mid-session is noticed without
      // waiting for the command timeout.
      keepaliveIntervalMs: o.keepaliveIntervalMs ?? DEFAULT_CONNECT_OPTIONS.keepaliveIntervalMs,
    });
    const stream = await transport.openShell().catch((err: unknown) => {
      throw new UnreachableError(o.name, `the device refused an interactive shell: ${(err as Error)?.message ?? err}`, { cause: err, phase: 'shell' });
    });
    const channel = new Channel(stream, {
      ...iosChannelOptions(o.name, redactor),
      ...(transcript ? { transcript } : {}),
      ...(o.onEvent ? { onEvent: o.onEvent } : {}),
    });
    return await IosDriver.open(channel, {
      name: o.name,
      ...(o.enableSecret !== undefined ? { enableSecret: o.enableSecret } : {}),
      loginTimeoutMs: o.connectTimeoutMs,
      commandTimeoutMs: o.commandTimeoutMs,
      longCommandTimeoutMs: o.longCommandTimeoutMs ?? DEFAULT_CONNECT_OPTIONS.longCommandTimeoutMs,
      idleTimeoutMs: o.idleTimeoutMs ?? DEFAULT_CONNECT_OPTIONS.idleTimeoutMs,
      onClose: cleanup,
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
}
