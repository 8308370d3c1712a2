/** `show license usage` (reference §3.3). */
import type { SimDevice } from '../sim-device';
import { licenseUsageBlocks } from './license-blocks';

export function renderShowLicenseUsage(d: SimDevice): string {
  return ['License Authorization:', '  Status: Not Applicable', '', ...licenseUsageBlocks(d)].join('\n');
}
