/**
 * `show mac address-table address MAC` (seed step 5): a lab gateway's MAC is learned on the
 * uplink port of the active member (the last front-panel port), in the gateway's VLAN.
 */
import type { SimDevice } from '../sim-device';
import { gatewayMac } from './show-ip-arp';
import { shortInterface } from '../interface-names';

export function renderShowMacAddressTable(d: SimDevice, mac: string): string {
  const uplink = shortInterface(`${d.platform.ports.type}1/0/${d.platform.ports.count}`);
  const hits = Object.entries(d.lab.subnets).filter(([name, net]) => name.startsWith('Vlan') && gatewayMac(net.gateway) === mac.toLowerCase());
  const rows = hits.map(([name]) => `${name.replace('Vlan', '').padStart(4)}    ${mac.toLowerCase()}    DYNAMIC     ${uplink}`);
  return [
    '          Mac Address Table',
    '-------------------------------------------',
    '',
    'Vlan    Mac Address       Type        Ports',
    '----    -----------       --------    -----',
    ...rows,
    `Total Mac Addresses for this criterion: ${rows.length}`,
    '',
  ].join('\n');
}
