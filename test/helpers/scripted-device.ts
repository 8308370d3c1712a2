/**
 * A Device that answers each command from a script (command → output text), for unit tests of
 * verify/diagnose with the real parsers. A list answers successive calls in turn (the last one
 * repeats); a function computes the answer; an Error is thrown; a Rejected is a failed result.
 * Unknown commands are rejected as IOS would, so a test notices a command it did not expect.
 */
import { CommandResult, type CommandFailure, type Device, type DeviceEvent } from '../../src/device/device';

/** The device answered with a failure indicator (`% Bad IP address or host name`). */
export class Rejected {
  /** `output` is the whole reply; its first line starting with `indicator` is the failure line. */
  constructor(readonly indicator: string, readonly output: string) {}

  get failure(): CommandFailure {
    const line = this.output.split('\n').find((l) => l.startsWith(this.indicator)) ?? this.indicator;
    return { indicator: this.indicator, line };
  }
}

const UNKNOWN = new Rejected('% Invalid input detected', "% Invalid input detected at '^' marker.");

export type Reply = string | Error | Rejected | ((call: number) => string | Error | Rejected);

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
    const entry = this.script[command] ?? UNKNOWN;
    const reply = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)]! : entry;
    const out = typeof reply === 'function' ? reply(n) : reply;
    if (out instanceof Error) throw out;
    const [output, failure] = out instanceof Rejected ? [out.output, out.failure] : [out, undefined];
    return new CommandResult({ host: 'sw1', command, output, raw: output, startedAt: new Date(0), elapsedMs: 0, failure });
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
