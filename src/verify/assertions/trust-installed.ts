import type { Udi } from '../../parsers';
import { memberTrustLine, trustCodeLine } from '../lines';
import type { Assertion } from './assertion';
import { memberName, pairMembers } from '../../converge/trust-members';

/**
 * `trust_installed: true` — a trust code on every stack member, matched by role, PID and serial: the members
 * come from `show license udi` (HA UDI List), their trust from `show license status` (Trust Code
 * Installed, one `Active:/Standby:/Member:` entry per member on a stack; one date on a standalone).
 */
export const trustInstalled: Assertion<boolean> = {
  key: 'trust_installed',
  needs: () => ['udi', 'status'],
  evaluate: (_param, evidence) => {
    const tc = evidence.status?.trustCode;
    if (!tc) return { passed: false, message: 'show license status has no Trust Code Installed line', evidence: [] };
    const udi = evidence.udi;
    const members: Udi[] = udi?.members.length ? udi.members : udi?.udi ? [udi.udi] : tc.members;
    if (tc.members.length === 0) {
      // Standalone form: one date (or <none>) stands for the only member.
      const lines = [trustCodeLine(evidence.status!)];
      // `<none>` on a stack is the usual day-0 answer: say that, not that the list is missing.
      if (!tc.installed) {
        const on = members.length > 1 ? ` on any of the ${members.length} stack members` : '';
        return { passed: false, message: `no trust code installed${on}`, evidence: lines };
      }
      if (members.length > 1) {
        return { passed: false, message: `${members.length} stack members but Trust Code Installed shows no member list`, evidence: lines };
      }
      return { passed: true, message: `trust code installed on ${tc.installedAt}`, evidence: lines };
    }
    const missing: string[] = [];
    const lines: string[] = [];
    // By role, PID and serial: two supervisors of one C9400/C9600 chassis print the same serial.
    const wanted = members.map((m) => ({ ...m, role: 'role' in m ? String(m.role) : 'Active' }));
    for (const [m, entry] of pairMembers(wanted, tc.members)) {
      if (entry) lines.push(memberTrustLine(entry));
      else lines.push(`show license udi: ${m.role}:PID:${m.pid},SN:${m.sn} (not listed under Trust Code Installed)`);
      if (!entry?.installed) missing.push(memberName(m));
    }
    return missing.length === 0
      ? { passed: true, message: `trust code installed on all ${members.length} members`, evidence: lines }
      : { passed: false, message: `no trust code on ${missing.join(', ')}`, evidence: lines };
  },
};
