import { nullIfEmpty, preprocess, splitKeyValue } from './preprocess';
import { isoOrNull } from './ios-time';
import type { ParseResult } from './types';

/** One licence row of `show license summary`. */
export interface LicenseSummaryRow {
  license: string;
  /** The description in parentheses, cut by IOS to 22 characters + `...` when long. */
  entitlementTag: string;
  count: number;
  status: string;
}

/** `show license summary`: the account lines and one row per licence. */
export interface ShowLicenseSummary {
  account: { smartAccount: string | null; smartAccountAsOf: string | null; virtualAccount: string | null } | null;
  licenses: LicenseSummaryRow[];
}

// `  network-advantage       (C9300-48 Network Advan...)       1 IN USE` — indented or not (real 17.x
// samples differ), the description may be missing.
const ROW_RE = /^(\S+)\s+(?:\((.*)\)\s+)?(\d+)\s+(\S.*)$/;

/** Parses `show license summary`. */
export function parseShowLicenseSummary(text: string): ParseResult<ShowLicenseSummary> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const value: ShowLicenseSummary = { account: null, licenses: [] };
  let section = '';
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || /^-+$/.test(t) || /^License\s+Entitlement [Tt]ag/.test(t)) continue;
    if (t === 'Account Information:' || t === 'License Usage:') {
      section = t;
      if (t === 'Account Information:') value.account = { smartAccount: null, smartAccountAsOf: null, virtualAccount: null };
      continue;
    }
    if (section === 'Account Information:' && value.account) {
      const kv = splitKeyValue(t);
      if (kv?.key === 'Smart Account') {
        const m = /^(.*?)\s+As of\s+(.+)$/.exec(kv.value);
        value.account.smartAccount = nullIfEmpty(m ? m[1] : kv.value);
        value.account.smartAccountAsOf = m ? isoOrNull(m[2], warnings, 'Smart Account As of') : null;
        continue;
      }
      if (kv?.key === 'Virtual Account') { value.account.virtualAccount = nullIfEmpty(kv.value); continue; }
    }
    const m = ROW_RE.exec(t);
    if (m) value.licenses.push({ license: m[1], entitlementTag: m[2] ?? '', count: Number(m[3]), status: m[4] });
    else warnings.push(`unrecognised line "${t}"`);
  }
  return { value, warnings, syslog: pre.syslog };
}
