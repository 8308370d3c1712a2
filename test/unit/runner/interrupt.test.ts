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

describe('signals and waits', () => {
  it('keeps a session with debugs on open through the abandon until `undebug all` went out, then closes it', async () => {
    const log: string[] = [];
    const interrupt = new Interrupt();
    const { device } = session('dbg', log);
    const tracked = interrupt.track({ ...device, run: async (command, o) => (log.push(`dbg: ${command}`), device.run(command, o)) });
    await tracked.run('debug ip http client all');
    interrupt.request();
    interrupt.request();
    await tick();
    expect(log).toEqual(['dbg: debug ip http client all']);
    await tracked.run('undebug all');
    expect(log).toEqual(['dbg: debug ip http client all', 'dbg: undebug all', 'dbg: closed']);
  });

  it('aborts the stop signal on the first request and the abandon signal on the second, with the source named', () => {
    const interrupt = new Interrupt();
    interrupt.request('SIGTERM');
    expect([interrupt.stopSignal.aborted, interrupt.signal.aborted]).toEqual([true, false]);
    expect((interrupt.stopSignal.reason as Error).message).toBe('cut short by SIGTERM');
    interrupt.request('SIGHUP');
    expect(interrupt.signal.aborted).toBe(true);
    expect(interrupt.abandonReason).toBe('abandoned after a second interrupt, SIGHUP');
  });

  it('routes SIGINT, SIGTERM and SIGHUP to itself while listening, and no longer after', () => {
    const { EventEmitter } = require('node:events') as typeof import('node:events');
    const proc = new EventEmitter() as unknown as NodeJS.Process;
    const interrupt = new Interrupt();
    const stop = interrupt.listen(proc);
    proc.emit('SIGHUP');
    expect([interrupt.stage, interrupt.by]).toEqual(['stop', 'SIGHUP']);
    proc.emit('SIGTERM');
    expect([interrupt.stage, interrupt.by]).toEqual(['abandon', 'SIGTERM']);
    stop();
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => proc.listenerCount(s))).toEqual([0, 0, 0]);
  });
});
