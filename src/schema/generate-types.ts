/**
 * Generates src/schema/types.generated.ts from the two JSON schemas, which stay the single source
 * of truth. Run `npm run gen:types` after editing a schema; a unit test fails while the
 * generated file is stale. json-schema-to-typescript is a dev dependency: only this script and
 * its test load it, never the CLI at run time.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { compile as Compile } from 'json-schema-to-typescript';

type JsonSchema = Parameters<typeof Compile>[0];

export const SCHEMA_DIR = join(__dirname, '..', '..', 'schemas');
export const GENERATED_FILE = join(__dirname, '..', '..', 'src', 'schema', 'types.generated.ts');

const BANNER = `/* eslint-disable */
/**
 * GENERATED FILE — do not edit. Source: schemas/playbook.schema.json and
 * schemas/inventory.schema.json. Regenerate with \`npm run gen:types\`
 * (test/unit/schema/types-generated.test.ts fails while this file is stale).
 */`;

export async function generateTypes(): Promise<string> {
  // Loaded lazily: a dev dependency, needed only when generating.
  const { compile } = await import('json-schema-to-typescript');
  const parts: string[] = [];
  for (const file of ['playbook.schema.json', 'inventory.schema.json']) {
    const schema = typeOnly(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'))) as JsonSchema;
    const ts = await compile(schema, String(schema.title), {
      bannerComment: '',
      cwd: SCHEMA_DIR,
      additionalProperties: false,
      unreachableDefinitions: true,
      strictIndexSignatures: true,
      unknownAny: true,
      ignoreMinAndMaxItems: true,
      format: true,
      style: { singleQuote: true, printWidth: 100 },
    });
    parts.push(`// ---- ${file}\n\n${ts.trim()}\n`);
  }
  return `${BANNER}\n\n${parts.join('\n')}`;
}

/**
 * Removes what constrains values without shaping them, which the generator would otherwise turn
 * into unusable intersections: `oneOf` lists of bare `required` branches ("exactly one of these
 * keys") and `patternProperties: false` (reserved-name guards). ajv still enforces both.
 * Also rewrites two constructs the generator reads poorly into the unions they mean.
 */
function typeOnly(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(typeOnly);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const { $ref, type } = node as { $ref?: unknown; type?: unknown };
  // `{ type: [object, null], $ref }` (a host entry that may be empty) reads better as a union.
  if (typeof $ref === 'string' && Array.isArray(type) && type.includes('null')) {
    return { anyOf: [{ type: 'null' }, { $ref }] };
  }
  // if/then/else (used so that ajv reports the failing branch itself) as the union it means.
  const { then: thenBranch, else: elseBranch } = node as { then?: unknown; else?: unknown };
  if (thenBranch !== undefined && elseBranch !== undefined) {
    const { description } = node as { description?: unknown };
    return { description, anyOf: [typeOnly(thenBranch), typeOnly(elseBranch)] };
  }
  // A referenced object schema without `type` (so that null passes through it) is still an object.
  if ('properties' in node && type === undefined && !('anyOf' in node)) out.type = 'object';
  for (const [key, value] of Object.entries(node)) {
    if (key === 'oneOf' && Array.isArray(value) && value.every(isRequiredOnly)) continue;
    if (key === 'patternProperties') continue;
    out[key] = typeOnly(value);
  }
  return out;
}

function isRequiredOnly(branch: unknown): boolean {
  return !!branch && typeof branch === 'object' && Object.keys(branch).join() === 'required';
}

if (require.main === module) {
  // --stdout: print instead of writing (the staleness test compares the two).
  generateTypes().then(
    (text) => (process.argv.includes('--stdout') ? process.stdout.write(text) : writeFileSync(GENERATED_FILE, text)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
