import type { DesiredSlp } from './desired';
import type { ObservedTrustMember } from './running-state';

/** Whether to run `license smart trust idtoken …`, and why. */
export interface TrustAction {
  action: 'install' | 'skip';
  scope: 'all' | 'local';
  /** Send the `force` keyword: asked for, or some member already holds a trust code (IOS then
   *  refuses a plain install — NXOS-TS in slp-smart-transport.md §4.1). */
  force: boolean;
  cause: string;
  reason: string;
}

/**
 * `scope: local` needs the active switch trusted, `scope: all` every member of the stack.
 * `force: true` installs on every run — that is what the playbook asked for.
 */
export function planTrust(
  trust: NonNullable<DesiredSlp['trust']>,
  members: readonly ObservedTrustMember[],
): TrustAction {
  const scope = trust.scope ?? 'all';
  const required = scope === 'local' ? members.filter((m) => m.role === 'active') : members;
  const installed = required.length > 0 && required.every((m) => m.installed);
  const anyInstalled = members.some((m) => m.installed);
  const force = trust.force === true || anyInstalled;
  if (trust.force) {
    return { action: 'install', scope, force, cause: 'slp.trust.force', reason: 'force: true' };
  }
  if (installed) {
    const where = scope === 'local' ? 'the active switch' : `all ${required.length} member(s)`;
    return { action: 'skip', scope, force, cause: 'slp.trust', reason: `trust code installed on ${where}` };
  }
  const missing = required.filter((m) => !m.installed).map((m) => m.role);
  const reason = missing.length ? `no trust code on: ${missing.join(', ')}` : 'no trust code installed';
  return { action: 'install', scope, force, cause: 'slp.trust', reason };
}
