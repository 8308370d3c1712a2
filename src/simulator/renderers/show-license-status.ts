/** `show license status`, section order as reference §3.1 (Policy before Miscellaneous). */
import type { SimDevice } from '../sim-device';
import { account, dataPrivacy, miscellaneous, policy, transport, trustCodeInstalled, usageReporting, utilityAndSlp } from './license-blocks';

export function renderShowLicenseStatus(d: SimDevice): string {
  return [
    ...utilityAndSlp(false),
    ...account(d),
    ...dataPrivacy(),
    ...transport(d, false),
    ...policy(d),
    ...miscellaneous(),
    ...usageReporting(d, false),
    ...trustCodeInstalled(d),
    '',
  ].join('\n');
}
