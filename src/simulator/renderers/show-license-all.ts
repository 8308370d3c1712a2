/** `show license all` (reference §3.8): status part with Miscellaneous before Policy, then usage and product info. */
import type { SimDevice } from '../sim-device';
import { account, dataPrivacy, licenseUsageBlocks, miscellaneous, policy, transport, trustCodeInstalled, udiLines, usageReporting, utilityAndSlp } from './license-blocks';

export function licenseStatusHeader(): string[] {
  return [
    'Smart Licensing Status',
    '======================',
    '',
    'Smart Licensing is ENABLED',
    '',
    'License Conversion:',
    '  Automatic Conversion Enabled: False',
    '  Last Data Push: <none>',
    '  Last File Export: <none>',
    '',
    'Export Authorization Key:',
    '  Features Authorized:',
    '    <none>',
    '',
  ];
}

export function renderShowLicenseAll(d: SimDevice): string {
  const overall: string[] = [];
  d.members.forEach((m, i) => overall.push(`  ${i === 0 ? 'Active' : i === 1 ? 'Standby' : 'Member'}: PID:${m.pid},SN:${m.serial}`, '    Status: NOT INSTALLED'));
  return [
    ...licenseStatusHeader(),
    ...utilityAndSlp(true),
    ...account(d),
    ...dataPrivacy(),
    ...transport(d, false),
    ...miscellaneous(),
    ...policy(d),
    ...usageReporting(d, false),
    ...trustCodeInstalled(d),
    '',
    'License Usage',
    '=============',
    '',
    ...licenseUsageBlocks(d),
    'Product Information',
    '===================',
    ...udiLines(d),
    '',
    'Agent Version',
    '=============',
    'Smart Agent for Licensing: 5.5.29_rel/114',
    '',
    'License Authorizations',
    '======================',
    'Last Data Push: <none>',
    'Last File Export: <none>',
    '',
    'Overall status:',
    ...overall,
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
