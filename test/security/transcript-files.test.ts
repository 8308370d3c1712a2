/**
 * The --log-dir folder holds every session's text: it is 0700 like the 0600 files in it, and a
 * symbolic link where the folder or a file should be is refused, never written through.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectDevice } from '../../src/device';
import { SlpError } from '../../src/errors';
import { startTinyServer, type TinyServer } from '../helpers/tiny-ssh-server';
import { optionsFor, tmpDir } from '../integration/device/helpers';

let server: TinyServer;
beforeAll(async () => {
  server = await startTinyServer({ startPrivileged: true });
});
afterAll(() => server.close());

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

async function session(transcriptFile: string): Promise<void> {
  const d = await connectDevice(optionsFor(server, { transcriptFile }));
  await d.close();
}

it('creates the transcript folder 0700, and tightens an existing 0755 one', async () => {
  const fresh = join(tmpDir(), 'logs', 'nested');
  await session(join(fresh, 'sw-test.log'));
  expect([mode(fresh), mode(join(fresh, 'sw-test.log'))]).toEqual(['700', '600']);
  const loose = join(tmpDir(), 'logs');
  mkdirSync(loose);
  chmodSync(loose, 0o755);
  await session(join(loose, 'sw-test.log'));
  expect(mode(loose)).toBe('700');
});

it('refuses a symbolic link where the folder should be', async () => {
  const root = tmpDir();
  mkdirSync(join(root, 'elsewhere'));
  symlinkSync(join(root, 'elsewhere'), join(root, 'logs'));
  const err = await session(join(root, 'logs', 'sw-test.log')).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SlpError);
  expect((err as Error).message).toBe(`${join(root, 'logs')}: the transcript folder is a symbolic link; refusing to write through it`);
  expect(existsSync(join(root, 'elsewhere', 'sw-test.log'))).toBe(false);
});

it('refuses a symbolic link where a transcript file should be, leaving its target alone', async () => {
  const root = tmpDir();
  writeFileSync(join(root, 'target'), 'untouched\n');
  mkdirSync(join(root, 'logs'), { mode: 0o700 });
  symlinkSync(join(root, 'target'), join(root, 'logs', 'sw-test.log'));
  const err = await session(join(root, 'logs', 'sw-test.log')).catch((e: unknown) => e);
  expect((err as Error).message).toBe(`${join(root, 'logs', 'sw-test.log')}: the transcript file is a symbolic link; refusing to write through it`);
  expect(readFileSync(join(root, 'target'), 'utf8')).toBe('untouched\n');
});
