/**
 * What may be typed as one CLI line. A newline inside a command would send a second command whose
 * reply nobody checks (`show x\nreload`), a tab triggers IOS completion, and other control
 * characters (Ctrl-C, Ctrl-Z) abandon the line or leave config mode: a line must be printable.
 * IOS also acts on `?` the moment it is typed (inline help: it lists completions and redraws the
 * line), so a line with `?` in it is never entered as written, not even in a description. Pure.
 */

const CONTROL = /[\x00-\x1f\x7f]/;

/** Why `line` cannot be sent as one CLI line, or undefined if it can. */
export function unsendableReason(line: string): string | undefined {
  const m = CONTROL.exec(line);
  if (m) {
    const code = m[0].charCodeAt(0);
    const name = code === 10 ? '\\n' : code === 13 ? '\\r' : code === 9 ? '\\t' : `\\x${code.toString(16).padStart(2, '0')}`;
    return `it contains the control character ${name} at column ${m.index + 1}; send one command per line`;
  }
  const help = line.indexOf('?');
  if (help >= 0) {
    return `it contains "?" at column ${help + 1}, which IOS takes as a request for inline help, not as text`;
  }
  return undefined;
}

/** IOS XE accepts `configure terminal revert timer <1-120>` (minutes). */
export function revertTimerReason(minutes: number): string | undefined {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
    return `revert timer must be a whole number of minutes from 1 to 120, got ${minutes}`;
  }
  return undefined;
}
