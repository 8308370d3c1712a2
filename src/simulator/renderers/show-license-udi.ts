/** `show license udi` (reference §3.4; real capture show-license-udi/01 for the HA list). */
import type { SimDevice } from '../sim-device';
import { udiLines } from './license-blocks';

export function renderShowLicenseUdi(d: SimDevice): string {
  return [...udiLines(d), ''].join('\n');
}
