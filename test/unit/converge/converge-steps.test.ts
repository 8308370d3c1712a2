/**
 * Converge reports each step itself as it runs (facts, plan, apply, trust, sync; confirm after a
 * rollback): which step failed, its error as data, the commands it sent, its own timing, and in
 * check mode what each step would do. Replaces the runner's after-the-fact classification.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convergeHost, type ConvergeOptions } from '../../../src/converge/converge-host';
import type { DesiredSlp } from '../../../src/converge/desired';
import { UnreachableError } from '../../../src/errors';
import { StepRecorder } from '../../../src/steps/step-recorder';
import type { StepResult } from '../../../src/steps/step-result';
import { FakeDevice } from '../../helpers/fake-device';
import { fakeClock } from '../../helpers/fake-clock';

const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQz';
const DESIRED: DesiredSlp = {
  transport: 'smart',
  url: 'default',
  http_client_source_interface: 'vlan10',
  proxy: { address: '192.168.217.105', port: 80 },
  trust: { token: TOKEN, scope: 'all' },
  sync: true,
};
const NO_TRUST: DesiredSlp = { ...DESIRED, trust: undefined };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'slp-steps-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A recorder on a clock that moves 5 ms per look, and the events it emitted, in order. */
function recording(): { steps: StepRecorder; events: string[] } {
  let t = 1000;
  const events: string[] = [];
  const steps = new StepRecorder({
    start: (s) => void events.push(`start ${s}`),
    end: (r) => void events.push(`end ${r.step} ${r.status}`),
  }, () => (t += 5), 1000);
  return { steps, events };
}

const opts = (over: ConvergeOptions = {}): ConvergeOptions => ({
  host: 'sw-a1', backupDir: dir, clock: fakeClock(), trustTimeoutMs: 10_000, syncTimeoutMs: 10_000, pollMs: 1_000, ...over,
});
const summary = (steps: readonly StepResult[]): [string, string, string | undefined][] => steps.map((s) => [s.step, s.status, s.detail]);

describe('converge steps as they run', () => {
  it('day 0: each step with its own commands and timing, start and end in the order they ran', async () => {
    const { steps, events } = recording();
    const result = await convergeHost(new FakeDevice({ members: 2 }), DESIRED, opts({ steps }));
    expect(result.error).toBeUndefined();
    const n = result.plan!.commands.length;
    expect(summary(result.steps)).toEqual([
      ['facts', 'ok', 'C9300-48UN IOS XE 17.09.04'],
      ['plan', 'ok', `${n} lines to change`],
      ['apply', 'changed', `pushed ${n} lines`],
      ['trust', 'changed', 'installed'],
      ['sync', 'ok', expect.stringMatching(/^reported \(/)],
    ]);
    const [facts, plan, apply, trust, sync] = result.steps;
    expect(facts!.commands).toEqual([]);
    expect(plan!.commands).toEqual([]);
    // The save belongs to apply; it runs last so a failed trust or sync would leave it unsaved.
    expect(apply!.commands).toEqual([...result.plan!.commands, 'write memory']);
    expect(trust!.commands).toEqual(['license smart trust idtoken *** all']);
    expect(sync!.commands).toEqual(['license smart sync all']);
    expect(JSON.stringify(result.steps)).not.toContain(TOKEN);
    for (const s of result.steps) expect(s.ms).toBeGreaterThan(0);
    expect(result.steps.map((s) => s.startedAt)).toEqual([...result.steps.map((s) => s.startedAt)].sort((a, b) => a - b));
    expect(events).toEqual([
      'start facts', 'end facts ok', 'start plan', 'end plan ok', 'start apply', 'end apply changed',
      'start trust', 'end trust changed', 'start sync', 'end sync ok',
    ]);
    expect(result.steps).toBe(steps.steps);
  });

  it('check mode: what each step would do, nothing sent', async () => {
    const device = new FakeDevice({ members: 1 });
    const result = await convergeHost(device, DESIRED, opts({ check: true }));
    const n = result.plan!.commands.length;
    expect(summary(result.steps)).toEqual([
      ['facts', 'ok', 'C9300-48UN IOS XE 17.09.04'],
      ['plan', 'ok', `${n} lines to change`],
      ['apply', 'changed', `would push ${n} lines`],
      ['trust', 'changed', 'would install'],
      ['sync', 'ok', 'would sync'],
    ]);
    expect(result.steps.flatMap((s) => s.commands)).toEqual([]);
    expect(device.log.filter((l) => l.mode === 'config')).toEqual([]);
  });

  it('a converged host: nothing to push, trust already installed, no sync needed', async () => {
    const device = new FakeDevice({ members: 1 });
    await convergeHost(device, DESIRED, opts());
    const again = await convergeHost(device, DESIRED, opts());
    expect(summary(again.steps)).toEqual([
      ['facts', 'ok', 'C9300-48UN IOS XE 17.09.04'],
      ['plan', 'ok', 'nothing to change'],
      ['apply', 'ok', 'nothing to push'],
      ['trust', 'ok', 'already installed'],
      ['sync', 'skipped', 'not needed'],
    ]);
  });

  it('an unsupported release fails the facts step, and nothing after it runs', async () => {
    const result = await convergeHost(new FakeDevice({ version: '17.03.05' }), DESIRED, opts());
    expect(summary(result.steps)).toEqual([['facts', 'failed', expect.stringMatching(/^sw-a1: unsupported device: IOS XE 17.03.05/)]]);
    expect(result.steps[0]!.error).toEqual({ name: 'UnsupportedDeviceError', code: 'ERR_UNSUPPORTED', message: result.error!.message });
  });

  it('a rejected line fails the apply step with the device message; the lines sent are its commands', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'], rejectLine: 'ip http client' });
    const result = await convergeHost(device, NO_TRUST, opts());
    expect(summary(result.steps).map(([s, st]) => [s, st])).toEqual([['facts', 'ok'], ['plan', 'ok'], ['apply', 'failed']]);
    const apply = result.steps[2]!;
    expect(apply.error).toMatchObject({ name: 'CommandRejectedError', message: 'fake: "% Invalid input detected" after "ip http client source-interface Vlan10"' });
    expect(apply.detail).toBe(apply.error!.message);
    expect(apply.commands).toEqual(result.applied);
    expect(apply.commands.at(-1)).toBe('ip http client source-interface Vlan10');
  });

  it('a failed trust install fails the trust step; apply stays changed and is not saved', async () => {
    const result = await convergeHost(new FakeDevice({ trustFailure: 'Connection timed out' }), DESIRED, opts());
    expect(summary(result.steps)).toEqual([
      ['facts', 'ok', 'C9300-48UN IOS XE 17.09.04'],
      ['plan', 'ok', expect.any(String)],
      ['apply', 'changed', expect.stringMatching(/^pushed \d+ lines$/)],
      ['trust', 'failed', expect.stringMatching(/^sw-a1: trust install failed: no trust code newer than the command .* within 10 s; last attempt: COMM_FAILED: Connection timed out \(the agent retries it\)$/)],
    ]);
    expect(result.steps[2]!.commands).not.toContain('write memory');
    expect(result.steps[3]!).toMatchObject({ error: { name: 'TrustInstallError', code: 'ERR_TRUST' }, commands: ['license smart trust idtoken *** all'] });
  });

  it('a lost session whose reconnect is refused: the apply step is unreachable', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'], loseSessionAt: { line: 'ip http client', as: 'disconnect' } });
    const result = await convergeHost(device, NO_TRUST, opts({ reconnect: async () => { throw new UnreachableError('sw-a1', 'connect ECONNREFUSED 127.0.0.1:22'); } }));
    expect(result.steps.at(-1)).toMatchObject({ step: 'apply', status: 'unreachable', error: { name: 'RollbackError' } });
  });
});

describe('a failed "configure confirm" after a rollback', () => {
  const refuseConfirm = (device: FakeDevice): void => {
    const run = device.run.bind(device);
    device.run = async (command, o) => {
      if (command === 'configure confirm') throw new Error('% Configuration confirm failed');
      return run(command, o);
    };
  };

  it('is recorded as a failed confirm step after the failed apply, not swallowed; the host error stays the push\'s', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome', 'archive'], rejectLine: 'ip http client' });
    refuseConfirm(device);
    const result = await convergeHost(device, NO_TRUST, opts({ play: { revert_timer: 5 } }));
    expect(result.rollback).toBeDefined();
    expect(summary(result.steps).map(([s, st]) => [s, st])).toEqual([['facts', 'ok'], ['plan', 'ok'], ['apply', 'failed'], ['confirm', 'failed']]);
    expect(result.steps[3]!.error).toEqual({
      name: 'ConfirmAfterRollbackError', code: 'ERR_CONFIRM',
      message: 'sw-a1: "configure confirm" after the rollback failed (% Configuration confirm failed); the revert timer (5 min) still runs and will restore the configuration from before the push',
    });
    expect(result.error?.name).toBe('CommandRejectedError');
  });

  it('is recorded too when the rollback ran on a new session after the first was lost', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome', 'archive'], loseSessionAt: { line: 'ip http client', as: 'disconnect' } });
    const reconnect = async (): Promise<FakeDevice> => {
      const fresh = device.reopen();
      refuseConfirm(fresh);
      return fresh;
    };
    const result = await convergeHost(device, NO_TRUST, opts({ play: { revert_timer: 5 }, reconnect }));
    expect(result.error?.name).toBe('PushInterruptedError');
    expect(result.steps.at(-1)).toMatchObject({ step: 'confirm', status: 'failed', error: { name: 'ConfirmAfterRollbackError' } });
  });
});
