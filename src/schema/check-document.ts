import type { ValidateFunction } from 'ajv';
import type { ConfigIssue } from '../errors';
import { ajvIssues, type IssueContext } from './schema-issues';
import { templateAbove } from './template-paths';
import type { YamlSource } from './yaml-source';

/**
 * T before templates are rendered: any value may still be a `{{ … }}` string. Honest about that,
 * so code reading a raw document narrows each value it uses.
 */
export type Templated<T> = T extends readonly (infer U)[]
  ? Templated<U>[]
  : T extends object
    ? { [K in keyof T]: Templated<T[K]> }
    : T | string;

/** A checked document: its value with no issues, or the issues with no value. */
export type Checked<T> = { value: Templated<T>; issues: [] } | { value?: undefined; issues: ConfigIssue[] };

/**
 * Schema-checks a document whose values may still be templates. Errors at a template value are
 * left for the per-host check after rendering; any other error is an issue.
 */
export function checkDocument<T>(
  validate: ValidateFunction<T>,
  source: YamlSource,
  ctx: Partial<IssueContext> = {},
  /** Where a template may stand in for a value (path of the template string). */
  templateAllowed: (path: readonly string[]) => boolean = () => true,
): Checked<T> {
  const data = source.data;
  if (validate(data)) return { value: data as Templated<T>, issues: [] };
  const errors = (validate.errors ?? []).filter((e) => {
    const at = templateAbove(data, e.instancePath);
    return at === undefined || !templateAllowed(at);
  });
  const issues = ajvIssues(errors, data, { source, docPath: (p) => p, ...ctx });
  if (issues.length > 0) return { issues };
  // Only template values failed: the structure is T, and each template is checked once rendered.
  return { value: data as Templated<T>, issues: [] };
}
