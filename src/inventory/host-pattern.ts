/**
 * Ansible host patterns: `name`, `group`, `a:b` or `a,b` (union), `a:&b` (intersection), `a:!b`
 * (exclusion), `*` and `?` wildcards, `~regex` (matched at the start of the name, as Python's
 * re.match), subscripts `web[0]`, `web[-1]`, `web[0:2]` (inclusive), `web[1:]`, and `all`.
 * As in Ansible, unions apply first, then
 * intersections, then exclusions, and a pattern of only `&`/`!` terms starts from `all`.
 * A name that is neither a host nor a group is an error (Ansible only warns), because a typo in
 * `--limit` or `hosts:` would otherwise silently change which switches are configured.
 */
import { suggestion } from '../schema/did-you-mean';

/** The names a `--limit` / `hosts:` pattern may refer to. */
export interface PatternScope {
  /** Host names in inventory order. */
  hosts: readonly string[];
  /** Group name → its hosts (including those of child groups). */
  groups: ReadonlyMap<string, { hosts: readonly string[] }>;
}

/** A term of a host pattern that matched nothing or could not be read. */
export interface PatternProblem {
  message: string;
  /** 0-based offset of the offending term in the pattern. */
  offset: number;
}

/** The hosts a pattern selects, in inventory order, and any problems with its terms. */
export interface PatternResult {
  hosts: string[];
  problems: PatternProblem[];
}

interface Term {
  op: '' | '&' | '!';
  name: string;
  offset: number;
  /** [index] or [start:end] (end inclusive; -1 = the last), as Ansible's _split_subscript. */
  subscript?: { start: number; end?: number };
}

const TERM_RE = /^([!&]?)(~.+|[A-Za-z0-9_.*?-]+)(?:\[(?:(-?\d+)|(\d+):(\d*))\])?$/;

/** Ansible's split_host_pattern: on commas, else on colons outside [brackets]. */
function splitTerms(pattern: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  if (pattern.includes(',')) {
    let offset = 0;
    for (const raw of pattern.split(',')) {
      out.push({ text: raw.trim(), at: offset + raw.length - raw.trimStart().length });
      offset += raw.length + 1;
    }
    return out;
  }
  let offset = 0;
  for (const raw of pattern.split(/:(?![^[]*\])/)) {
    out.push({ text: raw.trim(), at: offset + raw.length - raw.trimStart().length });
    offset += raw.length + 1;
  }
  return out;
}

export function parsePattern(pattern: string): { terms: Term[]; problems: PatternProblem[] } {
  const terms: Term[] = [];
  const problems: PatternProblem[] = [];
  for (const { text, at } of splitTerms(pattern)) {
    if (text === '') {
      problems.push({ offset: at, message: `empty term in host pattern "${pattern}"` });
      continue;
    }
    const m = TERM_RE.exec(text);
    if (!m) {
      const why = 'expected a host or group name, * and ? wildcards, ~regex or a [subscript], with & (and) or ! (not) in front';
      problems.push({ offset: at, message: `invalid host pattern term "${text}": ${why}` });
      continue;
    }
    const term: Term = { op: m[1] as Term['op'], name: m[2]!, offset: at };
    if (m[3] !== undefined) term.subscript = { start: Number(m[3]) };
    else if (m[4] !== undefined) term.subscript = { start: Number(m[4]), end: m[5] ? Number(m[5]) : -1 };
    if (term.name.startsWith('~')) {
      try {
        new RegExp(term.name.slice(1));
      } catch (error) {
        problems.push({ offset: at, message: `invalid regular expression in host pattern "${text}": ${(error as Error).message}` });
        continue;
      }
    }
    terms.push(term);
  }
  return { terms, problems };
}

function wildcardRe(name: string): RegExp {
  const body = name.replace(/[.+^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function resolveTerm(term: Term, scope: PatternScope): string[] | PatternProblem {
  const hosts = matchName(term, scope);
  if (!Array.isArray(hosts) || !term.subscript) return hosts;
  const { start, end } = term.subscript;
  const at = (i: number): number => (i < 0 ? hosts.length + i : i);
  if (end === undefined) {
    const i = at(start);
    if (i < 0 || i >= hosts.length) return { offset: term.offset, message: `"${term.name}[${start}]": there is no host ${start} in "${term.name}" (${hosts.length} host(s), counted from 0)` };
    return [hosts[i]!];
  }
  const last = end === -1 ? hosts.length - 1 : end;
  const picked = hosts.slice(start, last + 1);
  if (picked.length === 0) return { offset: term.offset, message: `"${term.name}[${start}:${end === -1 ? '' : end}]" selects no host of "${term.name}" (${hosts.length} host(s), counted from 0)` };
  return picked;
}

function matchName(term: Term, scope: PatternScope): string[] | PatternProblem {
  const { name } = term;
  if (name === 'all' || name === '*') return [...scope.hosts];
  const regex = name.startsWith('~') ? new RegExp(`^(?:${name.slice(1)})`) : /[*?]/.test(name) ? wildcardRe(name) : undefined;
  if (regex) {
    const out = new Set<string>();
    for (const [group, g] of scope.groups) if (regex.test(group)) g.hosts.forEach((h) => out.add(h));
    for (const h of scope.hosts) if (regex.test(h)) out.add(h);
    return [...out];
  }
  const group = scope.groups.get(name);
  if (group) return [...group.hosts];
  if (scope.hosts.includes(name)) return [name];
  const hint = suggestion(name, [...scope.groups.keys(), ...scope.hosts]);
  return { offset: term.offset, message: `"${name}" is neither a host nor a group in the inventory${hint}` };
}

export function matchHosts(pattern: string, scope: PatternScope): PatternResult {
  const { terms, problems } = parsePattern(pattern);
  const resolved = terms.map((t) => ({ term: t, hosts: resolveTerm(t, scope) }));
  for (const r of resolved) if (!Array.isArray(r.hosts)) problems.push(r.hosts);
  if (problems.length > 0) return { hosts: [], problems };
  const sets = resolved.map((r) => ({ op: r.term.op, hosts: new Set(r.hosts as string[]) }));
  const unions = sets.filter((s) => s.op === '');
  let selected = new Set<string>(unions.length > 0 ? unions.flatMap((s) => [...s.hosts]) : scope.hosts);
  for (const s of sets.filter((x) => x.op === '&')) selected = new Set([...selected].filter((h) => s.hosts.has(h)));
  for (const s of sets.filter((x) => x.op === '!')) selected = new Set([...selected].filter((h) => !s.hosts.has(h)));
  return { hosts: scope.hosts.filter((h) => selected.has(h)), problems: [] };
}
