/**
 * IOS output modifiers after ` | `: include, exclude, begin, section, count. Keywords abbreviate
 * (`i`, `inc`, `ex`, `b`, `sec`); the rest of the line is one regular expression, so
 * `| include ^license smart|^ip name-server` is a single alternation, as on IOS.
 */
export type FilterKind = 'include' | 'exclude' | 'begin' | 'section' | 'count';
const KINDS: FilterKind[] = ['include', 'exclude', 'begin', 'section', 'count'];

export type ParsedFilter = { ok: true; kind: FilterKind; regex: RegExp } | { ok: false; error: 'invalid' | 'incomplete'; column: number };

function toRegex(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch {
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}

/** `spec` is the text after the pipe; `offset` its column in the whole line (for the caret). */
export function parseFilter(spec: string, offset: number): ParsedFilter {
  const m = /^(\s*)(\S+)(?:\s(.*))?$/.exec(spec);
  if (!m) return { ok: false, error: 'incomplete', column: offset };
  const word = m[2].toLowerCase();
  const hits = KINDS.filter((k) => k.startsWith(word));
  const kind = hits.length === 1 ? hits[0] : hits.includes(word as FilterKind) ? (word as FilterKind) : undefined;
  if (!kind) return { ok: false, error: 'invalid', column: offset + m[1].length };
  const expr = (m[3] ?? '').trim();
  if (!expr && kind !== 'count') return { ok: false, error: 'incomplete', column: offset };
  return { ok: true, kind, regex: toRegex(expr || '.') };
}

/** A section = a line at indentation 0 plus every following indented line. */
function sections(lines: string[]): string[][] {
  const out: string[][] = [];
  for (const line of lines) {
    if (out.length === 0 || !/^\s/.test(line) || line.trim() === '') out.push([line]);
    else out[out.length - 1].push(line);
  }
  return out;
}

export function applyFilter(output: string, filter: { kind: FilterKind; regex: RegExp }): string {
  const lines = output.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const test = (l: string): boolean => filter.regex.test(l);
  let kept: string[];
  switch (filter.kind) {
    case 'include':
      kept = lines.filter(test);
      break;
    case 'exclude':
      kept = lines.filter((l) => !test(l));
      break;
    case 'begin': {
      const i = lines.findIndex(test);
      kept = i < 0 ? [] : lines.slice(i);
      break;
    }
    case 'section':
      kept = sections(lines).filter((s) => s.some(test)).flat();
      break;
    case 'count':
      return `Number of lines which match regexp = ${lines.filter(test).length}\n`;
  }
  return kept.length ? `${kept.join('\n')}\n` : '';
}
