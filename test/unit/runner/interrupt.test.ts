import { CommandResult, type Device } from '../../../src/device/device';
import { Interrupt } from '../../../src/runner/interrupt';

/** A session that records what happened to it; its configure() waits until released. */
function session(name: string, log: string[]): { device: Device; releasePush: () => void } {
  let releasePush!: () => void;
  const push = new Promise<void>((r) => (releasePush = r));
  const device: Device = {
    info: { host: name, prompt: `${name}#`, hostname: name },
    run: async (command) => new CommandResult({ host: name, command, output: '', raw: '', startedAt: new Date(0), elapsedMs: 0 }),
    configure: async () => {
      log.push(`${name}: configure started`);
      await push;
      log.push(`${name}: end (left config mode)`);
      return [];
    },
    drainEvents: () => [],
    close: async () => {
      log.push(`${name}: closed`);
    },
  };
  return { device, releasePush };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('Ctrl-C twice (abandon)', () => {
  it('closes idle sessions at once and a pushing one only after its push has left config mode', async () => {
    const log: string[] = [];
    const interrupt = new Interrupt();
    const idle = interrupt.track(session('idle', log).device);
    const busy = session('busy', log);
    const pushing = interrupt.track(busy.device).configure(['license smart transport smart']);
    expect(interrupt.request()).toBe('stop');
    await tick();
    expect(log).toEqual(['busy: configure started']);
    expect(interrupt.request()).toBe('abandon');
    await tick();
    expect(log).toEqual(['busy: configure started', 'idle: closed']);
    busy.releasePush();
    await pushing;
    expect(log).toEqual(['busy: configure started', 'idle: closed', 'busy: end (left config mode)', 'busy: closed']);
    expect(idle.info.host).toBe('idle');
  });

  it('closes a session that connects after the abandon, and leaves an untracked one alone', async () => {
    const log: string[] = [];
    const interrupt = new Interrupt();
    const done = interrupt.track(session('done', log).device);
    interrupt.untrack(done);
    interrupt.request();
    interrupt.request();
    interrupt.track(session('late', log).device);
    await tick();
    expect(log).toEqual(['late: closed']);
  });
});
