/**
 * Device text is no longer redacted where it is read (it is parsed), so the progress display must
 * redact what it shows: a step's detail can carry a device's reply or an error quoting one.
 */
import { PassThrough } from 'node:stream';
import { executeRun } from '../../../src/runner/execute-run';
import { ctx, fakeSteps, play } from './fake-steps';

const SECRET = 'Tok3n-abcdefghijklmnop';

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (d: Buffer) => chunks.push(d));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => Buffer.concat(chunks).toString('utf8') };
}

test('a step detail carrying a secret is shown redacted on the progress lines', async () => {
  const base = fakeSteps({});
  const steps = {
    ...base,
    converge: async (): Promise<never> => {
      throw new Error(`the device answered "${SECRET}"`);
    },
  };
  const out = capture();
  const err = capture();
  await executeRun({
    plays: [play('p', ['sw-a'])],
    steps,
    ctx: ctx(),
    meta: { command: 'run', playbook: 'p.yaml', inventory: 'i.yaml', toolVersion: 'test', diff: false },
    env: {},
    stdout: out.stream,
    stderr: err.stream,
  });
  expect(err.text()).toContain('the device answered "***"');
  expect(err.text() + out.text()).not.toContain(SECRET);
});
