/**
 * The error family every layer throws. Each class carries data (host, file, line, command…) for
 * reports and tests; `message` is the one line a person reads. The CLI maps class → exit code in
 * EXIT_CODES, following Ansible: 0 ok, 1 internal error, 2 a host failed or bad input, 4 unreachable.
 */
export class SlpError extends Error {
  readonly code: string = 'ERR_SLP';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Derived, so a subclass cannot report another class's name; no bundler renames classes here.
    this.name = new.target.name;
  }
}

/** One problem in a user's file (inventory, playbook, plan), located for the terminal. */
export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path inside the document, e.g. `0.slp.proxy.port`; empty for the document itself. */
  path: string;
  message: string;
}

/** Bad input: every issue found, each with file:line:column. Nothing was contacted. */
export class ConfigError extends SlpError {
  override readonly code = 'ERR_CONFIG';
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

/** `file:line:column: message`, the one form every issue is printed in. */
export function formatIssue(issue: ConfigIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/** Where a connection attempt stopped, in the order a login goes through them. */
export type ConnectPhase = 'TCP' | 'SSH handshake' | 'auth' | 'shell' | 'enable' | 'prompt';

/**
 * The host could not be reached (refused, timed out, DNS, negotiation, host key refused before
 * auth). `phase`, when known, says how far the attempt got and leads the reason in the message.
 */
export class UnreachableError extends SlpError {
  override readonly code = 'ERR_UNREACHABLE';
  constructor(readonly host: string, readonly reason: string, options?: { cause?: unknown; phase?: ConnectPhase }) {
    super(`${host}: unreachable: ${options?.phase ? `${options.phase}: ` : ''}${reason}`, options);
    if (options?.phase) this.phase = options.phase;
  }
  readonly phase?: ConnectPhase;
}

/** Login or enable was refused. Counted as unreachable in the recap, as Ansible does. */
export class AuthError extends SlpError {
  override readonly code = 'ERR_AUTH';
  /** `auth` (the SSH login) or `enable` (privileged EXEC). */
  readonly phase: 'auth' | 'enable';
  constructor(readonly host: string, readonly reason: string, options?: { cause?: unknown; phase?: 'auth' | 'enable' }) {
    const phase = options?.phase ?? 'auth';
    super(`${host}: authentication failed: ${phase}: ${reason}`, options);
    this.phase = phase;
  }
}

/**
 * The host's SSH key does not match known_hosts (strict / accept-new). `via` names the hop whose
 * key changed when it is not the device itself (`jump host 10.0.0.5:22`): the entry to check is
 * the bastion's, and the device was never reached.
 */
export class HostKeyError extends SlpError {
  override readonly code = 'ERR_HOST_KEY';
  constructor(
    readonly host: string,
    readonly expected: string,
    readonly got: string,
    readonly via?: string,
    /** The known_hosts entry that no longer matches, and the command that removes it. */
    readonly entry?: { file: string; line: number; fix: string },
  ) {
    super(
      `${host}: host key changed${via ? ` at ${via}` : ''}: known_hosts has ${expected}` +
        `${entry ? ` (${entry.file} line ${entry.line})` : ''}, ` +
        `the ${via ? 'jump host' : 'device'} offered ${got}; remove the old entry if the change is expected` +
        `${entry ? `: ${entry.fix}` : ''}`,
    );
  }
}

/** A phase did not finish in time. `phase` names which: connect, auth, prompt, command, … */
export class DeviceTimeoutError extends SlpError {
  override readonly code = 'ERR_TIMEOUT';
  constructor(
    readonly host: string,
    readonly phase: string,
    readonly timeoutMs: number,
    readonly command?: string,
    /** The device went silent for timeoutMs (inactivity), rather than running past the cap. */
    readonly idle = false,
  ) {
    super(
      `${host}: timeout awaiting ${phase}${command ? ` for "${command}"` : ''}` +
        (idle ? `: no output for ${timeoutMs} ms` : ` after ${timeoutMs} ms`),
    );
  }
}

/** The connection closed while a command or config session was under way. */
export class DisconnectedError extends SlpError {
  override readonly code = 'ERR_DISCONNECTED';
  constructor(readonly host: string, readonly during?: string, options?: { cause?: unknown }) {
    const why = options?.cause instanceof Error ? ` (${(options.cause as NodeJS.ErrnoException).code ?? options.cause.message})` : '';
    super(`${host}: connection closed${during ? ` during "${during}"` : ''}${why}`, options);
  }
}

/** The device answered a command with one of its failure indicators (`% Invalid input …`). */
export class CommandRejectedError extends SlpError {
  override readonly code = 'ERR_COMMAND_REJECTED';
  constructor(
    readonly host: string,
    readonly command: string,
    readonly indicator: string,
    readonly output: string,
  ) {
    super(`${host}: "${indicator}" after "${command}"`);
  }
}

/** The host is not a platform or release this tool supports; nothing was changed. */
export class UnsupportedDeviceError extends SlpError {
  override readonly code = 'ERR_UNSUPPORTED';
  constructor(readonly host: string, readonly reason: string) {
    super(`${host}: unsupported device: ${reason}`);
  }
}

/** A rollback was attempted and did not restore the backup's owned lines. */
export class RollbackError extends SlpError {
  override readonly code = 'ERR_ROLLBACK';
  constructor(readonly host: string, readonly reason: string, options?: { cause?: unknown }) {
    super(`${host}: rollback failed: ${reason}`, options);
  }
}

/** The device's owned configuration changed between `slp plan` and `slp apply`. */
export class DriftError extends SlpError {
  override readonly code = 'ERR_DRIFT';
  constructor(readonly host: string, readonly changes: string[]) {
    super(`${host}: owned configuration changed since the plan was made: ${changes.join('; ')}`);
  }
}

/**
 * `slp apply`: the plan file's plan for a host is not what its playbook plans on the host now (the
 * file was edited, or the switch's license status changed since): nothing was sent.
 */
export class PlanMismatchError extends SlpError {
  override readonly code = 'ERR_PLAN_MISMATCH';
  constructor(readonly host: string, readonly recorded: readonly string[], readonly planned: readonly string[]) {
    const gone = planned.filter((l) => !recorded.includes(l)).map((l) => `missing "${l}"`);
    const extra = recorded.filter((l) => !planned.includes(l)).map((l) => `extra "${l}"`);
    const what = [...extra, ...gone].join('; ') || 'trust, sync or save actions differ';
    super(`${host}: the plan file is not what the playbook plans for this host now (${what}); nothing was sent: make the plan again with \`slp plan\``);
  }
}

/** Exit codes as Ansible uses them. */
export const EXIT_CODES = {
  ok: 0,
  internal: 1,
  failed: 2,
  badInput: 2,
  unreachable: 4,
} as const;

/**
 * Errors Ansible would call UNREACHABLE: the session could not be opened or was lost. A lost push
 * that was rolled back on a new session (PushInterruptedError) is not: the switch answered and
 * was left consistent. A rollback that could not be done because the switch could not be reached
 * again (RollbackError caused by a lost, refused or timed-out session) is.
 */
export function isUnreachableError(error: unknown): boolean {
  if (error instanceof RollbackError) {
    return isUnreachableError(error.cause) || error.cause instanceof DeviceTimeoutError;
  }
  return (
    error instanceof UnreachableError ||
    error instanceof AuthError ||
    error instanceof HostKeyError ||
    error instanceof DisconnectedError
  );
}

/** Maps an error escaping a command to its exit code. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError) return EXIT_CODES.badInput;
  if (isUnreachableError(error)) return EXIT_CODES.unreachable;
  if (error instanceof SlpError) return EXIT_CODES.failed;
  return EXIT_CODES.internal;
}
