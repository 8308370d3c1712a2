/**
 * Ansible host patterns: `name`, `group`, `a:b` or `a,b` (union), `a:&b` (intersection), `a:!b`
 * (exclusion), `*` and `?` wildcards, `all`. As in Ansible, unions apply first, then
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
}

const TERM_RE = /^([!&]?)([A-Za-z0-9_.*?-]+)$/;

export function parsePattern(pattern: string): { terms: Term[]; problems: PatternProblem[] } {
  const unsupported = /[[~]/.exec(pattern);
  if (unsupported) {
    const message = `host pattern "${pattern}": ranges ([0:2]) and regular expressions (~) are not supported`;
    return { terms: [], problems: [{ offset: unsupported.index, message }] };
  }
  const separator = pattern.includes(',') ? ',' : ':';
  const terms: Term[] = [];
  const problems: PatternProblem[] = [];
  let offset = 0;
  for (const raw of pattern.split(separator)) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const at = offset + lead;
    offset += raw.length + 1;
    if (text === '') {
      problems.push({ offset: at, message: `empty term in host pattern "${pattern}"` });
      continue;
    }
    const m = TERM_RE.exec(text);
    if (!m) {
      const why = 'expected a host or group name, * and ? wildcards, with & (and) or ! (not) in front';
      problems.push({ offset: at, message: `invalid host pattern term "${text}": ${why}` });
      continue;
    }
    terms.push({ op: m[1] as Term['op'], name: m[2]!, offset: at });
  }
  return { terms, problems };
}

function wildcardRe(name: string): RegExp {
  const body = name.replace(/[.+^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function resolveTerm(term: Term, scope: PatternScope): string[] | PatternProblem {
  const { name } = term;
  if (name === 'all' || name === '*') return [...scope.hosts];
  if (/[*?]/.test(name)) {
    const re = wildcardRe(name);
    const out = new Set<string>();
    for (const [group, g] of scope.groups) if (re.test(group)) g.hosts.forEach((h) => out.add(h));
    for (const h of scope.hosts) if (re.test(h)) out.add(h);
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
