/**
 * IOS-style command matching from pattern strings. Every word may be abbreviated to any prefix
 * that is unique among the words allowed at that point; an exact match always wins. Outcomes
 * mirror IOS's three errors: invalid input (with the column of the token that failed, for the
 * caret), incomplete command, ambiguous command.
 *
 * Pattern syntax: `show license eventlog [<days:0-365>]`
 *   word            keyword
 *   <name:a|b>      one of the keywords, bound to `name`
 *   <name:1-65535>  integer in range
 *   <name:ipv4>     dotted quad;  <name:iface> interface name;  <name:word> any token
 *   <name...>       the rest of the line, verbatim (descriptions, banners, tokens)
 *   [element]       optional (may appear anywhere; each one doubles the variants)
 */
import { canonicalInterface } from './interface-names';

export type Args = Record<string, string>;

interface ParamNode<H> {
  name: string;
  /** The spec as written (`0-365`, `ipv4`, `word`…), for the `?` listing. */
  spec: string;
  test: (token: string) => string | undefined;
  node: TrieNode<H>;
}

interface TrieNode<H> {
  keywords: Map<string, { bind?: string; node: TrieNode<H> }>;
  params: ParamNode<H>[];
  rest?: { name: string; node: TrieNode<H> };
  handler?: H;
}

export type MatchResult<H> =
  | { kind: 'ok'; handler: H; args: Args }
  | { kind: 'invalid'; column: number }
  | { kind: 'incomplete' }
  | { kind: 'ambiguous' }
  | { kind: 'empty' };

/** One row of a `?` listing: a keyword (`path` is the keyword path, for its description) or a parameter. */
export type HelpItem = { kind: 'keyword'; word: string; path: string } | { kind: 'param'; name: string; spec: string } | { kind: 'rest'; name: string };

/** What `?` shows: the next words after a space, the matching words after a partial word, or an error. */
export type HelpResult =
  | { kind: 'next'; items: HelpItem[]; cr: boolean }
  | { kind: 'partial'; words: string[] }
  | { kind: 'unrecognized' }
  | { kind: 'ambiguous' }
  | { kind: 'invalid'; column: number };

type Token = { text: string; col: number };
type Walk<H> = { kind: 'node'; node: TrieNode<H>; path: string[]; args: Args; restTaken: boolean } | { kind: 'invalid'; column: number } | { kind: 'ambiguous' };

const newNode = <H>(): TrieNode<H> => ({ keywords: new Map(), params: [] });

function paramTest(spec: string): (token: string) => string | undefined {
  if (spec === 'word') return (t) => t;
  if (spec === 'ipv4') {
    return (t) => (/^\d{1,3}(\.\d{1,3}){3}$/.test(t) && t.split('.').every((o) => Number(o) <= 255) ? t : undefined);
  }
  if (spec === 'iface') return (t) => canonicalInterface(t);
  if (spec === 'host') return (t) => (/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(t) ? t : undefined);
  const range = /^(\d+)-(\d+)$/.exec(spec);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    return (t) => (/^\d+$/.test(t) && Number(t) >= lo && Number(t) <= hi ? String(Number(t)) : undefined);
  }
  throw new Error(`bad parameter spec ${spec}`);
}

/** Expands `[x]` optionals into all variants, each a list of elements. */
function variants(pattern: string): string[][] {
  const elements = pattern.match(/\[[^\]]+\]|\S+/g) ?? [];
  let out: string[][] = [[]];
  for (const el of elements) {
    if (el.startsWith('[')) {
      const inner = el.slice(1, -1).split(/\s+/);
      out = out.flatMap((v) => [[...v, ...inner], v]); // longest first: params keep their order
    } else out = out.map((v) => [...v, el]);
  }
  return out;
}

export class CommandTree<H> {
  private root = newNode<H>();

  add(pattern: string, handler: H): this {
    for (const variant of variants(pattern)) {
      let node = this.root;
      for (const el of variant) node = this.step(node, el);
      node.handler = handler;
    }
    return this;
  }

  private step(node: TrieNode<H>, el: string): TrieNode<H> {
    const m = /^<([\w-]+)(\.\.\.)?(?::(.+))?>$/.exec(el);
    if (!m) {
      const key = el.toLowerCase();
      let entry = node.keywords.get(key);
      if (!entry) node.keywords.set(key, (entry = { node: newNode() }));
      return entry.node;
    }
    const [, name, rest, spec] = m;
    if (rest) {
      node.rest ??= { name, node: newNode() };
      return node.rest.node;
    }
    if (spec && /^[\w/-]+(\|[\w/-]+)+$/.test(spec)) {
      // keyword choice bound to a name; all alternatives share one child node
      const child = newNode<H>();
      for (const word of spec.split('|')) {
        const existing = node.keywords.get(word.toLowerCase());
        if (existing) return existing.node;
        node.keywords.set(word.toLowerCase(), { bind: name, node: child });
      }
      return child;
    }
    const existing = node.params.find((p) => p.name === name);
    if (existing) return existing.node;
    const param = { name, spec: spec ?? 'word', test: paramTest(spec ?? 'word'), node: newNode<H>() };
    node.params.push(param);
    return param.node;
  }

  /** Matches a command line (without a pipe filter). Columns are 0-based offsets into `line`. */
  match(line: string): MatchResult<H> {
    const tokens = tokenize(line);
    if (tokens.length === 0) return { kind: 'empty' };
    const w = this.walk(line, tokens);
    if (w.kind !== 'node') return w;
    if (w.node.handler === undefined) return { kind: 'incomplete' };
    return { kind: 'ok', handler: w.node.handler, args: w.args };
  }

  /**
   * IOS `?` for the text typed so far. After a space (or nothing): every word allowed next and
   * whether the command is complete (`<cr>`). Directly after a partial word: the keywords it
   * abbreviates. The same walk as `match`, so help never disagrees with what Enter would do.
   */
  help(text: string): HelpResult {
    const tokens = tokenize(text);
    const partial = text.length > 0 && !/\s$/.test(text) ? tokens.pop() : undefined;
    const w = this.walk(text, tokens);
    if (w.kind !== 'node') return w;
    const node = w.node;
    if (partial) {
      const lower = partial.text.toLowerCase();
      const words = w.restTaken ? [] : [...node.keywords.keys()].filter((k) => k.startsWith(lower)).sort();
      if (words.length) return { kind: 'partial', words };
      const params = w.restTaken ? [] : node.params.filter((p) => p.test(partial.text) !== undefined);
      if (params.length) return { kind: 'next', items: params.map((p) => ({ kind: 'param', name: p.name, spec: p.spec })), cr: false };
      if (node.rest || w.restTaken) return { kind: 'next', items: [], cr: false };
      return { kind: 'unrecognized' };
    }
    if (w.restTaken) return { kind: 'next', items: [], cr: node.handler !== undefined };
    const items: HelpItem[] = [
      ...node.params.map((p): HelpItem => ({ kind: 'param', name: p.name, spec: p.spec })),
      ...(node.rest ? [{ kind: 'rest', name: node.rest.name } as const] : []),
      ...[...node.keywords.keys()].sort().map((word): HelpItem => ({ kind: 'keyword', word, path: [...w.path, word].join(' ') })),
    ];
    return { kind: 'next', items, cr: node.handler !== undefined };
  }

  /** Follows `tokens` from the root: keywords (abbreviated), then parameters, then the rest-of-line. */
  private walk(line: string, tokens: Token[]): Walk<H> {
    let node = this.root;
    const args: Args = {};
    const path: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const { text, col } = tokens[i];
      const lower = text.toLowerCase();
      const exact = node.keywords.get(lower);
      const hits = exact ? [[lower, exact] as const] : [...node.keywords].filter(([w]) => w.startsWith(lower));
      if (hits.length === 1) {
        const [word, entry] = hits[0];
        if (entry.bind) args[entry.bind] = word;
        else args[word] = word;
        path.push(word);
        node = entry.node;
        continue;
      }
      if (hits.length > 1 && !node.params.some((p) => p.test(text) !== undefined)) return { kind: 'ambiguous' };
      const param = node.params.find((p) => p.test(text) !== undefined);
      if (param) {
        args[param.name] = param.test(text)!;
        path.push(`<${param.name}>`);
        node = param.node;
        continue;
      }
      if (node.rest) {
        args[node.rest.name] = line.slice(col);
        return { kind: 'node', node: node.rest.node, path, args, restTaken: true };
      }
      return { kind: 'invalid', column: col };
    }
    return { kind: 'node', node, path, args, restTaken: false };
  }

  /** True when the first word of `line` names a command in this tree (used for sub-mode fallthrough). */
  knowsFirstWord(line: string): boolean {
    const first = line.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    return !!first && [...this.root.keywords.keys()].some((w) => w.startsWith(first));
  }
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  for (const m of line.matchAll(/\S+/g)) tokens.push({ text: m[0], col: m.index ?? 0 });
  return tokens;
}
