/**
 * The schemas' validators, compiled ahead of time (validators.generated.ts, ajv standalone code
 * from generate-validators.ts). Each is a type guard, so code outside src/schema/ narrows
 * `unknown` to the generated types without casts.
 */
import type { ValidateFunction } from 'ajv';
import playbookSchema from '../../schemas/playbook.schema.json';
import inventorySchema from '../../schemas/inventory.schema.json';
import * as generated from './validators.generated';
import type { HostVars, InventoryFile, Play, Playbook } from './types.generated';

export { HOSTNAME_RE } from './formats';

/** The generated module is plain JavaScript (@ts-nocheck): each export is an ajv ValidateFunction. */
const typed = generated as unknown as {
  validatePlaybook: ValidateFunction<Playbook>;
  validatePlay: ValidateFunction<Play>;
  validateInventory: ValidateFunction<InventoryFile>;
  validateHostVars: ValidateFunction<HostVars>;
};
export const { validatePlaybook, validatePlay, validateInventory, validateHostVars } = typed;

/** The idtoken rule, shared by `trust.token` and the content of `trust.token_file`. */
export const TOKEN_RE = new RegExp(playbookSchema.$defs.trust.properties.token.pattern);
/** What TOKEN_RE asks for, in words (the schema's own x-expected text). */
export const TOKEN_EXPECTED: string = playbookSchema.$defs.trust.properties.token['x-expected'];

/** Variables the tool reserves under the slp_ prefix (for "did you mean"). */
export const SLP_HOST_VARS: readonly string[] = Object.keys(
  inventorySchema.$defs.hostVars.properties,
).filter((k) => k.startsWith('slp_'));

/** Every variable the inventory schema names (for look-alike checks). */
export const HOST_VARS: readonly string[] = Object.keys(inventorySchema.$defs.hostVars.properties);
