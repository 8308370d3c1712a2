/** runVerify / runCheck: `within:` re-checks on an injected clock, names, false, unknown keys. */
import { runCheck, runVerify } from '../../../src/verify/verify';
import { ScriptedDevice } from '../../helpers/scripted-device';
import * as o from './outputs';

/** A clock that only moves when slept on, so "eventually" is tested without waiting. */
function fakeClock() {
  let t = o.NOW.getTime();
  const sleeps: number[] = [];
  return { sleeps, now: () => new Date(t), sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)) };
}

describe('within: (eventually)', () => {
  it('looks again until the assertion holds', async () => {
    const clock = fakeClock();
    const device = new ScriptedDevice({ 'show license history message': [o.HISTORY_EMPTY, o.HISTORY_NO_REPLY, o.HISTORY_ANSWERED] });
    const r = await runCheck(device, { history_has_response: true, within: '120s' }, { transport: 'smart' }, { clock, pollMs: 10_000 });
    expect(r).toMatchObject({ passed: true, attempts: 3, elapsedMs: 20_000 });
    expect(clock.sleeps).toEqual([10_000, 10_000]);
  });
  it('gives up when the budget is spent, never sleeping past it', async () => {
    const clock = fakeClock();
    const device = new ScriptedDevice({ 'show license history message': o.HISTORY_NO_REPLY });
    const r = await runCheck(device, { history_has_response: true, within: '25s' }, { transport: 'smart' }, { clock, pollMs: 10_000 });
    expect(r).toMatchObject({ passed: false, attempts: 4, elapsedMs: 25_000, message: 'none of 1 request(s) got a response (still failing after 25s, 4 looks)' });
    expect(clock.sleeps).toEqual([10_000, 10_000, 5_000]);
  });
  it('without within: one look, no sleep', async () => {
    const clock = fakeClock();
    const device = new ScriptedDevice({ 'show license history message': o.HISTORY_NO_REPLY });
    const r = await runCheck(device, { history_has_response: true }, { transport: 'smart' }, { clock });
    expect(r).toMatchObject({ passed: false, attempts: 1, elapsedMs: 0 });
    expect(clock.sleeps).toEqual([]);
  });
});

describe('runVerify', () => {
  it('runs every item in order, a failure does not stop the rest; names come from name: or the key', async () => {
    const device = new ScriptedDevice({
      'show license history message': o.HISTORY_NO_REPLY,
      'show license tech support': o.TECH_OK,
    });
    const results = await runVerify(device, {
      slp: { transport: 'smart' },
      verify: [{ history_has_response: true, name: 'CSSM answered' }, { trust_sync_ok: true }, { trust_installed: false }],
    }, { clock: fakeClock() });
    expect(results.map((r) => [r.name, r.passed])).toEqual([['CSSM answered', false], ['trust_sync_ok', true], ['trust_installed', true]]);
    expect(results[2]!.message).toBe('not checked (set to false)');
    expect(device.log).toEqual(['show license history message', 'show license tech support']);
  });
  it('items of one pass read each show once: they look at the same moment of the switch', async () => {
    const device = new ScriptedDevice({
      'show license status': o.STATUS_HEALTHY,
      'show license udi': o.UDI_STACK,
      'show clock': o.CLOCK_OK,
    });
    const results = await runVerify(device, {
      slp: { transport: 'smart' },
      verify: [{ trust_installed: true }, { last_ack_within_days: 30 }, { account_is: { smart_account: 'BU Production' } }, { trust_installed: true }],
    }, { clock: fakeClock() });
    expect(device.log).toEqual(['show license udi', 'show license status', 'show clock']);
    expect(results.map((r) => r.assertion)).toEqual(['trust_installed', 'last_ack_within_days', 'account_is', 'trust_installed']);
  });
  it('a second look under within: reads again, and the items after it see that reading', async () => {
    const clock = fakeClock();
    const device = new ScriptedDevice({ 'show license status': [o.STATUS_NO_TRUST, o.STATUS_STANDALONE_TRUSTED], 'show license udi': o.UDI_STANDALONE });
    const [first, second, third] = await runVerify(device, {
      slp: { transport: 'smart' },
      verify: [{ trust_installed: true }, { trust_installed: true, within: '60s' }, { trust_installed: true }],
    }, { clock, pollMs: 5_000 });
    expect([first!.passed, second!.passed, third!.passed]).toEqual([false, true, true]);
    expect(second!.attempts).toBe(2);
    expect(device.log.filter((c) => c === 'show license status')).toHaveLength(2);
  });
  it('an unknown assertion key fails that item', async () => {
    const [r] = await runVerify(new ScriptedDevice({}), { slp: { transport: 'smart' }, verify: [{ bogus: true } as never] });
    expect(r).toMatchObject({ name: 'bogus', passed: false, message: 'unknown assertion "bogus"' });
  });
});
