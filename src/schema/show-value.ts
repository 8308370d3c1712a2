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
  const text = quote(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

// Bidirectional controls (Trojan Source, CVE-2021-42574), zero-width and BOM characters: JSON
// leaves them as they are, and a terminal would reorder or hide the text around them.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A user's text as a message quotes it: JSON (control characters as \n, \u0007…), with
 * bidirectional and invisible characters escaped too, so the message reads as it is stored.
 */
export function quote(value: unknown): string {
  return JSON.stringify(value).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
