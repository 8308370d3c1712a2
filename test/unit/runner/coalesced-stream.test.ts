import { PassThrough } from 'node:stream';
import { coalesceWrites } from '../../../src/runner/coalesced-stream';

test('lines written in one turn reach the stream as one write, in order', async () => {
  const target = new PassThrough();
  const writes: string[] = [];
  target.on('data', (d: Buffer) => writes.push(d.toString()));
  const { stream } = coalesceWrites(target as unknown as NodeJS.WriteStream);
  stream.write('a: connect ok\n');
  stream.write('a: facts ok\n');
  stream.write(Buffer.from('b: connect ok\n'));
  expect(writes).toEqual([]);
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  expect(writes).toEqual(['a: connect ok\na: facts ok\nb: connect ok\n']);
});

test('flush writes what is pending at once (before the recap)', () => {
  const target = new PassThrough();
  const { stream, flush } = coalesceWrites(target as unknown as NodeJS.WriteStream);
  stream.write('last line\n');
  flush();
  expect(target.read()?.toString()).toBe('last line\n');
});
