/**
 * One assertion's outcome as a host's result keeps it: the verify engine's CheckResult
 * (verify.ts) plus whether it counts against the host.
 */
export interface HostCheck {
  name: string;
  passed: boolean;
  message: string;
  evidence: string[];
  attempts?: number;
  elapsedMs?: number;
  /**
   * Why this failed check does not fail the host: `--check` on a host that would change looks at
   * the switch before the change, where the checks are expected to fail.
   */
  notApplicable?: string;
}

/** A check that counts against the host: failed, and not marked not applicable. */
export function checkFailed(c: HostCheck): boolean {
  return !c.passed && c.notApplicable === undefined;
}
