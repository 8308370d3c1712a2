import { REDACTED } from '../redact';

/** Keys whose values are never shown: passwords, secrets, tokens, passphrases. */
export const SECRET_KEY_RE = /(pass(word|phrase)?|secret|token)$/i;

export function isSecretPath(path: readonly (string | number)[]): boolean {
  return path.some((seg) => typeof seg === 'string' && SECRET_KEY_RE.test(seg));
}

/**
 * How an offending value appears in a message: JSON (so a newline shows as \n), shortened, and
 * `***` under a secret key.
 */
export function showValue(value: unknown, path: readonly (string | number)[]): string {
  if (isSecretPath(path)) return REDACTED;
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (empty)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
