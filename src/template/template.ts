/**
 * `{{ var }}`, `{{ a.b.c }}` and `{{ env.NAME }}` — lookups only. Nothing is evaluated: a filter,
 * call or expression is an error, so a playbook can never run code.
 */

/** Environment variables, passed in so tests hand plain objects. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What a `{{ }}` expression can read. */
export interface TemplateContext {
  vars: Readonly<Record<string, unknown>>;
  env: Env;
  /**
   * 'defer': an unset environment variable is a warning, not an error (`slp validate` checks
   * files; the environment of the later run may differ). Default 'error'.
   */
  missingEnv?: 'error' | 'defer';
}

/** One failed lookup, with the exact template text so the caller can locate it in the file. */
export interface TemplateProblem {
  /** JSON pointer of the string inside the rendered value ('' for the value itself). */
  path: string;
  template: string;
  message: string;
  /** An unset environment variable under missingEnv 'defer': a warning; the string stays as is. */
  deferred?: boolean;
}

/** Where a rendered value came from: the template text, for messages about the rendered value. */
export interface RenderResult {
  value: unknown;
  problems: TemplateProblem[];
  /** Paths (inside the rendered value) of every string that held a template, with its source. */
  templated: Map<string, string>;
}

const TEMPLATE_RE = /\{\{(.*?)\}\}/gs;
const EXPRESSION_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)*$/;
const MAX_DEPTH = 10;

export function hasTemplate(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('{{') || value.includes('}}'));
}

class LookupError extends Error {}
class UnsetEnvError extends LookupError {}

function lookup(expression: string, ctx: TemplateContext, depth: number): unknown {
  const [head, ...rest] = expression.split('.');
  if (head === 'env') {
    if (rest.length !== 1) throw new LookupError(`"${expression}": use env.NAME`);
    const value = ctx.env[rest[0]!];
    if (value === undefined) {
      const Err = ctx.missingEnv === 'defer' ? UnsetEnvError : LookupError;
      throw new Err(`environment variable ${rest[0]} is not set`);
    }
    return value;
  }
  if (!Object.prototype.hasOwnProperty.call(ctx.vars, head!)) {
    throw new LookupError(`undefined variable "${expression}"`);
  }
  let value: unknown = resolveNested(ctx.vars[head!], ctx, depth, head!);
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i]!;
    const container = value as Record<string, unknown> | unknown[] | null;
    const has =
      container !== null &&
      typeof container === 'object' &&
      (Array.isArray(container) ? /^\d+$/.test(key) && Number(key) < container.length : Object.prototype.hasOwnProperty.call(container, key));
    if (!has) throw new LookupError(`undefined variable "${expression}" (no "${key}" in ${[head, ...rest.slice(0, i)].join('.')})`);
    value = resolveNested((container as Record<string, unknown>)[key], ctx, depth, expression);
  }
  return value;
}

/** A variable whose value is itself a template is rendered in turn, as Ansible does. */
function resolveNested(value: unknown, ctx: TemplateContext, depth: number, name: string): unknown {
  if (!hasTemplate(value)) return value;
  if (depth >= MAX_DEPTH) throw new LookupError(`variable "${name}" refers to itself (template loop)`);
  return renderString(value as string, ctx, depth + 1);
}

/**
 * Renders one string. A string that is exactly one template keeps the variable's type (so
 * `port: "{{ proxy_port }}"` can be a number); otherwise values are interpolated as text.
 * Throws LookupError; callers use renderValue, which collects problems.
 */
function renderString(text: string, ctx: TemplateContext, depth: number): unknown {
  const whole = /^\{\{(.*?)\}\}$/s.exec(text.trim());
  if (whole && !whole[1]!.includes('{{') && !whole[1]!.includes('}}')) {
    return lookup(checkExpression(whole[1]!), ctx, depth);
  }
  const out = text.replace(TEMPLATE_RE, (_m, inner: string) => {
    const value = lookup(checkExpression(inner), ctx, depth);
    if (value === null || typeof value === 'object') {
      throw new LookupError(`"${inner.trim()}" is ${Array.isArray(value) ? 'a list' : value === null ? 'empty' : 'a mapping'} and cannot be part of a string`);
    }
    return String(value);
  });
  if (out.includes('{{') || hasUnrenderedClose(text)) throw new LookupError('unclosed or malformed template (expected "{{ name }}")');
  return out;
}

function hasUnrenderedClose(text: string): boolean {
  return text.replace(TEMPLATE_RE, '').includes('}}');
}

function checkExpression(inner: string): string {
  const expression = inner.trim();
  if (!EXPRESSION_RE.test(expression)) {
    throw new LookupError(
      `"{{${inner}}}" is not a variable reference: only {{ name }}, {{ a.b.c }} and {{ env.NAME }} are allowed (no filters or expressions)`,
    );
  }
  return expression;
}

/** The first template in a string (the whole string when it has none). */
function firstTemplate(text: string): string {
  const m = /\{\{.*?\}\}/s.exec(text) ?? /\{\{|\}\}/.exec(text);
  return m ? m[0] : text;
}

/**
 * Renders every string in a JSON-like value. Problems are collected, not thrown, so a file with
 * several undefined variables reports them all.
 */
export function renderValue(value: unknown, ctx: TemplateContext): RenderResult {
  const problems: TemplateProblem[] = [];
  const templated = new Map<string, string>();
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      if (!hasTemplate(v)) return v;
      templated.set(path, v);
      try {
        return renderString(v, ctx, 0);
      } catch (error) {
        if (!(error instanceof LookupError)) throw error;
        const problem: TemplateProblem = { path, template: culprit(v, ctx), message: error.message };
        if (error instanceof UnsetEnvError) problem.deferred = true;
        problems.push(problem);
        return v;
      }
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}/${i}`));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, `${path}/${escapeKey(k)}`);
      return out;
    }
    return v;
  };
  return { value: walk(value, ''), problems, templated };
}

/** The template in `text` that fails, so its column can be reported rather than the string's. */
function culprit(text: string, ctx: TemplateContext): string {
  for (const m of text.matchAll(TEMPLATE_RE)) {
    try {
      lookup(checkExpression(m[1]!), ctx, 0);
    } catch {
      return m[0];
    }
  }
  return firstTemplate(text);
}

/** JSON-pointer escaping, so `templated` keys compare with ajv's instancePath. */
export function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
