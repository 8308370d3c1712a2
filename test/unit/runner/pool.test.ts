import { runPooled, Slots, defaultMaxSessions } from '../../../src/runner/pool';

/** A wait the test ends by hand, so the order of events does not depend on timers. */
function manualWaits(): { wait: (ms: number) => Promise<void>; pending: (() => void)[] } {
  const pending: (() => void)[] = [];
  return { wait: () => new Promise<void>((resolve) => pending.push(resolve)), pending };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('with one fork, a host that waits lets the next host start; both finish', async () => {
  const log: string[] = [];
  const { wait, pending } = manualWaits();
  const done = runPooled(['a', 'b'], { forks: 1, maxSessions: 4 }, async (host, slot) => {
    log.push(`${host} start`);
    await slot.idle(1000);
    log.push(`${host} resumed`);
  }, () => true, () => undefined, wait);
  await tick();
  // a is waiting without its fork: b has started.
  expect(log).toEqual(['a start', 'b start']);
  pending.shift()!();
  await tick();
  expect(log).toEqual(['a start', 'b start', 'a resumed']);
  pending.shift()!();
  await done;
  expect(log).toEqual(['a start', 'b start', 'a resumed', 'b resumed']);
});

test('max sessions bounds hosts in progress, waiting ones included', async () => {
  const log: string[] = [];
  const { wait, pending } = manualWaits();
  const done = runPooled(['a', 'b', 'c'], { forks: 1, maxSessions: 2 }, async (host, slot) => {
    log.push(`${host} start`);
    await slot.idle(1000);
    log.push(`${host} end`);
  }, () => true, () => undefined, wait);
  await tick();
  expect(log).toEqual(['a start', 'b start']);
  pending.shift()!();
  await tick();
  // a finished, so its session is free: c starts.
  expect(log).toEqual(['a start', 'b start', 'a end', 'c start']);
  pending.shift()!();
  pending.shift()!();
  await done;
  expect(log.slice(4).sort()).toEqual(['b end', 'c end']);
});

test('without waits, forks still bound the hosts working at once, in order', async () => {
  let inFlight = 0;
  let most = 0;
  const order: number[] = [];
  await runPooled([1, 2, 3, 4, 5, 6, 7], { forks: 3, maxSessions: 12 }, async (n) => {
    order.push(n);
    inFlight++;
    most = Math.max(most, inFlight);
    await tick();
    inFlight--;
  });
  expect(most).toBe(3);
  expect(order).toEqual([1, 2, 3, 4, 5, 6, 7]);
});

test('a host coming back from a wait is served before one that has not started', async () => {
  const slots = new Slots(1);
  await slots.acquire();
  const got: string[] = [];
  void slots.acquire().then(() => got.push('new'));
  void slots.acquire(true).then(() => got.push('resuming'));
  slots.release();
  await tick();
  expect(got).toEqual(['resuming']);
});

test('after Ctrl-C no new host starts: the rest are handed back as not started', async () => {
  const started: string[] = [];
  const skipped: string[] = [];
  let stop = false;
  await runPooled(['a', 'b', 'c'], { forks: 1, maxSessions: 3 }, async (host) => {
    started.push(host);
    stop = true;
  }, () => !stop, (h) => skipped.push(h));
  expect(started).toEqual(['a']);
  expect(skipped).toEqual(['b', 'c']);
});

test('default max sessions: four per fork, at most 1000, never fewer than forks', () => {
  expect(defaultMaxSessions(50)).toBe(200);
  expect(defaultMaxSessions(400)).toBe(1000);
  expect(defaultMaxSessions(2000)).toBe(2000);
});

test('an abandoned idle wait ends at once and leaves no timer behind, so a cancelled run can exit', async () => {
  const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const controller = new AbortController();
  let ended: unknown;
  await runPooled(['a'], { forks: 1, maxSessions: 1 }, async (_host, slot) => {
    const waiting = slot.idle(600_000, controller.signal).catch((error: unknown) => (ended = error));
    expect(timers()).toBe(before + 1);
    controller.abort(new Error('SIGTERM'));
    await waiting;
  });
  expect((ended as Error).name).toBe('AbortError'); // at once; the clock above names the reason
  // A 10-minute debug window cut by SIGTERM used to keep node alive until it ran out.
  expect(timers()).toBe(before);
});
