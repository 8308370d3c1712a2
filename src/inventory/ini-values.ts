/**
 * The two readers behind an INI inventory line, as Ansible's ini plugin uses them: Python's
 * shlex.split(line, comments=True) for host lines, and ast.literal_eval for every value
 * (`port=22` is the number 22, `name="22"` on a host line is also 22 because shlex removed the
 * quotes, `x=[1, 2]` a list; anything literal_eval refuses stays the text as written).
 */

/** A token of a host line and where it starts in the line. */
export interface Token {
  text: string;
  offset: number;
}

/** shlex.split(line, comments=True) in POSIX mode; throws on an unterminated quote, as shlex does. */
export function shlexSplit(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length || line[i] === '#') break;
    const start = i;
    let text = '';
    let ended = false;
    while (i < line.length && !/\s/.test(line[i]!)) {
      const c = line[i]!;
      if (c === '#') {
        ended = true;
        break;
      }
      if (c === '\\') {
        if (i + 1 < line.length) text += line[i + 1]!;
        i += 2;
      } else if (c === "'") {
        const close = line.indexOf("'", i + 1);
        if (close < 0) throw new Error('No closing quotation');
        text += line.slice(i + 1, close);
        i = close + 1;
      } else if (c === '"') {
        i++;
        for (;;) {
          if (i >= line.length) throw new Error('No closing quotation');
          const d = line[i]!;
          if (d === '"') break;
          if (d === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
            text += line[i + 1]!;
            i += 2;
          } else {
            text += d;
            i++;
          }
        }
        i++;
      } else {
        text += c;
        i++;
      }
    }
    tokens.push({ text, offset: start });
    if (ended) break;
  }
  return tokens;
}

/** Ansible's INI value typing: the Python literal, else the text itself. */
export function iniValue(text: string): unknown {
  const parsed = pythonLiteral(text);
  return parsed.ok ? parsed.value : text;
}

type Parsed = { ok: true; value: unknown } | { ok: false };

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && ' \t\f'.includes(this.s[this.i]!)) this.i++;
  }
  peek(): string {
    this.ws();
    return this.s[this.i] ?? '';
  }
  eat(c: string): boolean {
    if (this.peek() === c) {
      this.i++;
      return true;
    }
    return false;
  }
}

class NotLiteral extends Error {}

/** ast.literal_eval for what JSON can hold: str, int, float, bool, None, list, tuple, dict. */
export function pythonLiteral(text: string): Parsed {
  const r = new Reader(text);
  try {
    const first = value(r);
    let result: unknown = first;
    // `1, 2` is a tuple in Python.
    if (r.peek() === ',') {
      const items = [first];
      while (r.eat(',')) {
        if (r.peek() === '') break;
        items.push(value(r));
      }
      result = items;
    }
    if (r.peek() !== '') return { ok: false };
    return { ok: true, value: result };
  } catch (error) {
    if (error instanceof NotLiteral) return { ok: false };
    throw error;
  }
}

function value(r: Reader): unknown {
  const c = r.peek();
  if (c === '[') return sequence(r, ']');
  if (c === '(') {
    r.i++;
    if (r.eat(')')) return [];
    const first = value(r);
    if (r.eat(')')) return first; // parentheses only, not a tuple
    if (!r.eat(',')) throw new NotLiteral();
    const items = [first];
    while (r.peek() !== ')') {
      items.push(value(r));
      if (!r.eat(',')) break;
    }
    if (!r.eat(')')) throw new NotLiteral();
    return items;
  }
  if (c === '{') return mapping(r);
  if (c === '-' || c === '+') {
    r.i++;
    const n = value(r);
    if (typeof n !== 'number') throw new NotLiteral();
    return c === '-' ? -n : n;
  }
  if (/[0-9.]/.test(c)) return number(r);
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(r.s.slice(r.i))?.[0] ?? '';
  const q = r.s[r.i + word.length];
  if (word.length <= 2 && /^[rRbBuU]*$/.test(word) && (q === '"' || q === "'")) {
    let out = '';
    // Adjacent literals concatenate: 'a' "b" is 'ab'.
    do out += str(r);
    while (/^[rRbBuU]{0,2}["']/.test(r.s.slice((r.ws(), r.i))));
    return out;
  }
  r.i += word.length;
  if (word === 'True') return true;
  if (word === 'False') return false;
  if (word === 'None') return null;
  throw new NotLiteral();
}

function sequence(r: Reader, close: string): unknown[] {
  r.i++;
  const items: unknown[] = [];
  while (r.peek() !== close) {
    items.push(value(r));
    if (!r.eat(',')) break;
  }
  if (!r.eat(close)) throw new NotLiteral();
  return items;
}

function mapping(r: Reader): Record<string, unknown> {
  r.i++;
  const out: Record<string, unknown> = {};
  while (r.peek() !== '}') {
    const key = value(r);
    // A set ({1, 2}) or a non-text key has no JSON form.
    if (!r.eat(':') || (typeof key !== 'string' && typeof key !== 'number')) throw new NotLiteral();
    out[String(key)] = value(r);
    if (!r.eat(',')) break;
  }
  if (!r.eat('}')) throw new NotLiteral();
  return out;
}

function number(r: Reader): number {
  const rest = r.s.slice(r.i);
  const m =
    /^0[xX](?:_?[0-9a-fA-F])+|^0[oO](?:_?[0-7])+|^0[bB](?:_?[01])+/.exec(rest) ??
    /^(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?/.exec(rest);
  if (!m || /^[A-Za-z0-9_]/.test(rest.slice(m[0].length))) throw new NotLiteral();
  const t = m[0].replace(/_/g, '');
  r.i += m[0].length;
  if (/^0[xob]/i.test(t)) return Number(t.toLowerCase());
  // Python refuses leading zeros in a decimal integer (0123), not in 0 or 00.
  if (/^\d+$/.test(t) && t.length > 1 && t[0] === '0' && /[1-9]/.test(t)) throw new NotLiteral();
  return Number(t);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

function str(r: Reader): string {
  r.ws();
  const prefix = /^[rRbBuU]*/.exec(r.s.slice(r.i))![0];
  const raw = /r/i.test(prefix);
  r.i += prefix.length;
  const q = r.s[r.i]!;
  const triple = r.s.startsWith(q.repeat(3), r.i);
  const end = triple ? q.repeat(3) : q;
  r.i += end.length;
  let out = '';
  for (;;) {
    if (r.i >= r.s.length) throw new NotLiteral();
    if (r.s.startsWith(end, r.i)) {
      r.i += end.length;
      return out;
    }
    const c = r.s[r.i]!;
    if (c === '\n' && !triple) throw new NotLiteral();
    if (c === '\\') {
      const n = r.s[r.i + 1] ?? '';
      if (raw) {
        out += c + n;
        r.i += 2;
        continue;
      }
      const hex = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
      if (hex) {
        const h = r.s.slice(r.i + 2, r.i + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== hex) throw new NotLiteral();
        out += String.fromCodePoint(parseInt(h, 16));
        r.i += 2 + hex;
      } else {
        out += n in ESCAPES ? ESCAPES[n]! : c + n;
        r.i += 2;
      }
      continue;
    }
    out += c;
    r.i++;
  }
}
