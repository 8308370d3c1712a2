import { readLicenseUsageBlocks, type LicenseUsageEntry } from './license-usage-blocks';
import { preprocess, splitKeyValue } from './preprocess';
import type { ParseResult } from './types';

export type { LicenseUsageEntry } from './license-usage-blocks';

/** `show license usage`: the authorisation status and each licence in use. */
export interface ShowLicenseUsage {
  /** `License Authorization:` / `Status: Not Applicable`. */
  authorizationStatus: string | null;
  licenses: LicenseUsageEntry[];
}

/** Parses `show license usage`. */
export function parseShowLicenseUsage(text: string): ParseResult<ShowLicenseUsage> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  let authorizationStatus: string | null = null;
  const rest: string[] = [];
  let inAuth = false;
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === 'License Authorization:') { inAuth = true; continue; }
    if (inAuth) {
      const kv = splitKeyValue(t);
      if (kv?.key === 'Status') { authorizationStatus = kv.value; continue; }
      inAuth = t === '' ? inAuth : false;
      if (t === '') continue;
    }
    rest.push(line);
  }
  const { entries, unknown } = readLicenseUsageBlocks(rest);
  for (const u of unknown) warnings.push(`unrecognised line "${u}"`);
  return { value: { authorizationStatus, licenses: entries }, warnings, syslog: pre.syslog };
}
