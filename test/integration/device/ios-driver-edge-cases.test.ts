import { CommandRejectedError, DeviceTimeoutError, DisconnectedError } from '../../../src/errors';
import { DeviceEvent } from '../../../src/device';
import { withDevice } from './helpers';

const VERSION = 'Cisco IOS XE Software, Version 17.09.04\nCisco IOS Software [Cupertino], Catalyst L3 Switch Software\n';
const SYSLOG = '*Jan 24 23:19:05.144: %SMART_LIC-6-TRUST_INSTALL_SUCCESS: A new licensing trust code was successfully installed on P:C9300-48UN,S:FOC2345X0AB.';

describe('IOS driver against a scripted SSH server', () => {
  it('logs in past a banner whose lines end in # and >, sent before the prompt with a pause', async () => {
    const banner = '##########################\nlab-core#\n<<< lab >>\nAuthorized users only>\n';
    await withDevice({ banner, slowBanner: true, replies: { 'show version': VERSION } }, async (d) => {
      expect(d.info).toEqual({ host: 'sw-test', prompt: 'Switch#', hostname: 'Switch' });
      expect((await d.run('show version')).output).toBe(VERSION.trimEnd());
    });
  });

  it('enables with the secret and checks show privilege before anything else', async () => {
    await withDevice(
      { enableSecret: 'en-S3cret' },
      async (_d, s) => {
        expect(s.lines).toEqual(['', 'enable', 'en-S3cret', 'show privilege', 'terminal length 0', 'terminal width 512', 'terminal monitor']);
      },
      { enableSecret: 'en-S3cret' },
    );
  });

  it('removes echo, CRLF and ANSI codes from output', async () => {
    await withDevice({ ansi: true, replies: { 'show version': VERSION } }, async (d) => {
      const r = await d.run('show version');
      expect(r.output).toBe(VERSION.trimEnd());
      expect(r.output).not.toMatch(/[\r\x1b]/);
      expect(r.command).toBe('show version');
    });
  });

  it('pages through --More-- when terminal length 0 is refused, and returns the whole output', async () => {
    const long = Array.from({ length: 8 }, (_, i) => `  line ${i + 1} of the output`).join('\n');
    await withDevice({ refuseTerminalLength: true, pageLength: 3, replies: { 'show license status': long } }, async (d) => {
      expect((await d.run('show license status')).output).toBe(long);
    });
  });

  it('answers [confirm] only when the caller says how', async () => {
    const replies = { 'license smart factory reset': { question: 'Proceed? [confirm]', output: '%Warning: reload required' } };
    await withDevice({ replies }, async (d, s) => {
      const r = await d.run('license smart factory reset', { answers: [{ pattern: /\[confirm\]/, answer: '' }] });
      expect(r.output).toBe('%Warning: reload required');
      const err = await d.run('license smart factory reset').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CommandRejectedError);
      expect(err).toMatchObject({ command: 'license smart factory reset', indicator: 'unexpected question "Proceed? [confirm]"' });
      // Ctrl-C abandoned the question, so the session is usable again.
      expect(s.lines.at(-1)).toBe('license smart factory reset');
      await expect(d.run('show privilege')).resolves.toMatchObject({ output: 'Current privilege level is 15' });
    });
  });

  it('lifts syslog lines out of command output as events', async () => {
    const seen: DeviceEvent[] = [];
    const replies = { 'show license status': `Smart Licensing is ENABLED\n${SYSLOG}\nTrust Code Installed: <none>\n` };
    await withDevice(
      { replies },
      async (d) => {
        const r = await d.run('show license status');
        expect(r.output).toBe('Smart Licensing is ENABLED\nTrust Code Installed: <none>');
        expect(r.raw).toContain(SYSLOG);
        const events = d.drainEvents();
        expect(events.map(({ receivedAt: _r, ...e }) => e)).toEqual([
          {
            timestamp: '*Jan 24 23:19:05.144',
            facility: 'SMART_LIC',
            severity: 6,
            mnemonic: 'TRUST_INSTALL_SUCCESS',
            message: 'A new licensing trust code was successfully installed on P:C9300-48UN,S:FOC2345X0AB.',
            raw: SYSLOG,
          },
        ]);
        expect(d.drainEvents()).toEqual([]);
        expect(seen).toHaveLength(1);
      },
      { onEvent: (e) => seen.push(e) },
    );
  });

  it('keeps syslog lines as output for show logging', async () => {
    await withDevice({ replies: { 'show logging': `Log Buffer (4096 bytes):\n${SYSLOG}\n` } }, async (d) => {
      expect((await d.run('show logging')).output).toBe(`Log Buffer (4096 bytes):\n${SYSLOG}`);
      expect(d.drainEvents()).toEqual([]);
    });
  });

  it('takes a syslog line printed right after the prompt as an event, not as output', async () => {
    const cfgSyslog = '*Jan 24 23:20:01.001: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (127.0.0.1)';
    await withDevice({ configSyslog: cfgSyslog, replies: { 'show version': VERSION } }, async (d) => {
      await d.configure(['ip domain name example.com']);
      expect((await d.run('show version')).output).toBe(VERSION.trimEnd());
      expect(d.drainEvents().map((e) => e.mnemonic)).toEqual(['CONFIG_I']);
    });
  });

  it('follows a hostname change made in config mode', async () => {
    await withDevice({ replies: { 'show version': VERSION } }, async (d) => {
      const results = await d.configure(['hostname sw-renamed', 'ip domain name example.com']);
      expect(results.map((r) => r.command)).toEqual(['hostname sw-renamed', 'ip domain name example.com']);
      expect(d.info).toEqual({ host: 'sw-test', prompt: 'sw-renamed#', hostname: 'sw-renamed' });
      expect((await d.run('show version')).output).toBe(VERSION.trimEnd());
    });
  });

  it('returns a rejected command as a failed result; throwIfFailed raises CommandRejectedError with the device message', async () => {
    await withDevice({}, async (d) => {
      const r = await d.run('show licence status');
      expect(r).toMatchObject({
        command: 'show licence status',
        failed: true,
        failure: { indicator: '% Invalid input detected', line: "% Invalid input detected at '^' marker." },
      });
      // The session is still at the exec prompt and the next command is unaffected.
      await expect(d.run('show privilege')).resolves.toMatchObject({ failed: false, failure: undefined, output: 'Current privilege level is 15' });
      const err = await Promise.resolve().then(() => r.throwIfFailed()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CommandRejectedError);
      expect(err).toMatchObject({
        host: 'sw-test',
        command: 'show licence status',
        indicator: '% Invalid input detected',
        output: "       ^\n% Invalid input detected at '^' marker.",
        message: 'sw-test: "% Invalid input detected" after "show licence status"',
      });
    });
  });

  it('stops a config set at the first rejected line and still leaves config mode', async () => {
    const configReplies = { 'ip http client source-interface Vlan99': "  ^\n% Invalid input detected at '^' marker.\n" };
    await withDevice({ configReplies }, async (d, s) => {
      const err = await d
        .configure(['ip domain name example.com', 'ip http client source-interface Vlan99', 'license smart transport smart'])
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ command: 'ip http client source-interface Vlan99', indicator: '% Invalid input detected' });
      expect(s.lines.slice(-4)).toEqual(['configure terminal', 'ip domain name example.com', 'ip http client source-interface Vlan99', 'end']);
      expect(d.info.prompt).toBe('Switch#');
    });
  });

  it('leaves config mode after a line times out, once the device answers again', async () => {
    // The device answers the line only once the driver, past its timeout, types again (its resync).
    const configReplies = { 'license smart url default': { answerOnNextInput: true } };
    await withDevice(
      { configReplies },
      async (d, s) => {
        const err = await d.configure(['license smart url default']).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DeviceTimeoutError);
        expect(err).toMatchObject({ phase: 'config', timeoutMs: 150, command: 'license smart url default' });
        expect(s.lines.at(-1)).toBe('end');
        expect(d.info.prompt).toBe('Switch#');
      },
      { commandTimeoutMs: 150 },
    );
  });

  it('times out a command that never answers, naming the phase', async () => {
    await withDevice(
      { replies: { 'show license status': { hang: true } } },
      async (d) => {
        await expect(d.run('show license status', { timeoutMs: 100 })).rejects.toMatchObject({
          code: 'ERR_TIMEOUT',
          phase: 'command',
          timeoutMs: 100,
          message: 'sw-test: timeout awaiting command for "show license status" after 100 ms',
        });
      },
    );
  });

  it('reports a disconnect in the middle of a command', async () => {
    await withDevice({ replies: { 'show version': { disconnect: true } } }, async (d) => {
      const err = await d.run('show version').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DisconnectedError);
      expect(err).toMatchObject({ host: 'sw-test', during: 'show version' });
      await expect(d.run('show version')).rejects.toBeInstanceOf(DisconnectedError);
    });
  });
});

describe('questions that end in a bare "?"', () => {
  it('does not take output that TCP cut right after a "?" for a question', async () => {
    // A URL with a query and a banner-like `Questions?` line, each cut at the `?`.
    const chunks = [
      { text: 'Smart Licensing Using Policy:\n  Status: ENABLED\nHelp: https://www.cisco.com/go/smartlicensing?' },
      { text: 'lang=en\nQuestions?', delayMs: 50 },
      { text: '\nContact your account team\n', delayMs: 50 },
    ];
    await withDevice({ replies: { 'show license status': { chunks } } }, async (d) => {
      const r = await d.run('show license status');
      expect(r.output).toBe(
        'Smart Licensing Using Policy:\n  Status: ENABLED\nHelp: https://www.cisco.com/go/smartlicensing?lang=en\nQuestions?\nContact your account team',
      );
    });
  });

  it('still takes a bare "?" the device then waits on as a question: abandoned unless answered', async () => {
    const replies = { 'license smart factory reset': { question: 'Erase the licensing trust store?', output: 'Trust store erased' } };
    await withDevice({ replies }, async (d, s) => {
      const err = await d.run('license smart factory reset').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CommandRejectedError);
      expect(err).toMatchObject({
        command: 'license smart factory reset',
        indicator: 'unexpected question "Erase the licensing trust store?"',
      });
      await expect(d.run('show privilege')).resolves.toMatchObject({ output: 'Current privilege level is 15' });
      const r = await d.run('license smart factory reset', { answers: [{ pattern: /trust store\?$/, answer: 'y' }] });
      expect(r.output).toBe('Trust store erased');
      expect(s.lines.slice(-2)).toEqual(['license smart factory reset', 'y']);
    });
  });

  it('answers a (yes/[no]): question', async () => {
    const replies = { 'license smart factory reset': { question: 'Erase the trust store? (yes/[no]): ', output: 'Trust store erased' } };
    await withDevice({ replies }, async (d) => {
      const r = await d.run('license smart factory reset', { answers: [{ pattern: /\(yes\/\[no\]\)/, answer: 'yes' }] });
      expect(r.output).toBe('Trust store erased');
    });
  });
});
