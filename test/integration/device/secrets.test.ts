import * as fs from 'fs';
import * as path from 'path';
import { connectDevice } from '../../../src/device';
import { CommandRejectedError } from '../../../src/errors';
import { startTinyServer } from '../../helpers/tiny-ssh-server';
import { optionsFor, PASSWORD, tmpDir, withDevice } from './helpers';

const ENABLE = 'En4ble-S3cret';
const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQzLTE3NDAyNjU5%0AODA0NTV8VXVHVjdvVjByejY1aVZYa0lCVkl12345FSk9WZTdDb3lhZEZT%0ANjkyST0%3D%0A';
// A token another admin installed: the tool never held it, only the pattern can hide it.
const FOREIGN = 'Zm9yZWlnbi10b2tlbi1uZXZlci1yZWdpc3RlcmVk';
const HISTORY =
  'Trust Establishment:\n  REQUEST: Jan 24 23:18:59 2025 UTC\n' +
  `  {"request":"{\\"header\\":{\\"request_type\\":\\"ID_TOKEN_TRUST\\"},\\"token\\":\\"${FOREIGN}\\",\\"hostname\\":\\"Switch\\"}"}\n`;

describe('secrets', () => {
  it('never appear in transcripts, raw text, commands or errors; output stays the device\'s text', async () => {
    const transcriptFile = path.join(tmpDir(), 'sw-test.log');
    const trust = `license smart trust idtoken ${TOKEN} all force`;
    const errors: string[] = [];
    await withDevice(
      {
        enableSecret: ENABLE,
        replies: {
          [trust]: '\n[OK]\n',
          'show license history message': HISTORY,
          [`license smart trust idtoken ${TOKEN} al`]: `% Ambiguous command:  "license smart trust idtoken ${TOKEN} al"\n`,
        },
      },
      async (d) => {
        const ok = await d.run(trust, { secret: true });
        expect(ok.command).toBe('license smart trust idtoken *** all force');
        expect(ok.output).toBe('\n[OK]');
        const history = await d.run('show license history message');
        // `output` is parsed, so it is what the device printed; `raw` is what may be shown.
        expect(history.output).toContain(FOREIGN);
        expect(history.raw).toContain('\\"token\\":\\"***\\"');
        const failed = await d.run(`license smart trust idtoken ${TOKEN} al`);
        expect(failed.failure?.indicator).toBe('% Ambiguous command');
        const err = await Promise.resolve().then(() => failed.throwIfFailed()).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(CommandRejectedError);
        const rejected = err as CommandRejectedError;
        expect(rejected.command).toBe('license smart trust idtoken *** al');
        errors.push(rejected.message, rejected.output, ...[ok, history, failed].flatMap((r) => [r.command, r.raw]));
      },
      { enableSecret: ENABLE, transcriptFile, secrets: [TOKEN] },
    );
    const transcript = fs.readFileSync(transcriptFile, 'utf8');
    expect(transcript).toContain('license smart trust idtoken *** all force');
    for (const text of [transcript, ...errors]) {
      for (const secret of [PASSWORD, ENABLE, TOKEN, FOREIGN]) expect(text).not.toContain(secret);
    }
  });

  it('hides a command marked secret whole when no pattern knows it', async () => {
    const transcriptFile = path.join(tmpDir(), 'sw-test.log');
    const server = await startTinyServer({ replies: { 'crypto key unlock Pa55phrase!': { hang: true } } });
    const d = await connectDevice(optionsFor(server, { transcriptFile, commandTimeoutMs: 100 }));
    try {
      const err = await d.run('crypto key unlock Pa55phrase!', { secret: true }).catch((e: unknown) => e);
      expect((err as Error).message).toBe('sw-test: timeout awaiting command for "***" after 100 ms');
    } finally {
      await d.close();
      await server.close();
    }
    expect(fs.readFileSync(transcriptFile, 'utf8')).not.toContain('Pa55phrase!');
  });
});
