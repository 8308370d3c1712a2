/**
 * Text from the user's input, made safe and short enough to print: a message that quotes input
 * (a YAML error quoting a scalar, a value that does not validate) must not carry raw control bytes
 * or ESC sequences to the terminal, nor megabytes of a binary file given by mistake.
 */

/** Longest quoted excerpt of input in a message, and longest printed line of a message. */
export const MAX_QUOTED = 120;
export const MAX_LINE = 400;
/** Lines of one error printed before "… N more". */
export const MAX_LINES = 40;

/** C0 and C1 control characters (tab and newline excepted), DEL, and bidirectional-text controls. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Every unsafe character as a visible \uXXXX escape. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** At most `max` characters, with how much was left out. */
export function truncate(text: string, max: number = MAX_QUOTED): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * A whole message as printed: controls escaped, each line bounded, and at most MAX_LINES lines.
 * Applied where errors leave the program (the CLI), whatever built them.
 */
export function boundMessage(text: string): string {
  const lines = text.split('\n').map((l) => truncate(escapeControl(l), MAX_LINE));
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more lines`].join('\n');
}
