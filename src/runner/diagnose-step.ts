/**
 * The diagnose step of the pipeline: on a failed host, the diagnosis engine walks the guide's
 * decision tree over the still-open session and names one cause. The parsed evidence it gathered
 * stays out of the HostResult (the evidence lines that prove the cause are kept).
 */
import type { Device } from '../device/device';
import { diagnoseHost } from '../diagnose/diagnose';
import type { HostDiagnosis } from '../results/host-result';
import type { FailureContext, HostJob, StepContext } from './host-steps';

export async function diagnoseFailure(device: Device, _job: HostJob, _ctx: StepContext, _failure: FailureContext): Promise<HostDiagnosis> {
  const d = await diagnoseHost(device);
  return { cause: d.cause, summary: d.summary, evidence: d.evidence, remedy: d.remedy, steps: d.steps };
}
