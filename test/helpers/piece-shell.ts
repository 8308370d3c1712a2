/**
 * A shell on an in-process stream that answers one command with a reply cut at chosen offsets,
 * each piece in its own turn of the event loop, read through the real prompt layer (Channel with
 * the IOS options): how TCP may cut what a switch sends.
 */
import { EventEmitter } from 'node:events';
import { iosChannelOptions } from '../../src/device';
import { Channel } from '../../src/device/channel';
import { Redactor } from '../../src/redact';

export const COMMAND = 'show license status';

/** A shell that answers COMMAND with `reply` cut at byte offsets `cuts`, each piece in its own turn. */
function fakeShell(reply: string, cuts: number[]) {
  let delivered!: () => void;
  const done = new Promise<void>((resolve) => (delivered = resolve));
  const bytes = Buffer.from(reply);
  // Bytes, as TCP cuts them: a piece may end inside a UTF-8 character.
  const bounds = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const stream = Object.assign(new EventEmitter(), {
    write(data: string): boolean {
      if (!data.startsWith(COMMAND)) return true;
      let from = 0;
      const pieces = [...bounds, bytes.length].map((b) => {
        const piece = bytes.subarray(from, b);
        from = b;
        return piece;
      });
      const next = (i: number): void => {
        if (i === pieces.length) return delivered();
        if (pieces[i]!.length) stream.emit('data', pieces[i]);
        setImmediate(() => next(i + 1));
      };
      setImmediate(() => next(0));
      return true;
    },
    end(): void {},
  });
  return { stream, done };
}

/** Reads `reply` (echo included) cut at byte offsets `cuts` (modulo its length): output and syslog events. */
export async function readInPieces(reply: string, cuts: number[]): Promise<{ output: string; events: string[] }> {
  const { stream, done } = fakeShell(reply, cuts);
  const channel = new Channel(stream, iosChannelOptions('sw1', new Redactor()));
  const exchange = await channel.exchange(COMMAND, { timeoutMs: 1_000, phase: 'command' });
  await done;
  return { output: exchange.output, events: channel.drainEvents().map((e) => e.raw) };
}

