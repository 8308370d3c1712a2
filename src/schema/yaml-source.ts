/**
 * A YAML file kept together with its node tree, so a path inside the data can be turned back into
 * file:line:column (yaml's LineCounter) for every issue we report.
 */
import { readFileSync } from 'fs';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node, type ScalarTag } from 'yaml';
import { escapeControl, truncate } from '../bounded-text';
import { ConfigError, type ConfigIssue } from '../errors';

/** Keys and indexes from the document root to a node. */
export type DocPath = readonly (string | number)[];

/** A parsed YAML file kept with its text, so issues can be located in it. */
export interface YamlSource {
  /** As given by the user (relative paths stay relative in messages). */
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data. */
  data: unknown;
}

/** 1-based line and column, as `file:line:column` prints them. */
export interface Position {
  line: number;
  column: number;
}

/** Reads and parses a YAML file; a missing file or any syntax error is a ConfigError. */
export function readYamlFile(file: string, what: string, version: YamlVersion = '1.2'): YamlSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw new ConfigError([{ file, line: 1, column: 1, path: '', message: `cannot read ${what}: ${reason}` }]);
  }
  // A binary file given by mistake (an image, an archive): one line, not megabytes of quoted bytes.
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) {
    const before = bytes.subarray(0, nul).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new ConfigError([{ file, line, column, path: '', message: `not a text file (a NUL byte, binary content): expected the YAML ${what}` }]);
  }
  return parseYaml(file, bytes.toString('utf8'), version);
}

/** How far a file is looked at for a NUL byte, as git and grep do to tell binary files. */
const BINARY_SNIFF_BYTES = 8000;
/** YAML errors reported for one file: past these, the file is not YAML at all. */
const MAX_YAML_ERRORS = 10;


type Tags = NonNullable<Parameters<typeof parseDocument>[1]> extends { customTags?: infer T } ? Exclude<T, ((tags: never) => unknown) | null | undefined> : never;

const isBoolTag = (t: Tags[number]): boolean => typeof t === 'object' && t.tag === 'tag:yaml.org,2002:bool';

/** PyYAML's booleans (Ansible's reader): yaml's YAML 1.1 schema also takes y/n, which PyYAML leaves as text. */
const PYYAML_BOOLS: ScalarTag[] = [true, false].map((value) => ({
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: value ? /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/ : /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/,
  resolve: () => value,
  identify: (v: unknown) => v === value,
  stringify: () => (value ? 'true' : 'false'),
}));

/** '1.1' reads as Ansible (PyYAML) does: yes/no/on/off are booleans, 0755 is octal. */
export type YamlVersion = '1.1' | '1.2';

export function parseYaml(file: string, text: string, version: YamlVersion = '1.2', customTags: ScalarTag[] = []): YamlSource {
  const lines = new LineCounter();
  // Duplicate keys are checked in structureIssues: yaml's own check is quadratic in a map's size.
  const tags = version === '1.1' ? (schema: Tags): Tags => [...schema.filter((t) => !isBoolTag(t)), ...PYYAML_BOOLS, ...customTags] : customTags;
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: false, version, customTags: tags });
  if (doc.errors.length > 0) {
    const issues: ConfigIssue[] = doc.errors.slice(0, MAX_YAML_ERRORS).map((e) => {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      // yaml's message repeats the position and a source excerpt on later lines; keep line one. It
      // may quote the input (a whole scalar): escaped and bounded.
      const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const message = `YAML syntax error: ${truncate(escapeControl(first))}`;
      return { file, line: pos.line, column: pos.col, path: '', message };
    });
    const more = doc.errors.length - issues.length;
    if (more > 0) issues.push({ ...issues[issues.length - 1]!, message: `… and ${more} more YAML syntax errors` });
    throw new ConfigError(issues);
  }
  const targets = aliasTargets(doc);
  const issues = structureIssues(file, doc, lines, targets);
  if (issues.length > 0) throw new ConfigError(issues);
  const bomb = aliasBomb(doc, targets);
  if (bomb) {
    const { line, col } = lines.linePos(bomb.range?.[0] ?? 0);
    const message = `YAML syntax error: aliases expand to too many values (more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} once expanded); write the values out`;
    throw new ConfigError([{ file, line, column: col, path: '', message }]);
  }
  // The expanded size is bounded above, so yaml's own (much lower) alias count limit is not needed.
  inlineAliases(doc, targets);
  const data = doc.toJS({ maxAliasCount: -1 });
  return { file, text, doc, lines, data };
}

type AliasTargets = Map<Alias, Node | undefined>;

/**
 * What each alias stands for: the last node anchored with its name before it, found in one pass
 * (yaml's Alias.resolve walks the whole document for each alias, quadratic on a big fleet).
 */
function aliasTargets(doc: Document): AliasTargets {
  const anchors = new Map<string, Node>();
  const targets: AliasTargets = new Map();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/**
 * Puts each alias's target node in its place, so toJS does not look every alias up again
 * (yaml's lookup scans the document from the start: quadratic on a 10,000-host fleet). The data
 * is the same: an alias's value is a copy of its anchor's. A self-referencing alias stays.
 */
function inlineAliases(doc: Document, targets: AliasTargets): void {
  visit(doc, {
    Alias(key, alias, path) {
      const target = targets.get(alias);
      const parent = path[path.length - 1];
      if (target === undefined || path.includes(target)) return undefined;
      if (isPair(parent)) {
        if (parent.key === alias) parent.key = target;
        else parent.value = target;
      } else if (isCollection(parent) && typeof key === 'number') parent.items[key] = target;
      return visit.SKIP;
    },
  });
}

/**
 * Aliases are fine in any number (a 10,000-host inventory with `<<: *defaults` on every host);
 * what is refused is a document whose values, once every alias is expanded, exceed this many
 * nodes: an alias bomb (billion laughs), which would exhaust memory or time in whatever walks it.
 */
const MAX_EXPANDED_NODES = 5_000_000;

/** The alias at which the document's expanded size passes the limit, if it does. */
function aliasBomb(doc: Document, targets: AliasTargets): Node | undefined {
  const sizes = new Map<unknown, number>();
  let total = 0;
  let culprit: Node | undefined;
  const size = (node: unknown, depth: number): number => {
    if (culprit || node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const target = targets.get(node);
      if (target === undefined || depth > 1000) return 1;
      let n = sizes.get(target);
      if (n === undefined) {
        n = size(target, depth + 1);
        sizes.set(target, n);
      }
      total += n;
      if (total > MAX_EXPANDED_NODES && !culprit) culprit = node;
      return n;
    }
    if (isPair(node)) return size(node.key, depth + 1) + size(node.value, depth + 1);
    if (isCollection(node)) {
      let n = 1;
      for (const item of node.items) n += size(item, depth + 1);
      return n;
    }
    return 1;
  };
  // Sizes of anchored nodes are memoised, so each node is measured once: linear in the text.
  const walk = (node: unknown): void => {
    if (culprit || node === null || node === undefined) return;
    if (isAlias(node)) size(node, 0);
    else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    } else if (isCollection(node)) node.items.forEach(walk);
  };
  walk(doc.contents);
  return culprit;
}

/**
 * What parses but cannot become plain data, found before yaml's toJS meets it: an alias with no
 * anchor before it (toJS throws a bare ReferenceError, e.g. after `*a` is typed into a value),
 * and a list or mapping used as a key (toJS turns it into a string and prints a process
 * warning on stderr). Each is located at the alias or key.
 */
function structureIssues(file: string, doc: Document, lines: LineCounter, targets: AliasTargets): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const at = (node: Node | null | undefined, message: string): void => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    issues.push({ file, line, column: col, path: '', message: `YAML syntax error: ${message}` });
  };
  visit(doc, {
    Alias(_, alias) {
      // The alias name is not echoed: it is often a password that happens to start with `*`.
      if (targets.get(alias) === undefined) at(alias, 'a value starting with "*" is an alias, and no anchor "&" for it comes before it (quote the value if it is text)');
    },
    Pair(_, pair) {
      const key = isAlias(pair.key) ? targets.get(pair.key) : pair.key;
      if (isCollection(key)) at(pair.key as Node, 'a key must be a plain value, not a list or mapping');
    },
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isAlias(pair.key) ? targets.get(pair.key) : pair.key;
        const value = isScalar(key) ? key.value : key;
        if (isCollection(value) || value === '<<') continue;
        if (seen.has(value)) at(pair.key as Node, 'Map keys must be unique');
        seen.add(value);
      }
    },
  });
  return issues;
}

/** The node at `path`, or the deepest node on the way when the path leaves the tree. */
export function nodeAt(src: YamlSource, path: DocPath, target: 'value' | 'key' = 'value'): Node | undefined {
  let node: unknown = src.doc.contents;
  let last: Node | undefined = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(src.doc);
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
      if (!pair) return last;
      const isLast = i === path.length - 1;
      if (isLast && target === 'key') return pair.key as Node;
      // `key:` with no value has no value node: point at the key.
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (node === undefined) return last;
    } else {
      return last;
    }
    last = node as Node;
  }
  return last;
}

export function positionOf(src: YamlSource, offset: number): Position {
  const { line, col } = src.lines.linePos(offset);
  return { line, column: col };
}

/** Where `path` is written: its value (default) or its key. */
export function locate(src: YamlSource, path: DocPath, target: 'value' | 'key' = 'value'): Position {
  const node = nodeAt(src, path, target);
  return positionOf(src, node?.range?.[0] ?? 0);
}

/** Where `needle` (e.g. one `{{ … }}`) is written inside the scalar at `path`. */
export function locateWithin(src: YamlSource, path: DocPath, needle: string): Position {
  const node = nodeAt(src, path);
  const [start, end] = node?.range ?? [0, 0];
  const at = src.text.slice(start, end).indexOf(needle);
  return positionOf(src, at >= 0 ? start + at : start);
}

export function issueAt(
  src: YamlSource,
  path: DocPath,
  message: string,
  target: 'value' | 'key' = 'value',
): ConfigIssue {
  const { line, column } = locate(src, path, target);
  return { file: src.file, line, column, path: path.join('.'), message };
}

/** Where the character at `offset` of the scalar value at `path` is written (quotes skipped). */
export function locateOffset(src: YamlSource, path: DocPath, offset: number): Position {
  const node = nodeAt(src, path);
  const start = node?.range?.[0] ?? 0;
  const quoted = src.text[start] === '"' || src.text[start] === "'";
  return positionOf(src, start + (quoted ? 1 : 0) + offset);
}
