import type { MemberRole, Udi } from './types';

/** A stack / HA member of `HA UDI List`. */
export interface HaUdi extends Udi {
  role: MemberRole;
}

/** `PID:C9300-48UN,SN:FOC1` → {pid, sn}; null otherwise. Real stacks print no VID field. */
export function parseUdi(text: string): Udi | null {
  const m = /^PID:([^,\s]+),SN:(\S+)$/.exec(text.trim());
  return m ? { pid: m[1], sn: m[2] } : null;
}

/** `Active:PID:…,SN:…` (show license udi/all/tech support HA UDI List); the space after the role is optional. */
export function parseHaUdi(text: string): HaUdi | null {
  const m = /^(Active|Standby|Member):\s*(PID:\S+)$/.exec(text.trim());
  if (!m) return null;
  const udi = parseUdi(m[2]);
  return udi ? { role: m[1] as MemberRole, ...udi } : null;
}
