import type { DesiredSlp } from './desired';
import { expectedStatusUrl } from './lines';
import type { ObservedTransportStatus } from './running-state';

/**
 * Where `show license status` (Transport section) disagrees with the desired state. The
 * running-config alone cannot settle the idempotence of hidden or re-rendered lines (`license
 * smart url default`), while the status shows what the licensing agent actually uses — so a
 * setting counts as converged only when both agree (slp-smart-transport.md §1.2 recommendation).
 */
export interface StatusMismatch {
  /** The owned setting (OWNED_SETTINGS key) to push again. */
  key: string;
  /** Set when the fix is a removal: the line that removes what the status shows. */
  removal?: string;
  /** What the status shows, for the plan's cause. */
  shown: string;
}

const letters = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

export function statusMismatches(
  desired: DesiredSlp,
  status: ObservedTransportStatus,
  replaced: boolean,
): StatusMismatch[] {
  const out: StatusMismatch[] = [];
  const type = status.type === undefined ? undefined : letters(status.type);
  if (type !== undefined && !type.includes(desired.transport)) {
    out.push({ key: 'license smart transport', shown: `Type: ${status.type}` });
  }
  const url = expectedStatusUrl(desired);
  if (desired.transport === 'smart' && type === 'smart' && status.url && url && status.url !== url) {
    out.push({ key: 'license smart url', shown: `URL: ${status.url}` });
  }
  const proxy = desired.proxy;
  if (proxy) {
    if (status.proxy?.address !== proxy.address) {
      out.push({ key: 'license smart proxy address', shown: `Proxy Address: ${status.proxy?.address ?? 'Not Configured'}` });
    }
    if (status.proxy?.port !== proxy.port) {
      out.push({ key: 'license smart proxy port', shown: `Proxy Port: ${status.proxy?.port ?? 'Not Configured'}` });
    }
  } else if (replaced && status.proxy) {
    if (status.proxy.address) {
      out.push({
        key: 'license smart proxy address',
        removal: `no license smart proxy address ${status.proxy.address}`,
        shown: `Proxy Address: ${status.proxy.address}`,
      });
    }
    if (status.proxy.port !== undefined) {
      out.push({
        key: 'license smart proxy port',
        removal: `no license smart proxy port ${status.proxy.port}`,
        shown: `Proxy Port: ${status.proxy.port}`,
      });
    }
  }
  if (desired.vrf && status.vrf !== desired.vrf) {
    out.push({ key: 'license smart vrf', shown: `VRF: ${status.vrf ?? '<empty>'}` });
  } else if (!desired.vrf && replaced && status.vrf) {
    out.push({ key: 'license smart vrf', removal: `no license smart vrf ${status.vrf}`, shown: `VRF: ${status.vrf}` });
  }
  return out;
}
