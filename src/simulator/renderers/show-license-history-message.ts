/**
 * `show license history message` (reference §3.7, seed step 3). A request still waiting has no
 * RESPONSE yet; a request nobody answered prints `RESPONSE: <date>` and an empty line. The token
 * is printed in clear inside the trust request, as real devices do.
 */
import type { SimDevice } from '../sim-device';
import { licenseDate } from '../format-time';
import { HISTORY_CATEGORIES } from '../licensing-state';

export function renderShowLicenseHistoryMessage(d: SimDevice): string {
  const h = d.licensing.history;
  const imp = d.licensing.imports;
  const out = ['', 'Message History (oldest to newest):', '===================================================='];
  for (const cat of HISTORY_CATEGORIES) {
    out.push(`${cat}:`);
    if (h[cat].length === 0) {
      out.push('  No past history');
      continue;
    }
    out.push('');
    for (const e of h[cat]) {
      out.push(`REQUEST: ${licenseDate(e.requestAt)}`, e.request, '');
      if (e.responseAt !== undefined) out.push(`RESPONSE: ${licenseDate(e.responseAt)}`, e.response ?? '', '');
    }
    out.push('');
  }
  const imports: Array<[string, string[] | undefined]> = [
    ['Import POLICY', undefined],
    ['Import AUTH', undefined],
    ['Import TRUST CODE', imp.trustCode !== undefined ? [`Received on ${licenseDate(imp.trustCode)}`, '  <TRUST_CODE>', ''] : undefined],
    ['Import RUM ACK', imp.rumAck !== undefined ? [`Received on ${licenseDate(imp.rumAck)}`, '  <RUM_ACK>', ''] : undefined],
    ['Import CONVERSION ACK', undefined],
    ['Import ACCOUNT INFO', imp.accountInfo !== undefined ? [`  Last policy received on ${licenseDate(imp.accountInfo)}`, '  <ACCOUNT_INFO>', ''] : undefined],
  ];
  out.push('', 'Import Message History (oldest to newest):', '====================================================');
  imports.forEach(([name, body], i) => {
    out.push(`${name}:`, ...(body ?? ['  No past Import history']));
    if (i < imports.length - 1) out.push('');
  });
  return [...out, ''].join('\n');
}
