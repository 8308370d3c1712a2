/**
 * Turns the bytes a vt100 session receives into plain LF text, one chunk at a time: ANSI escape
 * sequences removed, CR dropped (CRLF → LF), backspace erases the character before it (IOS redraws
 * long lines and erases ` --More-- ` that way), other control characters dropped.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL), charset selection (ESC ( B) and single-char escapes.
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMc])/g;
const ANSI_AT_START = new RegExp(`^(?:${ANSI.source})`);

const BACKSPACE = /[\b\x7f]/;
/** What the loop drops: control characters other than LF and TAB (CR, BEL, NUL…). */
const DROPPED = /[\x00-\x08\x0b-\x1f]/g;

export interface CleanState {
  /** Cleaned text so far. */
  text: string;
  /** An escape sequence cut by the chunk boundary, kept for the next chunk. */
  carry: string;
}

export function emptyCleanState(): CleanState {
  return { text: '', carry: '' };
}

/** Appends one received chunk to the cleaned text. Pure: returns the new state. */
export function appendChunk(state: CleanState, chunk: string): CleanState {
  let input = state.carry + chunk;
  let carry = '';
  const lastEsc = input.lastIndexOf('\x1b');
  if (lastEsc >= 0 && !ANSI_AT_START.test(input.slice(lastEsc)) && input.length - lastEsc < 32) {
    carry = input.slice(lastEsc);
    input = input.slice(0, lastEsc);
  }
  if (input.includes('\x1b')) input = input.replace(ANSI, '');
  // Most chunks hold no backspace: drop the control characters in one pass instead of building
  // the text a character at a time (same result; the loop below is for erasing).
  if (!BACKSPACE.test(input)) return { text: state.text + input.replace(DROPPED, ''), carry };
  let text = state.text;
  let pending = '';
  for (const ch of input) {
    if (ch === '\b' || ch === '\x7f') {
      if (pending.length > 0 && !pending.endsWith('\n')) pending = pending.slice(0, -1);
      else if (pending.length === 0 && text.length > 0 && !text.endsWith('\n')) text = text.slice(0, -1);
      continue;
    }
    if (ch === '\n' || ch === '\t' || ch >= ' ') pending += ch;
    // \r, BEL, NUL and the rest: dropped.
  }
  return { text: text + pending, carry };
}

/** Cleans a whole text at once (tests, one-shot use). */
export function cleanTerminalText(raw: string): string {
  return appendChunk(emptyCleanState(), raw).text;
}
