/**
 * The ajv set-up and the compiled validators. Each validator is a type guard, so code outside
 * src/schema/ narrows `unknown` to the generated types without casts.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import playbookSchema from '../../schemas/playbook.schema.json';
import inventorySchema from '../../schemas/inventory.schema.json';
import type { HostVars, InventoryFile, Play, Playbook } from './types.generated';

/** A DNS host name: labels of letters, digits and inner hyphens, at most 253 characters. */
export const HOSTNAME_RE =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function createAjv(): Ajv2020 {
  // verbose: errors carry parentSchema, which holds the `x-expected` text used in messages.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv, ['ipv4', 'ipv6']);
  const ipv4 = ajv.formats.ipv4 as RegExp;
  const ipv6 = ajv.formats.ipv6 as RegExp;
  const isIp = (s: string): boolean => ipv4.test(s) || ipv6.test(s);
  ajv.addFormat('ip-address', { type: 'string', validate: isIp });
  // A bare number-and-dots value is a mistyped IPv4 address, not a host name.
  ajv.addFormat('net-address', {
    type: 'string',
    validate: (s) => isIp(s) || (HOSTNAME_RE.test(s) && !/^[0-9.]+$/.test(s)),
  });
  // Annotation only: the human wording of what a value must look like.
  ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
  ajv.addSchema(playbookSchema).addSchema(inventorySchema);
  return ajv;
}

const ajv = createAjv();
const PLAYBOOK_ID = playbookSchema.$id;
const INVENTORY_ID = inventorySchema.$id;

export const validatePlaybook = ajv.getSchema(PLAYBOOK_ID) as ValidateFunction<Playbook>;
export const validatePlay = ajv.compile<Play>({ $ref: `${PLAYBOOK_ID}#/$defs/play` });
export const validateInventory = ajv.getSchema(INVENTORY_ID) as ValidateFunction<InventoryFile>;
export const validateHostVars = ajv.compile<HostVars>({ type: 'object', $ref: `${INVENTORY_ID}#/$defs/hostVars` });

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
