/**
 * `show license summary` (reference §3.2): License at col 3, Entitlement Tag at col 27, count
 * right-aligned to col 61, Status at col 63; descriptions over 22 characters are cut to 22 + `...`.
 */
import type { SimDevice } from '../sim-device';
import { account } from './license-blocks';
import { licenceNames, licenceDescriptions } from '../platforms';

const tag = (desc: string): string => `(${desc.length > 22 ? `${desc.slice(0, 22)}...` : desc})`;

export function renderShowLicenseSummary(d: SimDevice): string {
  const names = licenceNames(d.platform);
  const desc = licenceDescriptions(d.platform);
  const row = (name: string, description: string): string =>
    `  ${name.padEnd(24)}${tag(description).padEnd(30)}${String(d.members.length).padStart(5)} IN USE`;
  return [
    ...account(d),
    'License Usage:',
    '  License                 Entitlement Tag               Count Status',
    '  -----------------------------------------------------------------------------',
    row(names.network, desc.network),
    row(names.dna, desc.dna),
    '',
  ].join('\n');
}
