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

/** Counts over the log, so a reader need not walk it for the usual questions. */
export interface EventlogSummary {
  total: number;
  /** Events per type as printed, e.g. `{ SAEVT_COMM_FAIL: 3, SAEVT_COMM_RESTORED: 1 }`. */
  byType: Record<string, number>;
  commFailures: number;
  commRestored: number;
  /** The newest `SAEVT_COMM_FAIL` (time and `error="…"`); null when there is none. */
  lastCommFailure: { time: string | null; error: string | null } | null;
  /** The newest `SAEVT_COMM_RESTORED`. */
  lastCommRestoredAt: string | null;
  /** Oldest and newest event times (the window the log covers). */
  firstAt: string | null;
  lastAt: string | null;
}

/** `show license eventlog`, oldest first. */
export interface ShowLicenseEventlog {
  events: LicenseEvent[];
  /** ` No EventLog Found.` was printed (an empty log, not a missing one). */
  empty: boolean;
  summary: EventlogSummary;
}

// `2025-01-24 15:17:46.341 UTC SAEVT_COMM_FAIL error="Connection timed out"` (seed, GP).
const EVENT_RE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?: [A-Za-z][\w+-]*)?) (SAEVT_\w+|[A-Z][A-Z0-9_]+)(?:\s+(.*))?$/;
const ATTR_RE = /(\w+)="([^"]*)"/g;

/** Parses `show license eventlog [days]`. */
export function parseShowLicenseEventlog(text: string): ParseResult<ShowLicenseEventlog> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const events: LicenseEvent[] = [];
  let empty = false;
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || /^\*+ Event Log \*+$/.test(t)) continue;
    if (/^No EventLog Found\.?$/.test(t)) {
      empty = true;
      continue;
    }
    const m = EVENT_RE.exec(t);
    if (!m) {
      warnings.push(`unrecognised line "${t}"`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTR_RE)) attributes[a[1]] = a[2];
    events.push({ time: isoOrNull(m[1], warnings, m[2]), type: m[2], attributes, raw: t });
  }
  if (empty && events.length > 0) warnings.push('"No EventLog Found." printed beside events');
  return { value: { events, empty, summary: summarise(events) }, warnings, syslog: pre.syslog };
}

/** Counts by type and the last communication failure / restore, in log order (oldest first). */
export function summarise(events: readonly LicenseEvent[]): EventlogSummary {
  const s: EventlogSummary = {
    total: events.length, byType: {}, commFailures: 0, commRestored: 0, lastCommFailure: null, lastCommRestoredAt: null,
    firstAt: null, lastAt: null,
  };
  for (const e of events) {
    s.byType[e.type] = (s.byType[e.type] ?? 0) + 1;
    if (e.type === 'SAEVT_COMM_FAIL') {
      s.commFailures++;
      s.lastCommFailure = { time: e.time, error: e.attributes.error ?? null };
    } else if (e.type === 'SAEVT_COMM_RESTORED') {
      s.commRestored++;
      s.lastCommRestoredAt = e.time;
    }
    if (e.time !== null) {
      if (s.firstAt === null || e.time < s.firstAt) s.firstAt = e.time;
      if (s.lastAt === null || e.time > s.lastAt) s.lastAt = e.time;
    }
  }
  return s;
}
