/** `show license all` (reference §3.8): status part with Miscellaneous before Policy, then usage and product info. */
import type { SimDevice } from '../sim-device';
import { ROLE, statusUsageAndProduct } from './license-blocks';

export function renderShowLicenseAll(d: SimDevice): string {
  return [
    ...statusUsageAndProduct(d, false),
    'License Authorizations',
    '======================',
    'Last Data Push: <none>',
    'Last File Export: <none>',
    '',
    'Overall status:',
    ...d.members.flatMap((m, i) => [`  ${ROLE(i)}: PID:${m.pid},SN:${m.serial}`, '    Status: NOT INSTALLED']),
    '',
    'Purchased Licenses:',
    '  No Purchase Information Available',
    '',
    'Usage Report Summary:',
    '=====================',
    `Total: ${d.licensing.stats['Usage Reporting'].total},  Purged: 0`,
    `Total Acknowledged Received: ${d.licensing.stats['Usage Reporting'].success},  Waiting for Ack: 0`,
    'Available to Report: 0  Collecting Data: 2',
    '',
  ].join('\n');
}
