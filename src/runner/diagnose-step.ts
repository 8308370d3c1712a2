/**
 * The diagnose step of the pipeline: on a failed host, ask the diagnosis engine for one cause.
 */
import type { Device } from '../device/device';
import type { HostDiagnosis } from './host-result';
import type { FailureContext, HostJob, StepContext } from './host-steps';

export async function diagnoseFailure(_device: Device, _job: HostJob, _ctx: StepContext, _failure: FailureContext): Promise<HostDiagnosis> {
  throw new Error('the diagnosis engine (src/slp/diagnose) is not in the tree yet');
}
