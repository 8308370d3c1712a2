/** `show inventory` (one entry per stack member) and `show vlan brief` — both sent by Ansible's facts/cliconf. */
import type { SimDevice } from '../sim-device';

export function renderShowInventory(d: SimDevice): string {
  const out: string[] = [];
  d.members.forEach((m, i) => {
    out.push(`NAME: "c93xx Stack", DESCR: "c93xx Stack"`, `PID: ${m.pid}         , VID: V02  , SN: ${m.serial}`, '');
    out.push(`NAME: "Switch ${i + 1}", DESCR: "${m.pid}"`, `PID: ${m.pid}         , VID: V02  , SN: ${m.serial}`, '');
  });
  return `${out.join('\n')}\n`;
}

export function renderShowVlanBrief(d: SimDevice): string {
  const vlans = Object.keys(d.running.interfaces)
    .filter((n) => n.startsWith('Vlan') && n !== 'Vlan1')
    .map((n) => Number(n.slice(4)))
    .sort((a, b) => a - b);
  const rows = [
    'VLAN Name                             Status    Ports',
    '---- -------------------------------- --------- -------------------------------',
    '1    default                          active    ',
    ...vlans.map((v) => `${String(v).padEnd(5)}${`VLAN${String(v).padStart(4, '0')}`.padEnd(33)}active    `),
    '1002 fddi-default                     act/unsup ',
    '1003 token-ring-default               act/unsup ',
    '1004 fddinet-default                  act/unsup ',
    '1005 trnet-default                    act/unsup ',
  ];
  return `${rows.join('\n')}\n`;
}
