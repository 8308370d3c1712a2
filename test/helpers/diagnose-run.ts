/**
 * `slp diagnose` as the runner runs it (mode 'diagnose', the real diagnose step), with the
 * connection handed in: tests connect to the simulated lab or a scripted device.
 */
import { diagnosePlay } from '../../src/commands/diagnose';
import type { Device } from '../../src/device/device';
import type { InventoryHost } from '../../src/inventory/inventory';
import { Redactor } from '../../src/redact';
import type { HostResult } from '../../src/results/host-result';
import type { RunResult } from '../../src/results/run-result';
import { defaultSteps } from '../../src/runner/default-steps';
import type { StepContext } from '../../src/runner/host-steps';
import { runPlaybook } from '../../src/runner/run-playbook';

function inventoryHost(name: string): InventoryHost {
  return {
    name, groups: ['all'], vars: {},
    connection: { address: '127.0.0.1', port: 22, username: 'admin', hostKeyChecking: 'off', connectTimeoutMs: 5000, commandTimeoutMs: 5000 },
  };
}

export async function diagnoseRun(
  names: readonly string[],
  connect: (host: string) => Promise<Device>,
  extras: StepContext['diagnose'] = {},
  forks = 5,
): Promise<RunResult> {
  const steps = { ...defaultSteps(), connect: (job: { host: InventoryHost }) => connect(job.host.name) };
  const ctx: StepContext = { mode: 'diagnose', check: false, diff: false, backupDir: 'unused', playbookDir: '.', redactor: new Redactor(), diagnose: extras };
  return runPlaybook([diagnosePlay(names.map(inventoryHost), 'all')], { steps, ctx, forks });
}

/** One host's result. */
export async function diagnoseOneHost(name: string, connect: () => Promise<Device>, extras: StepContext['diagnose'] = {}): Promise<HostResult> {
  return (await diagnoseRun([name], connect, extras)).plays[0]!.hosts[0]!;
}
