/** `telnet HOST PORT [/ipv4] [/source-interface IF] [/vrf V]` as a TCP probe (reference §3.12). */
import type { SimDevice } from '../sim-device';
import { resolve, tcpConnect } from '../network-model';

export function renderTelnet(d: SimDevice, host: string, port: number, vrf = '', source?: string): string {
  const ctx = d.netContext();
  const name = resolve(ctx, host, vrf);
  const numeric = /^\d+(\.\d+){3}$/.test(host);
  if (!name.ok) return `Translating "${host}"...domain server (${name.server})\n% Bad IP address or host name\n`;
  const trying = numeric ? `Trying ${host}, ${port} ...` : `Trying ${host} (${name.address}, ${port})...`;
  switch (tcpConnect(ctx, name.address, port, vrf, source)) {
    case 'open':
      return `${trying} Open\n\n[Connection to ${host} closed by foreign host]\n`;
    case 'refused':
      return `${trying}\n% Connection refused by remote host\n`;
    case 'noroute':
      return `${trying}\n% Destination unreachable; gateway or host down\n`;
    default:
      return `${trying}\n% Connection timed out; remote host not responding\n`;
  }
}
