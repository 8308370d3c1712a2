/**
 * Ansible Vault, as inventories use it: inline `!vault |` values and whole encrypted files. The
 * format (1.1/1.2 headers, AES256-CTR, PBKDF2-SHA256, HMAC-SHA256) is the `ansible-vault`
 * package's; this module picks the password (the vault id named in a 1.2 header first, then every
 * other one, as Ansible tries them) and names the file when none fits. Every decrypted value is a
 * secret: it is recorded so the redactor hides it.
 */
import { Vault } from 'ansible-vault';
import { Scalar, type ScalarTag } from 'yaml';
import { ConfigError, type ConfigIssue } from '../errors';
import { locate, parseYaml, type DocPath, type YamlSource } from '../schema/yaml-source';

/** One vault password and where it came from (never the password itself in messages). */
export interface VaultSecret {
  /** The vault id label (`default` when none was given). */
  label: string;
  password: string;
  /** e.g. `--vault-password-file pw.txt` (for messages). */
  from: string;
}

/** An inline `!vault |` value before decryption. */
export class VaultText {
  constructor(readonly ciphertext: string) {}
}

/** The `!vault` tag for yaml's customTags. */
export const VAULT_TAG: ScalarTag = {
  tag: '!vault',
  resolve: (text: string) => new VaultText(text) as unknown as string,
  identify: (value) => value instanceof VaultText,
  stringify: (item) => String((item as Scalar).value instanceof VaultText ? ((item as Scalar).value as VaultText).ciphertext : item.value),
};

export function isVaultFile(text: string): boolean {
  return text.startsWith('$ANSIBLE_VAULT;');
}

/** Decrypts one vault text; a missing or wrong password is a ConfigError at `where`. */
export function decryptVault(text: string, secrets: readonly VaultSecret[], where: Omit<ConfigIssue, 'message'>): string {
  const header = text.trimStart().split(/\r?\n/, 1)[0]!;
  const parts = header.split(';');
  if (parts[0] !== '$ANSIBLE_VAULT' || !/^1\.[12]$/.test(parts[1] ?? '') || parts[2] !== 'AES256') {
    throw new ConfigError([{ ...where, message: `not an Ansible Vault text (header "${header.slice(0, 40)}"; expected $ANSIBLE_VAULT;1.1;AES256 or 1.2;AES256;ID)` }]);
  }
  const id = parts[3];
  if (secrets.length === 0) {
    throw new ConfigError([{ ...where, message: `encrypted with Ansible Vault${id ? ` (vault id "${id}")` : ''} and no vault password was given: use --vault-password-file, --vault-id, --ask-vault-pass or ANSIBLE_VAULT_PASSWORD_FILE` }]);
  }
  const ordered = [...secrets.filter((s) => s.label === id), ...secrets.filter((s) => s.label !== id)];
  for (const secret of ordered) {
    try {
      return new Vault({ password: secret.password }).decryptSync(text.trim(), undefined)!;
    } catch {
      // The HMAC did not match: the next password may.
    }
  }
  const tried = ordered.map((s) => `${s.label}@${s.from}`).join(', ');
  throw new ConfigError([{ ...where, message: `cannot decrypt the Ansible Vault${id ? ` (vault id "${id}")` : ''}: wrong password (tried ${tried})` }]);
}

/** Ciphertexts of the inline vault values of a source, by path (for printing them as Ansible does). */
const INLINE = new WeakMap<YamlSource, Map<string, string>>();
/** Sources that were a whole encrypted file. */
const WHOLE = new WeakSet<YamlSource>();

const key = (path: DocPath): string => path.join('\u0000');

/** The ciphertext of an inline vault value at `path`, if that value was one. */
export function inlineVaultAt(src: YamlSource, path: DocPath): string | undefined {
  return INLINE.get(src)?.get(key(path));
}

export function isWholeVaultFile(src: YamlSource): boolean {
  return WHOLE.has(src);
}

export function markWholeVaultFile(src: YamlSource, secrets: string[]): void {
  WHOLE.add(src);
  collectStrings(src.data, secrets);
}

/**
 * Replaces every inline vault value in the source's data by its plain text (recorded in
 * `secrets`); issues for missing or wrong passwords are located at the `!vault` value.
 */
export function decryptInline(src: YamlSource, vaultSecrets: readonly VaultSecret[], secrets: string[], issues: ConfigIssue[]): void {
  const found = new Map<string, string>();
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (value instanceof VaultText) {
      found.set(key(path), value.ciphertext);
      try {
        const plain = decryptVault(value.ciphertext, vaultSecrets, { ...locateIn(src, path), path: path.join('.') });
        secrets.push(plain);
        return plain;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        issues.push(...error.issues);
        return '';
      }
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = walk(v, [...path, k]);
    }
    return value;
  };
  src.data = walk(src.data, []);
  if (found.size > 0) INLINE.set(src, found);
}

function locateIn(src: YamlSource, path: DocPath): { file: string; line: number; column: number } {
  const { line, column } = locate(src, path);
  return { file: src.file, line, column };
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string' && value !== '') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, out));
}

/**
 * A YAML (or JSON) inventory or vars file as Ansible reads it: YAML 1.1, a whole encrypted file
 * decrypted first, inline `!vault` values decrypted in place. Decrypted text goes to `secrets`.
 */
export function parseVaultedYaml(file: string, text: string, vault: readonly VaultSecret[], secrets: string[]): YamlSource {
  const whole = isVaultFile(text);
  const plain = whole ? decryptVault(text, vault, { file, line: 1, column: 1, path: '' }) : text;
  const src = parseYaml(file, plain, '1.1', [VAULT_TAG]);
  if (whole) markWholeVaultFile(src, secrets);
  const issues: ConfigIssue[] = [];
  decryptInline(src, vault, secrets, issues);
  if (issues.length > 0) throw new ConfigError(issues);
  return src;
}
