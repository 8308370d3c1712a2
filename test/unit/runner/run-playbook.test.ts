import { runPlaybook } from '../../../src/runner/run-playbook';
import { runExitCode } from '../../../src/results/exit-code';
import { Interrupt } from '../../../src/runner/interrupt';
import type { RunEvent } from '../../../src/results/run-events';
import { ctx, fakeSteps, play, type Script } from './fake-steps';

let clock = 0;
const now = (): number => clock++;

const statuses = (run: Awaited<ReturnType<typeof runPlaybook>>): Record<string, string>[] =>
  run.plays.map((p) => Object.fromEntries(p.hosts.map((h) => [h.host, h.status])));

const batches = (events: RunEvent[]): string[][] =>
  events.flatMap((e) => (e.type === 'batch-start' ? [e.hosts] : []));

describe('runPlaybook', () => {
  it('accounts for every host: changed, ok, failed at the gate, unreachable', async () => {
    const steps = fakeSteps({ a: 'changed', b: 'ok', c: 'old', d: 'unreachable' });
    const run = await runPlaybook([play('day0', ['a', 'b', 'c', 'd'])], { steps, ctx: ctx(), now });
    expect(statuses(run)).toEqual([{ a: 'changed', b: 'ok', c: 'failed', d: 'unreachable' }]);
    const c = run.plays[0]!.hosts[2]!;
    expect(c.error).toEqual({ name: 'UnsupportedDeviceError', code: 'ERR_UNSUPPORTED', message: 'c: unsupported device: IOS XE 17.03.05 is older than 17.9.1', step: 'facts' });
    expect(c.diagnosis).toBeUndefined();
    expect(runExitCode(run)).toBe(4);
  });

  it('runs serial batches in order and shows them in the events', async () => {
    const run = await runPlaybook([play('p', ['a', 'b', 'c', 'd', 'e'], { serial: 2 })], { steps: fakeSteps({}), ctx: ctx(), now });
    expect(batches(run.events)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    const order = run.events.filter((e) => e.type === 'host-end').map((e) => (e as { host: string }).host);
    expect(order.slice(0, 2).sort()).toEqual(['a', 'b']);
    expect(order.slice(4)).toEqual(['e']);
    expect(run.plays[0]!.hosts.map((h) => h.batch)).toEqual([1, 1, 2, 2, 3]);
  });

  it('serial as a percentage rounds down, at least one host', async () => {
    const run = await runPlaybook([play('p', ['a', 'b', 'c'], { serial: '50%' })], { steps: fakeSteps({}), ctx: ctx(), now });
    expect(batches(run.events)).toEqual([['a'], ['b'], ['c']]);
  });

  it('stops further batches and plays when max_fail_percentage is exceeded, reporting the rest skipped', async () => {
    const steps = fakeSteps({ a: 'trust-fails', b: 'changed' });
    const run = await runPlaybook(
      [play('first', ['a', 'b', 'c', 'd'], { serial: 2, max_fail_percentage: 40 }), play('second', ['c', 'd'], {}, 1)],
      { steps, ctx: ctx(), now },
    );
    expect(statuses(run)).toEqual([{ a: 'failed', b: 'changed', c: 'skipped', d: 'skipped' }, { c: 'skipped', d: 'skipped' }]);
    expect(run.plays[0]!.stopped).toBe('not run: max_fail_percentage 40% exceeded: 1/2 hosts of the batch failed (50%) in batch 1 of play "first"');
    expect(run.plays[0]!.hosts[2]!.skipReason).toBe(run.plays[0]!.stopped);
    expect(run.plays[1]!.hosts[0]!.skipReason).toBe('not run: play "first" stopped (max_fail_percentage 40% exceeded: 1/2 hosts of the batch failed (50%))');
    expect(batches(run.events)).toEqual([['a', 'b']]);
  });

  it('goes on while the failed share stays within max_fail_percentage', async () => {
    const run = await runPlaybook([play('p', ['a', 'b', 'c', 'd'], { serial: 2, max_fail_percentage: 50 })], { steps: fakeSteps({ a: 'trust-fails' }), ctx: ctx(), now });
    expect(statuses(run)).toEqual([{ a: 'failed', b: 'changed', c: 'changed', d: 'changed' }]);
    expect(runExitCode(run)).toBe(2);
  });

  it('leaves a host that failed out of later plays, as Ansible does', async () => {
    const log: string[] = [];
    const run = await runPlaybook([play('one', ['a', 'b']), play('two', ['a', 'b'], {}, 1)], { steps: fakeSteps({ a: 'unreachable' }, log), ctx: ctx(), now });
    expect(statuses(run)).toEqual([{ a: 'unreachable', b: 'changed' }, { a: 'skipped', b: 'changed' }]);
    expect(run.plays[1]!.hosts[0]!.skipReason).toBe('not run: unreachable in play "one"');
    expect(log.filter((l) => l.startsWith('connect a'))).toHaveLength(1);
  });

  it('never has more than --forks hosts in flight', async () => {
    const steps = fakeSteps({});
    await runPlaybook([play('p', Array.from({ length: 12 }, (_, i) => `h${i}`))], { steps, ctx: ctx(), forks: 3, now });
    expect(steps.maxInFlight).toBe(3);
  });

  it('on Ctrl-C starts no new host, lets the running one finish, and reports the rest skipped', async () => {
    let release!: () => void;
    const block = new Promise<void>((r) => (release = r));
    const interrupt = new Interrupt();
    const scripts: Record<string, Script> = { a: { block, then: 'changed' } };
    const running = runPlaybook([play('p', ['a', 'b', 'c'])], { steps: fakeSteps(scripts), ctx: ctx(), forks: 1, interrupt, now });
    await new Promise((r) => setImmediate(r));
    expect(interrupt.request()).toBe('stop');
    release();
    const run = await running;
    expect(statuses(run)).toEqual([{ a: 'changed', b: 'skipped', c: 'skipped' }]);
    expect(run.plays[0]!.hosts[1]!.skipReason).toBe('interrupted (Ctrl-C) before it started');
    expect(run.interrupted).toBe('stop');
    expect(runExitCode(run)).toBe(1);
  });

  it('diagnoses a host whose verification failed, and reports the failed assertion', async () => {
    const log: string[] = [];
    const run = await runPlaybook([play('p', ['a', 'b'])], { steps: fakeSteps({ a: 'verify-fails' }, log), ctx: ctx(), now });
    const a = run.plays[0]!.hosts[0]!;
    expect(a.status).toBe('failed');
    expect(a.checks).toEqual([{ name: 'trust_installed', passed: false, message: 'member 2 has no trust code', evidence: ['show license status: Trust Code Installed: <none>'] }]);
    expect(a.diagnosis?.cause).toBe('connection_timed_out');
    expect(log).toContain('diagnose a');
    expect(log).not.toContain('diagnose b');
  });

  it('in check mode, verify failures on a host that would change are reported as not applicable; on a converged host they fail it', async () => {
    const steps = fakeSteps({ a: 'verify-fails', b: 'converged-verify-fails', c: 'ok' });
    const run = await runPlaybook([play('p', ['a', 'b', 'c'])], { steps, ctx: ctx({ check: true }), now });
    expect(statuses(run)).toEqual([{ a: 'changed', b: 'failed', c: 'ok' }]);
    const [a, b] = run.plays[0]!.hosts;
    const failedCheck = { name: 'trust_installed', passed: false, message: 'member 2 has no trust code', evidence: ['show license status: Trust Code Installed: <none>'] };
    expect(a!.checks).toEqual([{ ...failedCheck, notApplicable: 'check mode: the host would change; expected to fail before the change' }]);
    expect(a!.steps.at(-1)).toEqual({ step: 'verify', status: 'skipped', startedAt: expect.any(Number), ms: expect.any(Number), commands: [], detail: '1/1 not applicable (would change; expected to fail before the change): trust_installed' });
    expect(a!.diagnosis).toBeUndefined();
    expect(b!.checks).toEqual([failedCheck]);
    expect(b!.steps.find((s) => s.step === 'verify')).toMatchObject({ status: 'failed', detail: '1/1 failed: trust_installed' });
    expect(runExitCode(run)).toBe(2);
    // Without the converged host failing, the would-change host alone exits 0.
    const onlyA = await runPlaybook([play('p', ['a'])], { steps: fakeSteps({ a: 'verify-fails' }), ctx: ctx({ check: true }), now });
    expect(runExitCode(onlyA)).toBe(0);
    // Outside check mode the same failures fail the host.
    const applied = await runPlaybook([play('p', ['a'])], { steps: fakeSteps({ a: 'verify-fails' }), ctx: ctx(), now });
    expect(statuses(applied)).toEqual([{ a: 'failed' }]);
  });

  it('in check mode reports would-be changes as changed and pushes nothing', async () => {
    const run = await runPlaybook([play('p', ['a', 'b'])], { steps: fakeSteps({ b: 'ok' }), ctx: ctx({ check: true }), now });
    const [a, b] = run.plays[0]!.hosts;
    expect([a!.status, b!.status]).toEqual(['changed', 'ok']);
    expect(a!.commands).toEqual([]);
    expect(a!.steps.map((s) => [s.step, s.status, s.detail])).toEqual([
      ['connect', 'ok', undefined],
      ['facts', 'ok', 'C9300-48P IOS XE 17.09.04'],
      ['plan', 'ok', '1 line to change'],
      ['apply', 'changed', 'would push 1 line'],
      ['trust', 'skipped', 'not declared'],
      ['sync', 'skipped', 'not needed'],
      ['verify', 'ok', '1 passed'],
    ]);
  });
});
