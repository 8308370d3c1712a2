/** `show ip interface brief` (reference §3.10): columns at 1, 24, 40, 44, 51, 73, padded with spaces. */
import type { SimDevice } from '../sim-device';
import { allInterfaces } from '../render-running-config';
import { interfaceAddress } from '../network-model';

export function renderShowIpInterfaceBrief(d: SimDevice): string {
  const ctx = d.netContext();
  const rows = ['Interface              IP-Address      OK? Method Status                Protocol'];
  for (const name of allInterfaces(d.running, d.identity())) {
    const c = d.running.interfaces[name];
    const addr = interfaceAddress(ctx, name);
    const method = c?.ip === 'dhcp' ? 'DHCP' : addr ? 'NVRAM' : 'unset';
    const connected = !!d.lab.subnets[name] || name.startsWith('Vlan');
    const status = c?.shutdown ? 'administratively down' : connected && (addr || !name.startsWith('Vlan')) ? 'up' : 'down';
    const proto = status === 'up' ? 'up' : 'down';
    // A name longer than the column (FiveGigabitEthernet1/0/48) pushes the row right but keeps one space, as IOS does.
    rows.push(`${name.padEnd(22)} ${(addr ?? 'unassigned').padEnd(16)}${'YES'.padEnd(4)}${method.padEnd(7)}${status.padEnd(22)}${proto.padEnd(8)}`);
  }
  return `${rows.join('\n')}\n`;
}
