import { isoOrNull } from './ios-time';
import { preprocess } from './preprocess';
import type { ParseResult } from './types';

/** A REQUEST with the RESPONSE that followed it (response null = CSSM did not answer). */
export interface HistoryExchange {
  category: string;
  requestAt: string | null;
  /** The JSON decoded, with JSON nested inside strings decoded too; null when not JSON. */
  request: unknown;
  requestRaw: string;
  responseAt: string | null;
  /** null when the line after `RESPONSE:` was empty: no reply. */
  response: unknown;
  responseRaw: string | null;
  /** `request_type` of the request header (`ID_TOKEN_TRUST`, …) when present. */
  requestType: string | null;
  /** `status_code` of the response (`OK`, …) when present. */
  statusCode: string | null;
}

/** One `Import …` entry: what the device received from CSSM and when. */
export interface HistoryImport {
  type: string;
  receivedAt: string | null;
  lines: string[];
}

/** `show license history message`: message categories, request/response exchanges and imports. */
export interface ShowLicenseHistoryMessage {
  /** Categories printed under `Message History`, in order, e.g. `Trust Establishment`. */
  categories: string[];
  exchanges: HistoryExchange[];
  /** `Import POLICY`, `Import TRUST CODE`, … with their content (empty when no history). */
  imports: HistoryImport[];
}

/**
 * Decodes JSON, then any string value that is itself a JSON object or array (CSSM nests the
 * request/response bodies as strings, two levels deep). Non-JSON text returns null.
 */
export function decodeNestedJson(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const deep = (v: unknown, depth: number): unknown => {
    if (depth > 8) return v;
    if (typeof v === 'string') {
      const s = v.trim();
      if ((s.startsWith('{') && s.endsWith('}')) || (s.startsWith('[') && s.endsWith(']'))) {
        try {
          return deep(JSON.parse(s), depth + 1);
        } catch {
          return v;
        }
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => deep(x, depth + 1));
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = deep(x, depth + 1);
      return o;
    }
    return v;
  };
  return deep(parsed, 0);
}

const get = (v: unknown, ...path: string[]): unknown => {
  let cur = v;
  for (const p of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
};

const STAMP_RE = /^(REQUEST|RESPONSE):\s*(.*?)(?:\s+<---.*)?$/;

/** Parses `show license history message` (also `| i REQUEST` excerpts). */
export function parseShowLicenseHistoryMessage(text: string): ParseResult<ShowLicenseHistoryMessage> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const value: ShowLicenseHistoryMessage = { categories: [], exchanges: [], imports: [] };
  const lines = pre.lines;
  let category = '';
  let mode: 'messages' | 'imports' = 'messages';
  let current: HistoryImport | null = null;
  let pending: HistoryExchange | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '' || /^=+$/.test(t) || /^No past (?:Import )?history$/.test(t)) continue;
    if (/^Message History/.test(t)) { mode = 'messages'; continue; }
    if (/^Import Message History/.test(t)) { mode = 'imports'; continue; }
    let m: RegExpExecArray | null;
    if (mode === 'imports' && (m = /^Import (.+):$/.exec(t))) {
      current = { type: m[1], receivedAt: null, lines: [] };
      value.imports.push(current);
      continue;
    }
    if (mode === 'messages' && (m = /^([A-Z][A-Za-z ]+):$/.exec(t))) {
      category = m[1];
      value.categories.push(category);
      continue;
    }
    if ((m = STAMP_RE.exec(t))) {
      const at = isoOrNull(m[2], warnings, m[1]);
      // The body is the next line; an empty next line means no reply (seed, troubleshooting step 3).
      const body = (lines[i + 1] ?? '').trim();
      const hasBody = body !== '' && !STAMP_RE.test(body) && !/^[A-Z][A-Za-z ]+:$/.test(body) && !body.startsWith('<---');
      if (hasBody) i++;
      if (m[1] === 'REQUEST') {
        const request = hasBody ? decodeNestedJson(body) : null;
        if (hasBody && request === null) warnings.push(`REQUEST at ${m[2]}: body is not JSON`);
        pending = {
          category, requestAt: at, request, requestRaw: hasBody ? body : '', responseAt: null, response: null,
          responseRaw: null, requestType: (get(request, 'request', 'header', 'request_type') as string) ?? null,
          statusCode: null,
        };
        value.exchanges.push(pending);
      } else {
        const response = hasBody ? decodeNestedJson(body) : null;
        if (hasBody && response === null) warnings.push(`RESPONSE at ${m[2]}: body is not JSON`);
        const target = pending ?? { category, requestAt: null, request: null, requestRaw: '', responseAt: null, response: null, responseRaw: null, requestType: null, statusCode: null };
        if (!pending) value.exchanges.push(target);
        target.responseAt = at;
        target.response = response;
        target.responseRaw = hasBody ? body : null;
        target.statusCode = (get(response, 'response', 'status_code') as string) ?? null;
        pending = null;
      }
      continue;
    }
    if (mode === 'imports' && current) {
      if ((m = /^(?:Received on|Last policy received on)\s+(.+)$/.exec(t))) current.receivedAt = isoOrNull(m[1], warnings, `Import ${current.type}`);
      else current.lines.push(t);
      continue;
    }
    warnings.push(`unrecognised line "${t.slice(0, 120)}"`);
  }
  return { value, warnings, syslog: pre.syslog };
}
