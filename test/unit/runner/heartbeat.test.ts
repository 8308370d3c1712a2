import { heartbeatLine } from '../../../src/runner/heartbeat';

describe('heartbeat line', () => {
  it('names five running hosts (longest waiting first), counts the rest per step, and the hosts not started', () => {
    const running = new Map([
      ['sw-1', { step: 'trust', since: 1_000 }],
      ['sw-2', { step: 'connect', since: 9_000 }],
      ['sw-3', { step: 'trust', since: 2_000 }],
      ['sw-4', { step: 'sync', since: 3_000 }],
      ['sw-5', { step: 'verify', since: 4_000 }],
      ['sw-6', { step: 'trust', since: 5_000 }],
      ['sw-7', { step: 'trust', since: 6_000 }],
      ['sw-8', { step: 'sync', since: 7_000 }],
    ]);
    expect(heartbeatLine({ play: 'Day-0', total: 20, done: 3, failed: 1, running }, 13_000)).toBe(
      '… [Day-0] 3/20 hosts done (1 failed); running 8: sw-1 trust 12 s, sw-3 trust 11 s, sw-4 sync 10 s, sw-5 verify 9 s, sw-6 trust 8 s, 3 more (trust ×1, sync ×1, connect ×1); 9 waiting to start',
    );
  });

  it('says when nothing runs and nothing waits', () => {
    expect(heartbeatLine({ play: 'p', total: 2, done: 2, failed: 0, running: new Map() }, 0)).toBe('… [p] 2/2 hosts done; none running');
  });
});
