/**
 * The verify step of a host: the play's assertions, looked at through runVerify, reported as one
 * step. In --check on a host that would change, failing checks are marked not applicable.
 */
import { checkFailed, type HostCheck } from './host-check';
import type { StepEnd } from '../steps/step-result';
import type { StepRecorder } from '../steps/step-recorder';

export const NOT_APPLICABLE = 'check mode: the host would change; expected to fail before the change';

function markNotApplicable(c: HostCheck): HostCheck {
  return c.passed ? c : { ...c, notApplicable: NOT_APPLICABLE };
}

function verifyEnd(checks: readonly HostCheck[]): StepEnd {
  const failed = checks.filter((c) => !c.passed);
  const counted = failed.filter(checkFailed);
  const names = failed.map((c) => c.name).join(', ');
  if (counted.length) return { status: 'failed', detail: `${failed.length}/${checks.length} failed: ${names}` };
  if (failed.length) {
    return { status: 'skipped', detail: `${failed.length}/${checks.length} not applicable (would change; expected to fail before the change): ${names}` };
  }
  return { status: 'ok', detail: `${checks.length} passed` };
}

/**
 * Runs `look` as the verify step. --check looks at the switch as it is: if the plan would change
 * it (`wouldChange`), the checks describe the state before the change and are expected to fail
 * (Ansible's "changed = would change"): reported, but they do not fail the host. An already
 * converged host that does not pass is what a compliance run must catch, so there they count.
 */
export function verifyStep(steps: StepRecorder, look: () => Promise<HostCheck[]>, wouldChange: boolean): Promise<HostCheck[]> {
  return steps.run('verify', async () => {
    const checks = await look();
    return wouldChange ? checks.map(markNotApplicable) : checks;
  }, verifyEnd);
}
