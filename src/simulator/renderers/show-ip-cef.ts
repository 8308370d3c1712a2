/** `show ip cef [vrf X] ADDRESS` (seed step 5): the route and next hop toward an address. */
import type { SimDevice } from '../sim-device';
import { egress } from '../network-model';

export function renderShowIpCef(d: SimDevice, address: string, vrf = ''): string {
  const out = egress(d.netContext(), vrf);
  if (!out.ok) return '0.0.0.0/0\n  no route\n';
  const net = d.lab.subnets[out.iface];
  if (net && sameSubnet(address, net.address, net.mask)) return `${network(net.address, net.mask)}/${bits(net.mask)}\n  attached to ${out.iface}\n`;
  return `0.0.0.0/0\n  nexthop ${out.gateway} ${out.iface}\n`;
}

const toInt = (ip: string): number => ip.split('.').reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
const fromInt = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const bits = (mask: string): number => toInt(mask).toString(2).replace(/0/g, '').length;
const network = (ip: string, mask: string): string => fromInt((toInt(ip) & toInt(mask)) >>> 0);
export const sameSubnet = (a: string, b: string, mask: string): boolean => ((toInt(a) & toInt(mask)) >>> 0) === ((toInt(b) & toInt(mask)) >>> 0);
