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

/**
 * Every form a secret can take in text we print: as held, URL-decoded (a CSSM idtoken is
 * URL-encoded base64, `…%0AODA0…%3D%0A`; decoded it is base64 lines) whole and line by line, and
 * with JSON's optional `\/` escape. Forms shorter than the minimum are left out.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret]);
  if (/%[0-9A-Fa-f]{2}/.test(secret)) {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(secret);
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined) {
      forms.add(decoded);
      forms.add(decoded.trim());
      for (const line of decoded.split(/\r?\n/)) forms.add(line);
    }
  }
  for (const f of [...forms]) if (f.includes('/')) forms.add(f.replace(/\//g, '\\/'));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/** Hiding "a" would garble output: shorter values are not registered. */
const MIN_SECRET_LENGTH = 4;
/**
 * Long secrets in the token alphabet (idtokens) are also hidden when only part of them shows: a
 * device echoes a long command scrolled (`$rust idtoken NGFk…`) or cut at the terminal width, and
 * an error message may quote the start. A run of at least this many token characters found inside
 * such a secret is hidden.
 */
const FRAGMENT_SECRET_MIN = 20;
const FRAGMENT_MIN = 12;
const TOKEN_ALPHABET_RUN = /[A-Za-z0-9+/=._~%-]{12,}/g;
const TOKEN_ALPHABET_ONLY = /^[A-Za-z0-9+/=._~%-]+$/;

/** 2 × GRAM − 1 ≤ FRAGMENT_MIN, so every fragment covers one aligned gram whole. */
const GRAM = Math.floor((FRAGMENT_MIN + 1) / 2);
/** Past this many pieces the substring searches would cost more than the regex they spare. */
const MAX_GRAMS = 256;

function alignedGrams(secrets: Iterable<string>): string[] {
  const grams = new Set<string>();
  for (const s of secrets) for (let i = 0; i + GRAM <= s.length; i += GRAM) grams.add(s.slice(i, i + GRAM));
  return grams.size > MAX_GRAMS ? [] : [...grams];
}

/** Replaces known secret values and SECRET_PATTERNS matches with REDACTED. */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** Secrets whose fragments are hidden too (see FRAGMENT_SECRET_MIN). */
  private readonly fragmentable = new Set<string>();
  /** `secrets`, longest first; rebuilt only when one is added (redact runs on every output). */
  private ordered: string[] = [];
  /** Aligned pieces of the fragmentable secrets (see mayHoldFragment); empty = always look. */
  private grams: string[] = [];

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const s of secrets) this.add(s);
  }

  /** Registers a value to hide, in every form it may take (secretForms). */
  add(secret: string | undefined): this {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return this;
    for (const form of secretForms(secret)) {
      this.secrets.add(form);
      if (form.length >= FRAGMENT_SECRET_MIN && TOKEN_ALPHABET_ONLY.test(form)) this.fragmentable.add(form);
    }
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
    this.grams = alignedGrams(this.fragmentable);
    return this;
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is hidden whole.
    for (const s of this.ordered) {
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    if (this.fragmentable.size && this.mayHoldFragment(out)) out = this.redactFragments(out);
    // Every pattern needs one of these words; most command output has none, and the lookbehinds
    // are the runner's largest CPU cost per command when run anyway (bench/README.md).
    if (SECRET_WORDS.test(out)) for (const re of SECRET_PATTERNS) out = out.replace(re, REDACTED);
    // Config secrets (passwords, communities, keys) only where IOS puts them, never by keyword
    // anywhere: a host named sw-password-01 keeps its recap, JSON and JUnit intact.
    return maskConfigSecrets(out);
  }

  /**
   * False only when no fragment can be in `text`: any piece of a secret at least FRAGMENT_MIN
   * long holds one of its GRAM-long pieces that start at a multiple of GRAM, so text holding none
   * of those holds no fragment. Most outputs hold none, and a few substring searches cost less
   * than running the alphabet regex over every output (4 % of the runner's CPU).
   */
  private mayHoldFragment(text: string): boolean {
    if (this.grams.length === 0) return true;
    for (const g of this.grams) if (text.includes(g)) return true;
    return false;
  }

  private redactFragments(text: string): string {
    const secrets = [...this.fragmentable];
    return text.replace(TOKEN_ALPHABET_RUN, (run) => {
      if (run.length < FRAGMENT_MIN) return run;
      return secrets.some((s) => s.includes(run)) ? REDACTED : run;
    });
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
