/** `telnet HOST PORT [/ipv4] [/source-interface IF] [/vrf V]` as a TCP probe (reference §3.12). */
import type { Reply } from '../command-types';
import type { SimDevice } from '../sim-device';
import { resolve, tcpConnect } from '../network-model';

export function renderTelnet(d: SimDevice, host: string, port: number, vrf = '', source?: string): Reply {
  const ctx = d.netContext();
  const out = ctx.config.vtyTransportOutput;
  // `transport output none|ssh` on the vty: the outgoing protocol is refused [I for the wording].
  if (out && out !== 'telnet' && out !== 'all') return '% telnet connections not permitted from this terminal\n';
  const name = resolve(ctx, host, vrf);
  const numeric = /^\d+(\.\d+){3}$/.test(host);
  if (!name.ok) return `Translating "${host}"...domain server (${name.server})\n% Bad IP address or host name\n`;
  const trying = numeric ? `Trying ${host}, ${port} ...` : `Trying ${host} (${name.address}, ${port})...`;
  switch (tcpConnect(ctx, name.address, port, vrf, source)) {
    case 'open':
      // An HTTPS server (CSSM, a proxy) does not close the session by itself (reference §3.12
      // note): the terminal stays with it until the escape sequence suspends it.
      return { output: `${trying} Open\n`, attach: { host, address: name.address, port } };
    case 'refused':
      return `${trying}\n% Connection refused by remote host\n`;
    case 'noroute':
      return `${trying}\n% Destination unreachable; gateway or host down\n`;
    default:
      return `${trying}\n% Connection timed out; remote host not responding\n`;
  }
}
