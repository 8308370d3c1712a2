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
