/**
 * Generates src/schema/validators.generated.ts: the schemas' validators as ajv standalone code,
 * so no command compiles them at start-up (compiling cost ~90 ms of every `slp` invocation,
 * a fifth of `slp validate` on a 1,000-host inventory). Run `npm run gen:validators` after
 * editing a schema; test/unit/schema/validators-generated.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { _ } from 'ajv';
import playbookSchema from '../../schemas/playbook.schema.json';
import inventorySchema from '../../schemas/inventory.schema.json';
import { formats } from './formats';

export const GENERATED_VALIDATORS = join(__dirname, '..', '..', 'src', 'schema', 'validators.generated.ts');

const BANNER = `/* eslint-disable */
// @ts-nocheck
/**
 * GENERATED FILE — do not edit. ajv standalone validators for schemas/playbook.schema.json and
 * schemas/inventory.schema.json. Regenerate with \`npm run gen:validators\`
 * (test/unit/schema/validators-generated.test.ts fails while this file is stale).
 */
`;

/** The validators' source text: validatePlaybook, validatePlay, validateInventory, validateHostVars. */
export function generateValidators(): string {
  // verbose: errors carry parentSchema, which holds the `x-expected` text used in messages.
  const ajv = new Ajv2020({
    allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true,
    code: { source: true, esm: true, formats: _`require("./formats").formats` },
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  // Annotation only: the human wording of what a value must look like.
  ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
  ajv.addSchema(playbookSchema).addSchema(inventorySchema);
  ajv.addSchema({ $id: 'slp:play', $ref: `${playbookSchema.$id}#/$defs/play` });
  ajv.addSchema({ $id: 'slp:hostVars', type: 'object', $ref: `${inventorySchema.$id}#/$defs/hostVars` });
  const code = standaloneCode(ajv, {
    validatePlaybook: playbookSchema.$id,
    validatePlay: 'slp:play',
    validateInventory: inventorySchema.$id,
    validateHostVars: 'slp:hostVars',
  });
  return `${BANNER}${code}\n`;
}

if (require.main === module) {
  if (process.argv.includes('--stdout')) process.stdout.write(generateValidators());
  else writeFileSync(GENERATED_VALIDATORS, generateValidators());
}
