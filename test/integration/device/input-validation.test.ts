import { CommandRejectedError, SlpError } from '../../../src/errors';
import { withDevice } from './helpers';

/** Lines that would do something other than what the caller asked never reach the switch. */
const AFTER_LOGIN = ['', 'enable', 'show privilege', 'terminal length 0', 'terminal width 512', 'terminal monitor'];
const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQz';

describe('what the driver refuses to send', () => {
  it('a command with a newline in it (it would run a second, unchecked command)', async () => {
    await withDevice({}, async (d, s) => {
      const err = await d.run('show privilege\nterminal length 24').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SlpError);
      expect((err as Error).message).toBe(
        'sw-test: refusing to send "show privilege\\nterminal length 24": it contains the control character \\n at column 15; send one command per line',
      );
      expect(s.lines).toEqual(AFTER_LOGIN);
      await expect(d.run('show privilege')).resolves.toMatchObject({ output: 'Current privilege level is 15' });
    });
  });

  it('names a refused secret command without its secret', async () => {
    await withDevice({}, async (d) => {
      const secretErr = await d.run(`license smart trust idtoken ${TOKEN}\nall`, { secret: true }).catch((e: unknown) => e);
      expect((secretErr as Error).message).toBe(
        'sw-test: refusing to send "***": it contains the control character \\n at column 77; send one command per line',
      );
      const patternErr = await d.run(`license smart trust idtoken ${TOKEN} all\r`).catch((e: unknown) => e);
      expect((patternErr as Error).message).toBe(
        'sw-test: refusing to send "license smart trust idtoken *** all\\r": it contains the control character \\r at column 81; send one command per line',
      );
    });
  });

  it('a config set with such a line: nothing of the set is sent, not even configure terminal', async () => {
    await withDevice({}, async (d, s) => {
      const err = await d.configure(['ip domain name example.com', 'license smart url default\x1a']).catch((e: unknown) => e);
      expect((err as Error).message).toBe(
        'sw-test: refusing to send "license smart url default\\u001a": it contains the control character \\x1a at column 26; send one command per line',
      );
      expect(s.lines).toEqual(AFTER_LOGIN);
    });
  });

  it('a command with "?" in it (IOS would answer with inline help instead of running it)', async () => {
    await withDevice({ replies: { 'show license status': 'Smart Licensing is ENABLED\n' } }, async (d, s) => {
      const err = await d.run('show license status ?').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SlpError);
      expect((err as Error).message).toBe(
        'sw-test: refusing to send "show license status ?": it contains "?" at column 21, which IOS takes as a request for inline help, not as text',
      );
      const secretErr = await d.run(`license smart trust idtoken ${TOKEN} ?`, { secret: true }).catch((e: unknown) => e);
      expect((secretErr as Error).message).toBe(
        'sw-test: refusing to send "***": it contains "?" at column 78, which IOS takes as a request for inline help, not as text',
      );
      expect(s.lines).toEqual(AFTER_LOGIN);
      await expect(d.run('show license status')).resolves.toMatchObject({ output: 'Smart Licensing is ENABLED' });
    });
  });

  it('a config set with a "?" in one line: nothing of the set is sent', async () => {
    await withDevice({}, async (d, s) => {
      const err = await d
        .configure(['license smart transport smart', 'license smart url https://example.com/its?x=1'])
        .catch((e: unknown) => e);
      expect((err as Error).message).toBe(
        'sw-test: refusing to send "license smart url https://example.com/its?x=1": it contains "?" at column 42, which IOS takes as a request for inline help, not as text',
      );
      expect(s.lines).toEqual(AFTER_LOGIN);
      expect(d.info.prompt).toBe('Switch#');
    });
  });

  it('a revert timer IOS XE does not accept', async () => {
    await withDevice({}, async (d, s) => {
      const err = await d.configure(['ip domain name example.com'], { revertTimerMinutes: 0 }).catch((e: unknown) => e);
      expect((err as Error).message).toBe('sw-test: revert timer must be a whole number of minutes from 1 to 120, got 0');
      expect(s.lines).toEqual(AFTER_LOGIN);
      await d.configure(['ip domain name example.com'], { revertTimerMinutes: 5 });
      expect(s.lines.slice(AFTER_LOGIN.length)).toEqual(['configure terminal revert timer 5', 'ip domain name example.com', 'end']);
    });
  });

  it('stops a config set at a line that leaves config mode, so the rest is not run as EXEC commands', async () => {
    await withDevice({ replies: { 'clear counters': 'cleared\n' } }, async (d, s) => {
      const err = await d.configure(['ip domain name example.com', 'exit', 'clear counters']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SlpError);
      expect(err).not.toBeInstanceOf(CommandRejectedError);
      expect((err as Error).message).toBe(
        'sw-test: config line "exit" left config mode (prompt "Switch#"); the 1 line(s) after it were not sent',
      );
      expect(s.lines.slice(AFTER_LOGIN.length)).toEqual(['configure terminal', 'ip domain name example.com', 'exit']);
      expect(d.info.prompt).toBe('Switch#');
    });
  });

  it('accepts a set whose last line leaves config mode, and sends no extra end', async () => {
    await withDevice({}, async (d, s) => {
      const results = await d.configure(['ip domain name example.com', 'end']);
      expect(results.map((r) => r.command)).toEqual(['ip domain name example.com', 'end']);
      expect(s.lines.slice(AFTER_LOGIN.length)).toEqual(['configure terminal', 'ip domain name example.com', 'end']);
      expect(d.info.prompt).toBe('Switch#');
    });
  });
});
