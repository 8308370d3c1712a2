/**
 * The one classification of an error a step ended with: unreachable (Ansible's UNREACHABLE: the
 * session could not be opened or was lost) or failed. Used by every step of `slp run`, `plan`,
 * `apply` and `diagnose`, and by the exit code of an error escaping a command.
 */
import { DeviceTimeoutError, isUnreachableError } from '../errors';
import type { HostStepName, StepStatus } from './step-result';

/** The status of a step that ended with this error. A connect that timed out never had a session. */
export function errorStatus(error: unknown, step: HostStepName): Extract<StepStatus, 'failed' | 'unreachable'> {
  if (isUnreachableError(error)) return 'unreachable';
  if (step === 'connect' && error instanceof DeviceTimeoutError) return 'unreachable';
  return 'failed';
}
