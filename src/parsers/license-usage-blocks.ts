import { indentOf, nullIfEmpty, splitKeyValue, toInt } from './preprocess';

/** One `name (Entitlement):` block of `show license usage` / the License Usage of `show license all`. */
export interface LicenseUsageEntry {
  license: string;
  /** The text in parentheses of the block header, e.g. `C9300-48 Network Advantage`. */
  entitlement: string | null;
  description: string | null;
  count: number | null;
  version: string | null;
  status: string | null;
  exportStatus: string | null;
  featureName: string | null;
  enforcementType: string | null;
  licenseType: string | null;
}

const HEADER_RE = /^(\S+) \((.*)\):$/;

/** Reads usage blocks from lines; lines that are neither headers nor known keys are returned. */
export function readLicenseUsageBlocks(lines: readonly string[]): { entries: LicenseUsageEntry[]; unknown: string[] } {
  const entries: LicenseUsageEntry[] = [];
  const unknown: string[] = [];
  let cur: LicenseUsageEntry | null = null;
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    const h = indentOf(line) === 0 ? HEADER_RE.exec(t) : null;
    if (h) {
      cur = {
        license: h[1], entitlement: h[2] || null, description: null, count: null, version: null, status: null,
        exportStatus: null, featureName: null, enforcementType: null, licenseType: null,
      };
      entries.push(cur);
      continue;
    }
    const kv = splitKeyValue(t);
    if (!cur || !kv) {
      unknown.push(t);
      continue;
    }
    const v = nullIfEmpty(kv.value);
    switch (kv.key) {
      case 'Description': cur.description = v; break;
      case 'Count': cur.count = toInt(kv.value); break;
      case 'Version': cur.version = v; break;
      case 'Status': cur.status = v; break;
      case 'Export status': cur.exportStatus = v; break;
      case 'Feature Name': cur.featureName = v; break;
      case 'Enforcement type': cur.enforcementType = v; break;
      case 'License type': cur.licenseType = v; break;
      case 'Feature Description': case 'Entitlement Tag': case 'Reservation': case 'Status time': case 'Request Time':
        break;
      default: unknown.push(t);
    }
  }
  return { entries, unknown };
}
