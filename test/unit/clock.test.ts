import { abortableClock, SYSTEM_CLOCK, type Clock } from '../../src/clock';

describe('abortableClock', () => {
  it('ends a sleep of the system clock at once when the signal aborts, with the signal\'s reason', async () => {
    const controller = new AbortController();
    const clock = abortableClock(SYSTEM_CLOCK, controller.signal);
    const sleeping = clock.sleep(600_000);
    controller.abort(new Error('abandoned'));
    await expect(sleeping).rejects.toThrow('abandoned');
    await expect(clock.sleep(1)).rejects.toThrow('abandoned');
  });

  it('races any other clock\'s sleep against the signal', async () => {
    const never: Clock = { now: () => new Date(0), sleep: () => new Promise(() => undefined) };
    const controller = new AbortController();
    const sleeping = abortableClock(never, controller.signal).sleep(10);
    controller.abort(new Error('cut short'));
    await expect(sleeping).rejects.toThrow('cut short');
  });

  it('is the clock itself without a signal', () => {
    expect(abortableClock(SYSTEM_CLOCK, undefined)).toBe(SYSTEM_CLOCK);
  });
});
