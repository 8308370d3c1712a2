/**
 * `JSON.stringify(value, null, 2)` as a sequence of pieces, for documents too big to hold as one
 * string. A fleet's report grows ~12 KB per host: as one string it was the run's last memory
 * peak (24 MB of UTF-16 and its UTF-8 copy at 1,000 hosts; 30–40 MB of peak RSS), and past
 * ~45,000 hosts it would exceed V8's longest string (2^29 − 24 characters), so a finished run
 * could not write its report. Long arrays and what holds them are walked, down to `expandDepth` levels; every other
 * value is one JSON.stringify call (a host's result, an event), re-indented to its place:
 * JSON.stringify escapes newlines inside strings, so every raw newline in its output is layout.
 */
const INDENT = '  ';

/** Containers with more members than this are written member by member (a play's hosts, the events). */
const LONG = 8;

function container(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** A long container, or one holding one within `levels` (the plays, a play: they hold the hosts). */
function holdsMany(value: unknown, levels: number): boolean {
  if (!container(value)) return false;
  const members = Array.isArray(value) ? value : Object.values(value);
  return members.length > LONG || (levels > 0 && members.some((m) => holdsMany(m, levels - 1)));
}

/**
 * Worth walking: the root, or a container that is or holds a long one. Anything else is one
 * JSON.stringify call: an event, a host's counters, anything with toJSON (a Date).
 */
function walkable(value: unknown, depth: number): value is Record<string, unknown> | unknown[] {
  return container(value) && (depth === 0 || holdsMany(value, 2));
}

/**
 * One value in one piece, indented to its place; undefined where JSON.stringify writes nothing
 * (undefined, a function, a symbol, a toJSON that returns undefined): left out of an object,
 * null in an array.
 */
function leaf(value: unknown, pad: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) return undefined;
  return pad && text.includes('\n') ? text.replace(/\n/g, `\n${pad}`) : text;
}

/**
 * Concatenated, the pieces equal `JSON.stringify(value, null, 2)` (for a value it can write: not
 * undefined, a function or a symbol at the root).
 */
export function* jsonPieces(value: unknown, expandDepth = 4, depth = 0): Generator<string> {
  const pad = INDENT.repeat(depth);
  if (depth >= expandDepth || !walkable(value, depth)) {
    yield leaf(value, pad) ?? 'null';
    return;
  }
  const inner = pad + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      yield* jsonPieces(value[i], expandDepth, depth + 1);
    }
    yield `\n${pad}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const whole = depth + 1 >= expandDepth || !walkable(member, depth + 1);
    const text = whole ? leaf(member, inner) : undefined;
    if (whole && text === undefined) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    if (text !== undefined) yield text;
    else yield* jsonPieces(member, expandDepth, depth + 1);
  }
  yield first ? '{}' : `\n${pad}}`;
}

/** A document's text in pieces, ending with a newline (the reports' on-disk form). */
export function* jsonDocument(value: unknown): Generator<string> {
  yield* jsonPieces(value);
  yield '\n';
}
