/**
 * The diagnose step, in its two uses. In `slp run` (explain) it runs on a failed host over the
 * still-open session and names one cause: it explains the failure, so it is `ok` when it found
 * one and `skipped` when it could not look. In `slp diagnose` (verdict) it is what the run is for:
 * a cause other than `healthy` fails the host, and --capture / --debugs follow as their own steps.
 * The parsed evidence gathered stays out of the result (the evidence lines that prove it are kept).
 */
import type { Clock } from '../clock';
import type { Device } from '../device/device';
import type { HostDiagnosis } from './host-diagnosis';
import type { StepRecorder } from '../steps/step-recorder';
import { asError } from '../steps/step-result';
import { probeTarget } from '../verify/probes';
import { runCapture, type CaptureResult } from './capture';
import { runDebugs, type DebugResult } from './debugs';
import { diagnoseHost, type Diagnosis, type HostDiagnosis as GatheredDiagnosis } from './diagnose';
import type { ExpectedAccount } from './facts';

export interface DiagnoseStepOptions {
  /** `explain` a failure (slp run) or give the `verdict` (slp diagnose). */
  use: 'explain' | 'verdict';
  /** Inventory name, for the capture file. */
  host: string;
  capture?: boolean;
  /** Seconds of TLS debugs; absent = none. */
  debugSeconds?: number;
  clock?: Clock;
  captureWaitMs?: number;
  /** Only failures at or after this time count. */
  since?: Date;
  /** `slp run`: how long ago (runner's clock) the change being explained started. */
  changedMsAgo?: number;
  /** The play's `slp.account`: the Smart/Virtual Account the switch should report to. */
  expectedAccount?: ExpectedAccount;
}

/** What the step found: the diagnosis, and the capture and debugs when asked for. */
export interface DiagnoseOutcome {
  diagnosis?: HostDiagnosis;
  capture?: CaptureResult;
  debugs?: DebugResult;
}

function kept(d: Diagnosis): HostDiagnosis {
  return { cause: d.cause, summary: d.summary, evidence: d.evidence, remedy: d.remedy, steps: d.steps, ...(d.notInCapture ? { notInCapture: d.notInCapture } : {}) };
}

/** `slp diagnose --from`: the verdict step over a capture already read (no device). */
export async function offlineDiagnoseStep(steps: StepRecorder, look: () => Diagnosis): Promise<DiagnoseOutcome> {
  const d = await steps.run('diagnose', async () => look(), (x) =>
    x.cause === 'healthy' ? { status: 'ok', detail: 'healthy' } : { status: 'failed', detail: `${x.cause} — ${x.summary}` });
  return { diagnosis: kept(d) };
}

export async function diagnoseStep(device: Device, steps: StepRecorder, options: DiagnoseStepOptions): Promise<DiagnoseOutcome> {
  const look = (): Promise<GatheredDiagnosis> => diagnoseHost(device, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.changedMsAgo !== undefined ? { changedMsAgo: options.changedMsAgo } : {}),
    ...(options.expectedAccount ? { expectedAccount: options.expectedAccount } : {}),
  });
  if (options.use === 'explain') {
    const found = await steps.run('diagnose', () => look().then((d) => ({ d }), (error: unknown) => ({ error: asError(error) })), (r) =>
      'd' in r ? { status: 'ok', detail: r.d.cause } : { status: 'skipped', detail: `diagnosis failed: ${r.error.message}` });
    return 'd' in found ? { diagnosis: kept(found.d) } : {};
  }
  const d = await steps.run('diagnose', look, (x) =>
    x.cause === 'healthy' ? { status: 'ok', detail: 'healthy' } : { status: 'failed', detail: `${x.cause} — ${x.summary}` });
  const out: DiagnoseOutcome = { diagnosis: kept(d) };
  // Capture and debugs look at the HTTPS exchange with CSSM: only Smart transport has one.
  if (d.gathered.status?.transport?.type !== 'smart') return out;
  if (options.capture) out.capture = await captureStep(device, steps, probeTarget(d.gathered.status, d.gathered.config), options);
  if (options.debugSeconds !== undefined) out.debugs = await debugsStep(device, steps, options.debugSeconds, options.clock);
  return out;
}

function captureStep(device: Device, steps: StepRecorder, target: ReturnType<typeof probeTarget>, o: DiagnoseStepOptions): Promise<CaptureResult> {
  return steps.run('capture', () => runCapture(device, target, {
    host: o.host,
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.captureWaitMs !== undefined ? { waitMs: o.captureWaitMs } : {}),
  }), (c) => {
    const left = c.cleanedUp ? '' : '; capture point NOT removed';
    return c.file && c.cleanedUp ? { status: 'ok', detail: c.file } : { status: 'failed', detail: `${c.file ?? `capture failed: ${c.error}`}${left}` };
  });
}

function debugsStep(device: Device, steps: StepRecorder, seconds: number, clock: Clock | undefined): Promise<DebugResult> {
  return steps.run('debugs', () => runDebugs(device, seconds, clock), (g) => {
    const what = `${g.enabled.length} on for ${g.seconds}s, ${g.lines.length} line(s)`;
    return g.turnedOff ? { status: 'ok', detail: what } : { status: 'failed', detail: `${what}; undebug all FAILED` };
  });
}
