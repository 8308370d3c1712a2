import { isoOrNull } from './ios-time';
import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** One `show license eventlog` entry. */
export interface LicenseEvent {
  /** ISO 8601 UTC. */
  time: string | null;
  /** `SAEVT_COMM_FAIL`, `SAEVT_COMM_RESTORED`, … */
  type: string;
  /** `key="value"` pairs, e.g. `{ error: 'Connection timed out' }`, `{ entitlementTag: 'regid…' }`. */
  attributes: Record<string, string>;
  raw: string;
}

/** `show license eventlog`, oldest first. */
export interface ShowLicenseEventlog {
  events: LicenseEvent[];
  /** ` No EventLog Found.` was printed. */
  empty: boolean;
}

// `2025-01-24 15:17:46.341 UTC SAEVT_COMM_FAIL error="Connection timed out"` (seed, GP).
const EVENT_RE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?: [A-Za-z][\w+-]*)?) (SAEVT_\w+|[A-Z][A-Z0-9_]+)(?:\s+(.*))?$/;
const ATTR_RE = /(\w+)="([^"]*)"/g;

/** Parses `show license eventlog [days]`. */
export function parseShowLicenseEventlog(text: string): ParseResult<ShowLicenseEventlog> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const value: ShowLicenseEventlog = { events: [], empty: false };
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || /^\*+ Event Log \*+$/.test(t)) continue;
    if (/^No EventLog Found\.?$/.test(t)) {
      value.empty = true;
      continue;
    }
    const m = EVENT_RE.exec(t);
    if (!m) {
      warnings.push(`unrecognised line "${t}"`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTR_RE)) attributes[a[1]] = a[2];
    value.events.push({ time: isoOrNull(m[1], warnings, m[2]), type: m[2], attributes, raw: t });
  }
  return { value, warnings, syslog: pre.syslog };
}
