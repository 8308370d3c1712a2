/**
 * A Device that answers each command from a script (command → output text), for unit tests of
 * verify/diagnose with the real parsers. A list answers successive calls in turn (the last one
 * repeats); a function computes the answer; an Error is thrown. Unknown commands are rejected as
 * IOS would, so a test notices a command it did not expect.
 */
import { CommandRejectedError } from '../../src/errors';
import type { CommandResult, Device, DeviceEvent } from '../../src/device/device';

export type Reply = string | Error | ((call: number) => string | Error);

export class ScriptedDevice implements Device {
  readonly info = { host: 'sw1', prompt: 'Switch#', hostname: 'Switch' };
  readonly log: string[] = [];
  events: DeviceEvent[] = [];
  private calls = new Map<string, number>();

  constructor(readonly script: Record<string, Reply | Reply[]>) {}

  async run(command: string): Promise<CommandResult> {
    this.log.push(command);
    const n = this.calls.get(command) ?? 0;
    this.calls.set(command, n + 1);
    const entry = this.script[command];
    if (entry === undefined) throw new CommandRejectedError('sw1', command, '% Invalid input detected', "% Invalid input detected at '^' marker.");
    const reply = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)]! : entry;
    const out = typeof reply === 'function' ? reply(n) : reply;
    if (out instanceof Error) throw out;
    return { command, output: out, raw: out, startedAt: new Date(0), elapsedMs: 0 };
  }

  async configure(): Promise<CommandResult[]> {
    throw new Error('ScriptedDevice does not configure');
  }

  drainEvents(): DeviceEvent[] {
    const e = this.events;
    this.events = [];
    return e;
  }

  async close(): Promise<void> {}
}
