/**
 * One play for one host: play vars over host vars, every template rendered, and the result
 * checked against the schema again, so a value that only becomes bad once rendered (an env var
 * holding "1.2.3.4\nno ip routing") is rejected at the template that produced it.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, resolve } from 'path';
import type { ConfigIssue } from '../errors';
import { ajvIssues, splitPointer } from '../schema/schema-issues';
import type { Templated } from '../schema/check-document';
import type { Play } from '../schema/types.generated';
import { TOKEN_EXPECTED, TOKEN_RE, validatePlay } from '../schema/validators';
import { issueAt, locateWithin, type YamlSource } from '../schema/yaml-source';
import { playbookLabel } from './load-playbook';
import { escapeKey, renderValue, type Env, type TemplateProblem } from '../template/template';

/** A play rendered with one host's variables, and what rendering found wrong. */
export interface RenderedPlay {
  /** Absent when there are issues, or when a deferred (unset) env var left a value unrendered. */
  desired?: Play;
  issues: ConfigIssue[];
  warnings: ConfigIssue[];
}

export function renderPlay(
  source: YamlSource,
  index: number,
  raw: Templated<Play>,
  hostVars: Readonly<Record<string, unknown>>,
  env: Env,
  missingEnv: 'error' | 'defer' = 'error',
): RenderedPlay {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  // Pointers whose template failed (or was deferred): their value stays the raw template, so
  // the schema check below leaves them out and reports every other problem of the host at once.
  const unrendered: string[] = [];
  const report = (problems: TemplateProblem[], prefix: string): void => {
    for (const problem of problems) {
      const path = [index, ...splitPointer(prefix + problem.path)];
      const { line, column } = locateWithin(source, path, problem.template);
      const issue = { file: source.file, line, column, path: path.join('.'), message: `${playbookLabel(path)}: ${problem.message}` };
      (problem.deferred ? warnings : issues).push(issue);
      unrendered.push(prefix + problem.path);
    }
  };
  const { vars: rawVars, ...rest } = raw;
  const playVars = renderValue(rawVars ?? {}, { vars: hostVars, env, missingEnv });
  report(playVars.problems, '/vars');
  const vars = { ...hostVars, ...(playVars.value as Record<string, unknown>) };
  const body = renderValue(rest, { vars, env, missingEnv });
  report(body.problems, '');

  const rendered: Record<string, unknown> = { ...(body.value as Record<string, unknown>) };
  if (rawVars !== undefined) rendered.vars = playVars.value;
  if (!validatePlay(rendered)) {
    const templated = new Map([...body.templated, ...[...playVars.templated].map(([k, v]) => [`/vars${k}`, v] as const)]);
    const fromTemplate = (pointer: string): string | undefined => {
      for (const [t, text] of templated) if (pointer === t || pointer.startsWith(`${t}/`)) return text;
      return undefined;
    };
    // Errors at plain values were reported by the playbook's own check; here only rendered ones.
    const isUnrendered = (pointer: string): boolean => unrendered.some((d) => pointer === d || pointer.startsWith(`${d}/`));
    const errors = (validatePlay.errors ?? []).filter((e) => fromTemplate(e.instancePath) !== undefined && !isUnrendered(e.instancePath));
    issues.push(
      ...ajvIssues(errors, rendered, {
        source,
        docPath: (p) => [index, ...p],
        label: (p) => playbookLabel([index, ...p]),
        note: (p) => `, rendered from ${JSON.stringify(fromTemplate(p.length ? `/${p.map((s) => escapeKey(String(s))).join('/')}` : ''))}`,
      }),
    );
    return { issues, warnings };
  }
  if (issues.length > 0) return { issues, warnings };
  return { ...tokenFileChecked(source, index, rendered), warnings };
}

/**
 * The idtoken in `trust.token_file` reaches the CLI too: read it now and hold it to the same
 * pattern, so a bad file fails validation rather than a half-applied run. The path is made
 * absolute (relative to the playbook); the token itself stays out of the desired state.
 */
function tokenFileChecked(source: YamlSource, index: number, desired: Play): Omit<RenderedPlay, 'warnings'> {
  const tokenFile = desired.slp.trust?.token_file;
  if (tokenFile === undefined || desired.slp.trust === undefined) return { desired, issues: [] };
  const path = [index, 'slp', 'trust', 'token_file'];
  const absolute = resolve(dirname(source.file), tokenFile);
  const fail = (message: string): Omit<RenderedPlay, 'warnings'> => ({ issues: [issueAt(source, path, `slp.trust.token_file: ${message}`)] });
  if (!existsSync(absolute)) return fail(`cannot read token file ${JSON.stringify(tokenFile)}: no such file`);
  let token: string;
  try {
    token = readFileSync(absolute, 'utf8').trim();
  } catch (error) {
    return fail(`cannot read token file ${JSON.stringify(tokenFile)}: ${(error as Error).message}`);
  }
  if (!TOKEN_RE.test(token)) {
    return fail(`token file ${JSON.stringify(tokenFile)} must hold ${TOKEN_EXPECTED} (got ***)`);
  }
  return { desired: { ...desired, slp: { ...desired.slp, trust: { ...desired.slp.trust, token_file: absolute } } }, issues: [] };
}
