/**
 * Turns ajv errors into located, readable issues: "what, where, expected vs. got".
 * ajv reports paths inside the validated value; the caller says where that value lives in the YAML
 * document (a play is at [index], a rendered host variable at its group or host entry).
 */
import type { ErrorObject } from 'ajv';
import type { ConfigIssue } from '../errors';
import { suggestion } from './did-you-mean';
import { resembles, describeNonAscii } from './look-alike';
import { quote, showValue } from './show-value';
import { HOST_VARS, SLP_HOST_VARS } from './validators';
import { issueAt, type DocPath, type YamlSource } from './yaml-source';

/** Where ajv errors are located: the YAML they came from and how paths map into it. */
export interface IssueContext {
  source: YamlSource;
  /** Maps a path inside the validated value to its path in the YAML document. */
  docPath: (instancePath: DocPath) => DocPath;
  /** How a path is named in messages; default: the document path joined with dots. */
  label?: (instancePath: DocPath) => string;
  /** Appended to a value's message, e.g. `, rendered from "{{ env.PROXY }}"`. */
  note?: (instancePath: DocPath) => string;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Converts ajv's path strings to typed segments, using the data to tell list indexes from keys. */
function toPath(pointer: string, data: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let node: unknown = data;
  for (const seg of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function expectedOf(error: ErrorObject): string | undefined {
  const text = error.parentSchema?.['x-expected'];
  return typeof text === 'string' ? text : undefined;
}

/** Keeps, for each composite (anyOf/oneOf) failure, the most useful of its branch errors. */
function collapseComposites(errors: ErrorObject[]): ErrorObject[] {
  let list = [...errors];
  const composites = list
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const composite of composites) {
    if (!list.includes(composite)) continue;
    const prefix = `${composite.schemaPath}/`;
    const branch = list.filter((e) => e.schemaPath.startsWith(prefix));
    list = list.filter((e) => !e.schemaPath.startsWith(prefix));
    // A branch that got past the value itself and failed deeper names the real problem.
    const depth = (e: ErrorObject): number => splitPointer(e.instancePath).length;
    const own = depth(composite);
    const deeper = branch.filter((e) => depth(e) > own);
    const unknownKeys = branch.filter((e) => e.keyword === 'additionalProperties');
    const replacement = deeper.length > 0 ? deeper : unknownKeys;
    if (replacement.length > 0) {
      list.splice(list.indexOf(composite), 1, ...replacement);
    }
  }
  return list;
}

function describe(error: ErrorObject, value: unknown, path: DocPath, label: string, note: string): string {
  const got = `(got ${showValue(value, path)}${note})`;
  const p = error.params as Record<string, unknown>;
  const expected = expectedOf(error);
  switch (error.keyword) {
    case 'type': {
      const types = String(p.type).split(',');
      return `${label} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')} ${got}`;
    }
    case 'enum':
      // A conditional enum (one setting narrows another) says why in its x-expected.
      if (expected) return `${label} must be ${expected} ${got}`;
      return `${label} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} ${got}`;
    case 'const':
      return `${label} must be ${JSON.stringify(p.allowedValue)} ${got}`;
    case 'pattern':
    case 'format':
      return `${label} must be ${expected ?? `a valid ${String(p.format ?? 'value')}`} ${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      return `${label} must be ${op} ${String(p.limit)} ${got}`;
    }
    case 'minLength':
      return `${label} must be at least ${String(p.limit)} characters long ${got}`;
    case 'maxLength':
      return `${label} must be at most ${String(p.limit)} characters long ${got}`;
    case 'minItems':
      return `${label} must have at least ${String(p.limit)} item(s)`;
    case 'maxItems':
      return `${label} must have at most ${String(p.limit)} items (got ${Array.isArray(value) ? value.length : '?'})`;
    case 'uniqueItems':
      return `${label} must not repeat an item (items ${String(p.j)} and ${String(p.i)} are equal)`;
    case 'minProperties':
      return `${label} must have at least ${String(p.limit)} key(s)`;
    case 'maxProperties':
      return `${label} must have at most ${String(p.limit)} key(s)`;
    case 'oneOf':
    case 'anyOf':
      return `${label} must be ${expected ?? 'one of the allowed forms'} ${got}`;
    default:
      return `${label}: ${error.message ?? error.keyword}`;
  }
}

/** For `oneOf` lists of bare `required` branches: which of their keys the mapping has. */
function exactlyOneOf(error: ErrorObject, value: unknown, label: string): string | undefined {
  const branches = error.parentSchema?.oneOf;
  if (error.keyword !== 'oneOf' || !Array.isArray(branches)) return undefined;
  const keys = branches.map((b: { required?: string[] }) => b.required?.[0]);
  if (keys.some((k) => k === undefined)) return undefined;
  const present = keys.filter((k) => value && typeof value === 'object' && k! in value);
  const expected = expectedOf(error) ?? `exactly one of ${keys.join(', ')}`;
  if (present.length === 0) return `${label} must have ${expected}`;
  return `${label} must have ${expected}, not several (got ${present.join(' and ')})`;
}

export function ajvIssues(errors: readonly ErrorObject[], data: unknown, ctx: IssueContext): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seenValuePaths = new Set<string>();
  const label = (p: DocPath): string => {
    const text = ctx.label ? ctx.label(p) : ctx.docPath(p).join('.');
    return text === '' ? 'the document' : text;
  };
  for (const error of collapseComposites(errors.filter((e) => e.keyword !== 'if'))) {
    const path = toPath(error.instancePath, data);
    const docPath = ctx.docPath(path);
    const value = error.data;
    const p = error.params as Record<string, unknown>;
    // ajv adds a bare "property name must be valid" next to the sub-error that says why.
    if (error.keyword === 'propertyNames' && error.propertyName === undefined) continue;
    if (error.keyword === 'required' && !isBranchOnly(error)) {
      issues.push(issueAt(ctx.source, docPath, `${label(path)} is missing required key "${String(p.missingProperty)}"`));
    } else if (error.keyword === 'required') {
      continue; // a branch of an "exactly one of" rule: reported by the oneOf itself
    } else if (error.keyword === 'additionalProperties') {
      const key = String(p.additionalProperty);
      const allowed = Object.keys(error.parentSchema?.properties ?? {});
      const where = path.length === 0 ? '' : ` in ${label(path)}`;
      const hint = suggestion(key, allowed) || (allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : '');
      issues.push(issueAt(ctx.source, [...docPath, key], `unknown key ${quote(key)}${where}${hint}`, 'key'));
    } else if (error.keyword === 'false schema') {
      const key = String(path[path.length - 1]);
      issues.push(issueAt(ctx.source, docPath, falseSchemaMessage(key), 'key'));
    } else if (error.propertyName !== undefined) {
      const key = error.propertyName;
      if (error.keyword === 'propertyNames') continue; // its sub-error says why
      issues.push(
        issueAt(ctx.source, [...docPath, key], `invalid name ${quote(key)} in ${label(path)}: expected ${expectedOf(error) ?? 'a valid name'}`, 'key'),
      );
    } else {
      const pathKey = docPath.join('\u0000');
      if (seenValuePaths.has(pathKey)) continue; // pattern and format on one value: one message
      seenValuePaths.add(pathKey);
      const message = exactlyOneOf(error, value, label(path)) ?? describe(error, value, path, label(path), ctx.note?.(path) ?? '');
      issues.push(issueAt(ctx.source, docPath, message));
    }
  }
  return issues;
}

/**
 * The two variable names the schema refuses outright: an unknown slp_ variable, and a name that
 * mixes Latin letters with Cyrillic or Greek look-alikes (named with the variable it imitates).
 */
function falseSchemaMessage(key: string): string {
  if (/[^\x00-\x7f]/.test(key)) {
    const like = resembles(key, HOST_VARS);
    return (
      `unknown variable ${quote(key)}: it mixes Latin with look-alike letters (${describeNonAscii(key)})` +
      (like ? `; did you mean "${like}"?` : '')
    );
  }
  return `unknown variable ${quote(key)}: the slp_ prefix is reserved${suggestion(key, SLP_HOST_VARS)}`;
}

/** True when a `required` error comes from inside a oneOf branch, not the schema's own `required`. */
function isBranchOnly(error: ErrorObject): boolean {
  return /\/oneOf\/\d+\/required$/.test(error.schemaPath);
}

/** Sorts by position and drops exact duplicates. */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return [...issues]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message))
    .filter((i) => {
      const key = `${i.file}:${i.line}:${i.column}:${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
