/** `ping [vrf V] HOST [source IF]` (reference §3.11). */
import type { SimDevice } from '../sim-device';
import { egress, pingReachable, resolve } from '../network-model';

export function renderPing(d: SimDevice, host: string, vrf = '', source?: string): string {
  const ctx = d.netContext();
  const out: string[] = [];
  const name = resolve(ctx, host, vrf);
  if (!/^\d+(\.\d+){3}$/.test(host)) {
    if (!name.ok) return `Translating "${host}"...domain server (${name.server})\n% Unrecognized host or address, or protocol not running.\n\n`;
    out.push(`Translating "${host}"...domain server (${name.server}) [OK]`);
  }
  const address = name.ok ? name.address : host;
  out.push('Type escape sequence to abort.', `Sending 5, 100-byte ICMP Echos to ${address}, timeout is 2 seconds:`);
  if (source) {
    const e = egress(ctx, vrf, source);
    const c = d.running.interfaces[source];
    const ip = c?.ip === 'dhcp' ? d.lab.subnets[source]?.address : c?.ip?.address;
    if (!ip) return `% Invalid source interface - IP not enabled or interface is down\n`;
    out.push(`Packet sent with a source address of ${e.ok ? e.address : ip} `);
  }
  if (pingReachable(ctx, address, vrf, source)) out.push('!!!!!', 'Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/2 ms');
  else out.push('.....', 'Success rate is 0 percent (0/5)');
  return `${out.join('\n')}\n`;
}
