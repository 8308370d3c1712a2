/** `telnet HOST PORT [/ipv4] [/source-interface IF] [/vrf V]` as a TCP probe (reference §3.12). */
import type { SimDevice } from '../sim-device';
import { resolve, tcpConnect } from '../network-model';
import type { Reply } from '../command-types';

export function renderTelnet(d: SimDevice, host: string, port: number, vrf = '', source?: string): Reply {
  // `transport output none` on the vty (hardened profile): no outbound sessions from it [I: text].
  if (d.running.vtyTransportOutputNone) return '% telnet connections not permitted from this terminal\n';
  const ctx = d.netContext();
  const name = resolve(ctx, host, vrf);
  const numeric = /^\d+(\.\d+){3}$/.test(host);
  if (!name.ok) return `Translating "${host}"...domain server (${name.server})\n% Bad IP address or host name\n`;
  const trying = numeric ? `Trying ${host}, ${port} ...` : `Trying ${host} (${name.address}, ${port})...`;
  switch (tcpConnect(ctx, name.address, port, vrf, source)) {
    case 'open':
      // A proxy that holds the session: Open, then nothing, until the user escapes (Ctrl-^ x).
      if (name.address === ctx.lab.proxy.address && ctx.faults.proxy === 'holds_open') return { output: `${trying} Open\n`, holdUntilEscape: true };
      return `${trying} Open\n\n[Connection to ${host} closed by foreign host]\n`;
    case 'refused':
      return `${trying}\n% Connection refused by remote host\n`;
    case 'noroute':
      return `${trying}\n% Destination unreachable; gateway or host down\n`;
    default:
      return `${trying}\n% Connection timed out; remote host not responding\n`;
  }
}
