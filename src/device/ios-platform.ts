/**
 * IOS XE as data: the modes and their prompts, the texts that mean "the device refused this",
 * the questions it may ask, and what to send right after login. A new error text or prompt is a
 * one-line change here; the driver (ios.ts) and channel (channel.ts) only read these tables.
 *
 * Sources: shared/reference/slp-smart-transport.md §3.13 (prompts, `% Invalid input` family) and
 * shared/tools/realclients/README.md (P2–P6: prompt characters, `show privilege`, `terminal length 0`).
 */

export type IosModeName = 'exec' | 'privilege_exec' | 'configuration';

export interface IosMode {
  name: IosModeName;
  /** The whole last line must match; hostnames use only IOS's prompt characters. */
  pattern: RegExp;
  /** The mode one step closer to user EXEC; undefined for the bottom of the graph. */
  previous?: IosModeName;
  /** Command that enters this mode from `previous`. */
  escalate?: string;
  /** Command that leaves this mode towards `previous`. */
  deescalate?: string;
  /** Entering asks for a password (enable secret). */
  escalateAuth?: boolean;
}

// Hostname characters IOS accepts in a prompt (realclients P2); `(config-xxx)` covers every
// sub-mode (config-if, config-line, config-vrf, …), as scrapli's iosxe PRIVS do.
const HOST = String.raw`[\w.\-@/:+\[\]]{1,63}`;

export const IOS_MODES: readonly IosMode[] = [
  { name: 'exec', pattern: new RegExp(`^(${HOST})>\\s?$`) },
  {
    name: 'privilege_exec',
    pattern: new RegExp(`^(${HOST})#\\s?$`),
    previous: 'exec',
    escalate: 'enable',
    deescalate: 'disable',
    escalateAuth: true,
  },
  {
    name: 'configuration',
    pattern: new RegExp(`^(${HOST})\\((?:conf|config)[\\w.\\-@/:+]{0,32}\\)#\\s?$`),
    previous: 'privilege_exec',
    escalate: 'configure terminal',
    deescalate: 'end',
  },
];

export interface FailureIndicator {
  /** Readable name used in errors and reports. */
  indicator: string;
  /** Matched against each line of a command's output (multiline). */
  pattern: RegExp;
}

/**
 * IOS answers a refused command with a `%` line right under the echo (reference §3.13). Anchoring
 * at the start of a line keeps text such as `Last Error: …` inside show output from counting, a
 * trap Ansible falls into (realclients X2). `%Warning:` lines are advice, not failures.
 */
export const FAILURE_INDICATORS: readonly FailureIndicator[] = [
  { indicator: '% Invalid input detected', pattern: /^% ?Invalid input detected/m },
  { indicator: '% Incomplete command', pattern: /^% ?Incomplete command/m },
  { indicator: '% Ambiguous command', pattern: /^% ?Ambiguous command/m },
  { indicator: '% Unknown command', pattern: /^% ?Unknown command/m },
  { indicator: '% Unrecognized command', pattern: /^% ?Unrecognized command/m },
  { indicator: '% Bad', pattern: /^% ?Bad\b/m },
  { indicator: '% Error', pattern: /^% ?Error\b/m },
  { indicator: '% Access denied', pattern: /^% ?Access denied/m },
  { indicator: '% Command authorization failed', pattern: /^%? ?Command authorization failed/m },
  { indicator: '% Command rejected', pattern: /^%? ?Command Rejected/im },
];

/**
 * A `%` line IOS prints in answer to a config line that was nevertheless taken, so the line does not
 * fail. Every other `%` reply to a config line does (a missing VRF, a bad interface, an unknown
 * keyword): the line was not applied as written. A message is added here only with a source.
 */
export interface BenignConfigMessage {
  pattern: RegExp;
  /** Where the text was seen (docs/device.md lists them). */
  source: string;
}

export const BENIGN_CONFIG_MESSAGES: readonly BenignConfigMessage[] = [
  // SEED step 7 and reference/seed-guide-summary.md: printed after the command, which took effect.
  { pattern: /^%\s?Warning: reload required after "license smart factory reset" command/, source: 'SEED (seed-guide-summary.md, factory reset)' },
  // `vrf forwarding V` on an addressed interface: the VRF is set and the address removed, as asked.
  {
    pattern: /^%\s?Interface \S+ IPv4 disabled and address\(es\) removed due to (?:enabling|disabling) VRF/,
    source: 'inferred (IOS `vrf forwarding`; the simulator prints it)',
  },
];

/**
 * A syslog message typed into a reply without its time stamp (`%SYS-5-CONFIG_I: …`) is an event,
 * not the device's answer to the line.
 */
const SYSLOG_MESSAGE = /^%[A-Z0-9_]+-\d-[A-Z0-9_]+:/;

/**
 * The first line of a config line's reply that says the device did not take it: any line starting
 * with `%` that is neither a BENIGN_CONFIG_MESSAGES entry nor a syslog message.
 */
export function configLineFailure(output: string): string | undefined {
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('%') || SYSLOG_MESSAGE.test(line)) continue;
    if (BENIGN_CONFIG_MESSAGES.some((b) => b.pattern.test(line))) continue;
    return line;
  }
  return undefined;
}

/**
 * `configure confirm` (or `show archive config rollback timer`) with no revert timer running: the
 * timer already expired and the switch rolled back, or someone else confirmed. Printed with and
 * without the space after `%` (napalm's IOS integration test reads `%No Rollback Confirmed Change
 * pending` after the timer expired; the simulator prints `% No …`).
 */
export const NO_ROLLBACK_PENDING = /^%\s?No Rollback Confirmed Change pending/im;

/**
 * Questions a command may ask; seen on the last line with no newline after it. They are answered
 * only from RunOptions.answers (a `[confirm]` nobody expected must not be confirmed blindly).
 * These forms never end ordinary output, so they count at once.
 */
export const QUESTION_PATTERNS: readonly RegExp[] = [
  /\[confirm\]\s*$/i,
  /\[(?:yes\/no|y\/n)\]\s*[:?]?\s*$/i,
  /\((?:\[?yes\]?\/\[?no\]?|\[?y\]?\/\[?n\]?)\)\s*[:?]?\s*$/i, // Do you want to proceed? (yes/[no]):
  /\[[^\]\n]*\]\s*\?\s*$/, // Destination filename [startup-config]?
];

/**
 * A bare trailing `?` (`Delete flash:old.bin?`) is a question too, but output cut by TCP can end
 * in one (a URL with a query, a banner line `Questions?`): it counts only once the device has
 * been silent for ChannelOptions.questionSettleMs (DEFAULT_QUESTION_SETTLE_MS).
 */
export const SETTLED_QUESTION_PATTERNS: readonly RegExp[] = [/\?\s*$/];

/**
 * A `[confirm]` reads one key, with no return after it (IOS acts on the key at once): the answer
 * to such a question is sent as is, and an empty answer is the return key alone. A return sent
 * after a `y` would be read as a keystroke by whatever comes next.
 */
export const ONE_KEY_QUESTION = /\[confirm\]\s*$/i;

/**
 * The questions a save may ask, each with exactly the keys it expects. Answered only for the
 * save commands the tool itself sends (SAVE_COMMAND); any other question still fails the host.
 * Sources (docs/device.md, "Save prompts"): `Destination filename [startup-config]?` after `copy
 * running-config startup-config` (shared/tools/realclients/README.md C4: Ansible's save_when sends
 * a second return for it), also asked by `write memory` where `file prompt` is not quiet;
 * `Overwrite the previous NVRAM configuration?[confirm]` when the startup-config was written by
 * another release (Cisco IOS XE configuration file guides).
 */
export const SAVE_ANSWERS: readonly { pattern: RegExp; answer: string }[] = [
  { pattern: /^Destination filename \[startup-config\]\?\s*$/, answer: '' },
  { pattern: /^Overwrite the previous NVRAM configuration\?\s*\[confirm\]\s*$/, answer: '' },
];

/** The save command the tool sends, and the line that says the save worked (reference §3.13: `Building configuration...` then `[OK]`). */
export const SAVE_COMMAND = 'write memory';
export const SAVE_OK = /^\s*\[OK\]\s*$/m;

/** The enable password question (realclients P5: `[Pp]assword: ?$`). */
export const PASSWORD_PROMPT = /[Pp]assword:\s?$/;

/** `show privilege` must end with this for the session to count as enabled (realclients P5). */
export const PRIVILEGE_LEVEL = /Current privilege level is (\d+)\s*$/;

/** Page marker when `terminal length 0` was refused; a space shows the next page. */
export const MORE_PATTERN = / ?--More-- ?$/;

/**
 * Sent once after login and enable, in this order (scrapli iosxe_on_open, realclients C1).
 * `terminal monitor` makes IOS copy syslog to this vty (realclients T3); without it no SMART_LIC
 * event would ever reach DeviceEvent.
 */
export const ON_OPEN_COMMANDS: readonly { command: string; required: boolean }[] = [
  { command: 'terminal length 0', required: false },
  { command: 'terminal width 512', required: false },
  { command: 'terminal monitor', required: false },
];

/** Control characters the driver sends. */
export const CTRL_C = '\x03';
/** Suspends an outgoing telnet session and returns to the switch's prompt: Ctrl-^ (Ctrl-Shift-6) then x. */
export const ESCAPE_SUSPEND = '\x1ex';

/**
 * Commands whose output is itself a list of syslog lines: their lines must stay output, not be
 * lifted out as live events (real-outputs/syslog-smart-lic is `show logging`).
 */
export const LOG_OUTPUT_COMMANDS: readonly RegExp[] = [/^\s*sh(o(w)?)?\s+log/i];

/**
 * Commands whose output can stream for minutes on a busy supervisor (`show license tech support`
 * is ~1 MiB on a stack, real-outputs/show-license-tech-support): they get the long overall cap
 * (IosDriverOptions.longCommandTimeoutMs); every command keeps the inactivity limit.
 */
export const LONG_OUTPUT_COMMANDS: readonly RegExp[] = [
  /^\s*sh(o(w)?)?\s+lic(e(n(se?)?)?)?\s+tech/i,
  /^\s*sh(o(w)?)?\s+log/i,
  /^\s*sh(o(w)?)?\s+tech(-support)?\s+lic/i,
];
