/** `show ip arp [ADDRESS]` (seed step 5): the switch's own addresses and each lab gateway. */
import type { SimDevice } from '../sim-device';
import { interfaceUp, interfaceAddress } from '../network-model';

export function gatewayMac(gateway: string): string {
  const o = gateway.split('.').map(Number);
  const h = ((o[2] << 8) | o[3]).toString(16).padStart(4, '0');
  return `2c31.24b1.${h}`;
}

function ownMac(serial: string): string {
  let h = 0;
  for (const ch of serial) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return `00b6.70${((h >> 16) & 255).toString(16).padStart(2, '0')}.${(h & 0xffff).toString(16).padStart(4, '0')}`;
}

export function renderShowIpArp(d: SimDevice, address?: string): string {
  const ctx = d.netContext();
  const rows: string[] = [];
  for (const [name, net] of Object.entries(d.lab.subnets)) {
    if (!interfaceUp(ctx, name)) continue;
    rows.push([net.gateway, '0', gatewayMac(net.gateway), 'ARPA', name].join('\u0000'));
    rows.push([interfaceAddress(ctx, name)!, '-', ownMac(d.members[0].serial), 'ARPA', name].join('\u0000'));
  }
  const fmt = (r: string): string => {
    const [ip, age, mac, type, iface] = r.split('\u0000');
    return `Internet  ${ip.padEnd(17)}${age.padStart(8)}   ${mac.padEnd(16)}${type.padEnd(7)}${iface}`; // seed step 5 layout
  };
  const picked = rows.filter((r) => !address || r.startsWith(`${address}\u0000`));
  if (picked.length === 0) return '';
  return ['Protocol  Address          Age (min)  Hardware Addr   Type   Interface', ...picked.map(fmt), ''].join('\n');
}
