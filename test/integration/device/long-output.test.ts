import { DeviceTimeoutError } from '../../../src/errors';
import { withDevice } from './helpers';

/**
 * Long outputs from a slow supervisor: bursts with pauses of about a second, and lines at those
 * pauses that look like a prompt. The command ends on the exact learned prompt only.
 */
const BURSTS = [
  { text: 'Show license tech support\n\nSmart Licensing Status\n======================\n', delayMs: 50 },
  // Each pause below ends the buffer on a look-alike last line, with no newline after it.
  { text: 'Smart Account: <none>\nVirtual Account: <none>', delayMs: 1000 },
  { text: '\nLicense Usage\n=============\nSwitch>', delayMs: 1000 },
  { text: '\nsw-other#', delayMs: 1000 },
  { text: '\nSwitch(config)#', delayMs: 1000 },
  { text: '\nSwitch# ok\nEnd of tech support\n', delayMs: 1000 },
];
const WHOLE = BURSTS.map((b) => b.text).join('').trimEnd();

describe('long outputs', () => {
  it('reads a long output sent in bursts with ~1 s pauses to the end with the default limits', async () => {
    await withDevice(
      { startPrivileged: true, replies: { 'show license tech support': { chunks: BURSTS } } },
      async (d) => {
        expect((await d.run('show license tech support')).output).toBe(WHOLE);
      },
      // The ordinary command cap is far below the ~5 s this output takes; the long cap applies.
      { commandTimeoutMs: 2000 },
    );
  });

  it('fails on inactivity when the device goes silent mid-output, naming the command', async () => {
    const replies = { 'show logging': { chunks: [{ text: 'Syslog logging: enabled\n' }, { text: 'more\n', delayMs: 3000 }] } };
    await withDevice(
      { startPrivileged: true, replies },
      async (d) => {
        const err = await d.run('show logging').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DeviceTimeoutError);
        expect(err).toMatchObject({ phase: 'command', command: 'show logging', idle: true, timeoutMs: 1500 });
        expect((err as Error).message).toBe('sw-test: timeout awaiting command for "show logging": no output for 1500 ms');
      },
      { idleTimeoutMs: 1500 },
    );
  });

  it('stops an ordinary command at its overall cap even while bytes keep coming', async () => {
    const trickle = Array.from({ length: 20 }, (_, i) => ({ text: `line ${i}\n`, delayMs: 200 }));
    await withDevice(
      { startPrivileged: true, replies: { 'show license usage': { chunks: trickle } } },
      async (d) => {
        await expect(d.run('show license usage')).rejects.toMatchObject({ phase: 'command', idle: false, timeoutMs: 1000 });
      },
      { commandTimeoutMs: 1000, idleTimeoutMs: 900 },
    );
  });

  it('gives long-output commands their own cap, never shorter than the caller asked', async () => {
    const trickle = Array.from({ length: 8 }, (_, i) => ({ text: `line ${i}\n`, delayMs: 200 }));
    await withDevice(
      { startPrivileged: true, replies: { 'show tech-support license': { chunks: trickle } } },
      async (d) => {
        await expect(d.run('show tech-support license', { timeoutMs: 500 })).rejects.toMatchObject({ timeoutMs: 800 });
      },
      { commandTimeoutMs: 300, longCommandTimeoutMs: 800 },
    );
  });
});
