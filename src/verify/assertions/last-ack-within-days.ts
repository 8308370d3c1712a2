import type { ShowLicenseStatus } from '../../parsers';
import { DAY_MS, deviceNow, type Assertion } from './assertion';

/**
 * The strictest periodic reporting the policy in force asks for: the smallest non-zero
 * `Reporting frequency (days)` over its licence classes (0 = not required; reference §5).
 */
export function policyReportingDays(status: ShowLicenseStatus): number | null {
  const days = Object.values(status.policy?.attributes ?? {})
    .map((a) => a.reportingFrequencyDays)
    .filter((d): d is number => d !== null && d > 0);
  return days.length ? Math.min(...days) : null;
}

const age = (ms: number): string => `${(ms / DAY_MS).toFixed(1)} days`;

/**
 * `last_ack_within_days: N` — `show license status` Usage Reporting: the last ACK from CSSM is at
 * most N days old, the `Next ACK deadline` has not passed, and the ACK is not older than the
 * policy's reporting frequency (so the device is not overdue for the policy in force).
 */
export const lastAckWithinDays: Assertion<number> = {
  key: 'last_ack_within_days',
  needs: () => ['clock', 'status'],
  evaluate: (days, evidence, ctx) => {
    const status = evidence.status;
    const u = status?.usageReporting;
    if (!status || !u) return { passed: false, message: 'show license status has no Usage Reporting section', evidence: [] };
    const policyDays = policyReportingDays(status);
    const lines = [
      `show license status: Usage Reporting: Last ACK received: ${u.lastAckReceived ?? '<none>'}`,
      `show license status: Usage Reporting: Next ACK deadline: ${u.nextAckDeadline ?? '<none>'}`,
      `show license status: Policy: Reporting frequency (days): ${policyDays ?? 'none required'}${status.policy?.source ? ` (${status.policy.source})` : ''}`,
    ];
    if (!u.lastAckReceived) return { passed: false, message: 'no ACK received from CSSM yet', evidence: lines };
    const now = deviceNow(evidence, ctx).getTime();
    const ackAge = now - new Date(u.lastAckReceived).getTime();
    const problems: string[] = [];
    if (ackAge > days * DAY_MS) problems.push(`last ACK is ${age(ackAge)} old (limit ${days} days)`);
    if (u.nextAckDeadline && new Date(u.nextAckDeadline).getTime() < now) problems.push(`ACK deadline ${u.nextAckDeadline} has passed`);
    if (policyDays !== null && ackAge > policyDays * DAY_MS) problems.push(`overdue for the policy: reporting every ${policyDays} days`);
    return problems.length === 0
      ? { passed: true, message: `last ACK ${age(Math.max(0, ackAge))} ago (limit ${days} days)`, evidence: lines }
      : { passed: false, message: problems.join('; '), evidence: lines };
  },
};
