/**
 * `slp diagnose` over many hosts: connect, diagnose, optionally capture and debug, close — with a
 * bounded number of hosts at once. The connect function is a parameter, so this runs against the
 * simulated lab in tests exactly as against real switches.
 */
import type { Device } from '../device/device';
import { AuthError, HostKeyError, UnreachableError } from '../errors';
import { runCapture, type CaptureResult } from './capture';
import type { Clock } from '../clock';
import { runDebugs, type DebugResult } from './debugs';
import { diagnoseHost, type Diagnosis } from './diagnose';
import { probeTarget } from '../verify/probes';

export interface HostReport {
  host: string;
  /** `unreachable`: no session (refused, timed out, login failed); `error`: it broke midway. */
  status: 'diagnosed' | 'unreachable' | 'error';
  diagnosis?: Diagnosis;
  capture?: CaptureResult;
  debugs?: DebugResult;
  error?: string;
}

export interface FleetDiagnoseOptions {
  forks?: number;
  capture?: boolean;
  /** Seconds of TLS debugs; absent = no debugs. */
  debugSeconds?: number;
  clock?: Clock;
  captureWaitMs?: number;
}

export const DEFAULT_FORKS = 5;

export async function diagnoseOne(host: string, connect: () => Promise<Device>, options: FleetDiagnoseOptions = {}): Promise<HostReport> {
  let device: Device;
  try {
    device = await connect();
  } catch (error) {
    const unreachable = error instanceof UnreachableError || error instanceof AuthError || error instanceof HostKeyError;
    return { host, status: unreachable ? 'unreachable' : 'error', error: (error as Error).message };
  }
  const report: HostReport = { host, status: 'diagnosed' };
  try {
    const d = await diagnoseHost(device, options.clock ? { clock: options.clock } : {});
    report.diagnosis = { cause: d.cause, summary: d.summary, evidence: d.evidence, remedy: d.remedy, steps: d.steps };
    const smart = d.gathered.status?.transport?.type === 'smart';
    if (options.capture && smart) {
      report.capture = await runCapture(device, probeTarget(d.gathered.status, d.gathered.config), {
        host,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.captureWaitMs !== undefined ? { waitMs: options.captureWaitMs } : {}),
      });
    }
    if (options.debugSeconds !== undefined && smart) report.debugs = await runDebugs(device, options.debugSeconds, options.clock);
  } catch (error) {
    report.status = 'error';
    report.error = (error as Error).message;
  } finally {
    await device.close().catch(() => undefined);
  }
  return report;
}

/** Diagnoses every host, at most `forks` at a time; the reports keep the order of `hosts`. */
export async function diagnoseFleet(
  hosts: readonly string[],
  connect: (host: string) => Promise<Device>,
  options: FleetDiagnoseOptions = {},
): Promise<HostReport[]> {
  const reports: HostReport[] = new Array(hosts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const i = next++;
      reports[i] = await diagnoseOne(hosts[i]!, () => connect(hosts[i]!), options);
    }
  };
  const forks = Math.max(1, Math.min(options.forks ?? DEFAULT_FORKS, hosts.length));
  await Promise.all(Array.from({ length: forks }, worker));
  return reports;
}

/** 0 all healthy, 4 some host unreachable, 2 some cause found (or a host broke midway). */
export function diagnoseExitCode(reports: readonly HostReport[]): number {
  if (reports.some((r) => r.status === 'unreachable')) return 4;
  if (reports.some((r) => r.status === 'error' || r.diagnosis?.cause !== 'healthy')) return 2;
  return 0;
}
