/**
 * Which stack / HA member is which, across two outputs. A C9400/C9600 with two supervisors prints
 * one chassis UDI for both (`Active: PID:C9407R,SN:FXS2119Q2U7` and `Standby: PID:C9407R,SN:FXS2119Q2U7`,
 * real capture show-license-tech-support/12), so a serial alone names a chassis, not a member:
 * members are matched by role, PID and serial.
 */

export interface MemberIdentity {
  role: string;
  pid?: string;
  sn?: string;
}

const same = (a?: string, b?: string): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * Pairs each member of `wanted` with one member of `shown`: the same role, PID and serial first;
 * then, for what is left, the same PID and serial (a switchover between two reads swaps roles);
 * each shown member is used once. Unpaired wanted members get undefined.
 */
export function pairMembers<A extends MemberIdentity, B extends MemberIdentity>(wanted: readonly A[], shown: readonly B[]): [A, B | undefined][] {
  const used = new Set<number>();
  const pick = (w: A, withRole: boolean): B | undefined => {
    const i = shown.findIndex((s, j) => !used.has(j) && same(s.pid, w.pid) && same(s.sn, w.sn) && (!withRole || same(s.role, w.role)));
    if (i < 0) return undefined;
    used.add(i);
    return shown[i];
  };
  const exact = wanted.map((w) => pick(w, true));
  return wanted.map((w, i) => [w, exact[i] ?? pick(w, false)]);
}

/** `Standby PID:C9407R,SN:FXS2119Q2U7`: a member named so that two supervisors stay apart. */
export function memberName(m: MemberIdentity): string {
  const role = m.role ? m.role.charAt(0).toUpperCase() + m.role.slice(1).toLowerCase() : '';
  if (!m.pid && !m.sn) return `the ${m.role || 'active'} switch`;
  return `${role} PID:${m.pid ?? '?'},SN:${m.sn ?? '?'}`.trim();
}
