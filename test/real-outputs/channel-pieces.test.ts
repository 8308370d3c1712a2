/**
 * Every real capture (../shared/real-outputs) read through the prompt layer as a switch's TCP
 * segments would bring it (1,460 bytes), and in 7-byte pieces, reads exactly as in one piece: the
 * same output and the same syslog events. The prompt layer keeps finished lines apart from the
 * line still arriving (src/device/channel.ts); this is the same check as
 * test/unit/device/channel-pieces.test.ts, on real text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND, readInPieces } from '../helpers/piece-shell';
import { describeRequiring, requireShared, sharedPath } from '../helpers/requires';

const ROOT = sharedPath('real-outputs');

function captures(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(ROOT, d.name)).filter((f) => f.endsWith('.txt')).map((f) => join(d.name, f)));
}

const every = (size: number, length: number): number[] => Array.from({ length: Math.ceil(length / size) }, (_, i) => (i + 1) * size);

describeRequiring([requireShared('real-outputs')])('real captures read through the prompt layer in pieces', () => {
  it('finds the captures', () => {
    expect(captures().length).toBeGreaterThan(10);
  });

  it.each(captures())('%s: in TCP segments and in 7-byte pieces as in one piece', async (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/\r?\n/g, '\r\n');
    const reply = `${COMMAND}\r\n${text}\r\nSwitch#`;
    const length = Buffer.byteLength(reply);
    const whole = await readInPieces(reply, []);
    expect(whole.output.length).toBeGreaterThan(0);
    for (const size of [1460, 7]) {
      const cut = await readInPieces(reply, every(size, length));
      expect(cut.output).toBe(whole.output);
      expect(cut.events).toEqual(whole.events);
    }
  });
});
