/**
 * Scripted per-host steps for runner unit tests: each host's outcome is data, so tests read as
 * "sw-b fails verify" instead of device transcripts. No network, no timers.
 */
import type { Device } from '../../../src/device/device';
import { TrustInstallError } from '../../../src/converge/apply';
import { UnreachableError, UnsupportedDeviceError } from '../../../src/errors';
import type { InventoryHost } from '../../../src/inventory/inventory';
import type { PlayHeader } from '../../../src/playbook/load-run';
import { Redactor } from '../../../src/redact';
import type { HostSteps, StepContext } from '../../../src/runner/host-steps';
import type { RunnerPlay } from '../../../src/runner/run-playbook';
import { emptyConvergeResult, planEnd, recordUnapplied, type HostConvergeResult } from '../../../src/converge/converge-host';
import type { StepRecorder } from '../../../src/steps/step-recorder';
import { verifyStep } from '../../../src/verify/verify-step';
import type { Plan } from '../../../src/converge/plan';
import type { Play } from '../../../src/schema/types.generated';

/** `converged-verify-fails`: nothing to change, and verify fails (a configured switch that does not report). */
export type Script = 'ok' | 'changed' | 'unreachable' | 'old' | 'trust-fails' | 'verify-fails' | 'converged-verify-fails' | { block: Promise<void>; then: Script };

export const PLAN: Plan = {
  state: 'replaced',
  lines: [{ line: 'license smart transport smart', kind: 'add', cause: 'slp.transport' }],
  commands: ['license smart transport smart'],
  sync: { action: 'skip', command: 'license smart sync all', cause: 'slp.sync' },
  save: { action: 'run', command: 'write memory', cause: 'save' },
  changed: true,
};
const TRUST_PLAN: Plan = { ...PLAN, trust: { action: 'install', scope: 'all', force: false, cause: 'slp.trust', reason: 'none' } };
export const NO_CHANGE: Plan = { ...PLAN, lines: [], commands: [], save: { ...PLAN.save, action: 'skip' }, changed: false };

export function host(name: string, password = 'S3cret-pass'): InventoryHost {
  return {
    name, groups: ['all'], vars: {},
    connection: { address: '127.0.0.1', port: 22, username: 'admin', password, enableSecret: 'En4ble-secret', hostKeyChecking: 'off', connectTimeoutMs: 1000, commandTimeoutMs: 1000 },
  };
}

export const DESIRED: Play = {
  name: 'p', hosts: 'all', slp: { transport: 'smart', trust: { token: 'Tok3n-abcdefghijklmnop' } },
  verify: [{ trust_installed: true }],
};

export function play(name: string, hosts: string[], extra: Partial<PlayHeader> = {}, index = 0): RunnerPlay {
  return { play: { index, name, pattern: 'all', save: true, ...extra }, hosts: hosts.map((h) => ({ host: host(h), desired: DESIRED })) };
}

export const ctx = (over: Partial<StepContext> = {}): StepContext => ({
  mode: 'run', check: false, diff: false, backupDir: 'unused', playbookDir: '.', redactor: new Redactor(['Tok3n-abcdefghijklmnop']), ...over,
});

/** Steps that follow `scripts[host]` (default 'changed') and record what ran, in order. */
export function fakeSteps(scripts: Record<string, Script>, log: string[] = []): HostSteps & { inFlight: () => number; maxInFlight: number } {
  let inFlight = 0;
  // Keyed by host, not stored on the device: the runner hands the steps its own wrapper of it.
  const resolved = new Map<string, Script>();
  const scriptOf = (device: Device): Script => resolved.get(device.info.host)!;
  const steps = {
    maxInFlight: 0,
    inFlight: () => inFlight,
    async connect(job: { host: InventoryHost }): Promise<Device> {
      const name = job.host.name;
      log.push(`connect ${name}`);
      let s = scripts[name] ?? 'changed';
      inFlight++;
      steps.maxInFlight = Math.max(steps.maxInFlight, inFlight);
      if (typeof s === 'object') {
        await s.block;
        s = s.then;
      }
      if (s === 'unreachable') {
        inFlight--;
        throw new UnreachableError(name, 'connection refused');
      }
      resolved.set(name, s);
      const device = {
        info: { host: name, prompt: '#', hostname: name },
        run: async () => { throw new Error('not scripted'); },
        configure: async () => [],
        drainEvents: () => [],
        close: async () => {
          inFlight--;
        },
      };
      return device as unknown as Device;
    },
    // Each fake step reports itself through the recorder, as the real engines do.
    async converge(device: Device, job: { host: InventoryHost }, c: StepContext, rec: StepRecorder): Promise<HostConvergeResult> {
      const s = scriptOf(device);
      const name = job.host.name;
      log.push(`converge ${name}`);
      const facts = { platform: 'C9300-48P', version: { raw: s === 'old' ? '17.03.05' : '17.09.04' } as never, hostname: name };
      const base: HostConvergeResult = { ...emptyConvergeResult(name, rec), facts };
      try {
        await rec.run('facts', async () => {
          if (s === 'old') throw new UnsupportedDeviceError(name, 'IOS XE 17.03.05 is older than 17.9.1');
        }, () => ({ status: 'ok', detail: 'C9300-48P IOS XE 17.09.04' }));
      } catch (error) {
        return { ...base, error: error as Error };
      }
      const converged = s === 'ok' || s === 'converged-verify-fails';
      const plan = converged ? NO_CHANGE : s === 'trust-fails' && !c.check ? TRUST_PLAN : PLAN;
      rec.record('plan', planEnd(plan));
      if (c.check || !plan.changed) {
        recordUnapplied(rec, plan, c.check);
        return { ...base, plan, changed: plan.changed };
      }
      const applied = ['license smart transport smart', 'write memory'];
      rec.record('apply', { status: 'changed', detail: 'pushed 1 line', commands: applied });
      if (s === 'trust-fails') {
        const error = new TrustInstallError(name, 'COMM_FAILED: Connection timed out');
        rec.record('trust', { status: 'failed', error, commands: ['license smart trust idtoken *** all'] });
        return { ...base, plan, applied, trust: { status: 'failed', reason: 'COMM_FAILED: Connection timed out', events: [] }, error };
      }
      rec.record('trust', { status: 'skipped', detail: 'not declared' });
      rec.record('sync', { status: 'skipped', detail: 'not needed' });
      return { ...base, plan, applied, changed: true, saved: true };
    },
    async verify(device: Device, _job: unknown, _c: StepContext, rec: StepRecorder, { wouldChange }: { wouldChange: boolean }) {
      const s = scriptOf(device);
      const fails = s === 'verify-fails' || s === 'converged-verify-fails';
      return verifyStep(rec, async () => [{ name: 'trust_installed', passed: !fails, message: fails ? 'member 2 has no trust code' : 'trust installed on 1/1', evidence: ['show license status: Trust Code Installed: <none>'] }], wouldChange);
    },
    confirm: (_d: Device, _p: Plan, rec: StepRecorder) =>
      rec.run('confirm', async () => ['configure confirm'], (sent) => ({ status: 'changed', detail: 'configure confirm', commands: sent })),
    async diagnose(_d: Device, job: { host: InventoryHost }, _c: StepContext, _f: unknown, rec: StepRecorder) {
      log.push(`diagnose ${job.host.name}`);
      const diagnosis = { cause: 'connection_timed_out', summary: 'TCP to smartreceiver.cisco.com:443 fails', evidence: ['telnet …: % Connection timed out'], remedy: 'Open TCP 443' };
      return rec.run('diagnose', async () => ({ diagnosis }), () => ({ status: 'ok', detail: diagnosis.cause }));
    },
  };
  return steps;
}
