import { maskConfigSecrets } from './redact-config';

/**
 * The one place secrets are removed from text. Everything that leaves the process (terminal,
 * transcripts, reports, backups, error messages) passes through a Redactor first.
 *
 * Two mechanisms, because neither alone is enough:
 * - known values: passwords, enable secrets and trust tokens the tool itself holds;
 * - patterns: a token can reach us that we never held (another admin installed trust, and
 *   `show license history message` prints it in full in the REQUEST JSON), and a running-config
 *   holds other secrets (SNMP communities, `password 7`, keys): redact-config.ts masks those.
 */
export const REDACTED = '***';

/** Patterns whose capture group 1 is a secret, whatever its value. */
export const SECRET_PATTERNS: readonly RegExp[] = [
  // license smart trust idtoken <token> {local|all} [force]
  /(?<=license\s+smart\s+trust\s+idtoken\s+)(\S+)/gi,
  // "id_token":"…" / "idtoken":"…" / "token":"…" inside JSON, also nested as an escaped string at
  // any depth: a real trust request carries it two strings deep (\\\"token\\\":\\\"…)
  /(?<=\\*"(?:id_?token|token|idtoken)\\*"\s*:\s*\\*")([^"\\]+)/gi,
];

/** A word each of SECRET_PATTERNS needs (idtoken contains token). */
const SECRET_WORDS = /token/i;

/** Replaces known secret values and SECRET_PATTERNS matches with REDACTED. */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const s of secrets) this.add(s);
  }

  /** Registers a value to hide. Very short values are ignored: hiding "a" would garble output. */
  add(secret: string | undefined): this {
    if (secret && secret.length >= 4) this.secrets.add(secret);
    return this;
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is hidden whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(s).join(REDACTED);
    }
    // Every pattern needs one of these words; most command output has none, and the lookbehinds
    // are the runner's largest CPU cost per command when run anyway (bench/README.md).
    if (SECRET_WORDS.test(out)) for (const re of SECRET_PATTERNS) out = out.replace(re, REDACTED);
    // Config secrets (passwords, communities, keys) only where IOS puts them, never by keyword
    // anywhere: a host named sw-password-01 keeps its recap, JSON and JUnit intact.
    return maskConfigSecrets(out);
  }

  /** Deep-redacts every string inside a JSON-like value (for reports). */
  redactValue<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.redactValue(v);
      return out as T;
    }
    return value;
  }
}
