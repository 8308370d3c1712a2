import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as P from '../../src/parsers';
import { readCapturePath } from '../../src/diagnose/capture-input';
import { describeRequiring, requireShared, sharedPath } from '../helpers/requires';

/**
 * The offline-diagnosis reader (`slp diagnose --from`) on every real capture in ../shared/real-outputs:
 * each one alone (named as a folder of one file per command would name it, and by its content),
 * all of them as one session log, and as a `show tech-support license` bundle.
 */
const ROOT = sharedPath('real-outputs');

// The folder a capture sits in names its command.
const COMMAND_OF_FOLDER: Record<string, string> = {
  'show-license-all': 'show license all', 'show-license-history-message': 'show license history message',
  'show-license-status': 'show license status', 'show-license-summary': 'show license summary',
  'show-license-tech-support': 'show license tech support', 'show-license-udi': 'show license udi',
  'show-license-usage': 'show license usage', 'show-running-config': 'show running-config', 'show-version': 'show version',
  'syslog-smart-lic': 'show logging',
};

// `| include` excerpts saved without their command line: nothing in the text says which command
// printed them, so only a file name can (they are read fine when named, below).
const UNNAMEABLE = new Set([
  'show-license-tech-support/18-genielibs-techsupport-inc-cert.txt',
  'show-running-config/01-genielibs-inc-transport.txt',
  'show-running-config/02-genielibs-inc-license-boot-level.txt',
]);

type Now = [P.CaptureNow['source'], string | null];
/** The capture's own time, read by eye from each file, with where it comes from. */
const NOW: Record<string, Now> = {
  // `Time source is NTP, …` exec headers (genieparser captures taken with `exec prompt timestamp`).
  'show-license-all/01-genieparser-all-golden.txt': ['exec header', '2021-11-10T15:09:55.102Z'],
  'show-license-tech-support/02-genieparser-techsupport-golden-2.txt': ['exec header', '2022-03-22T14:48:32.688Z'],
  'show-license-tech-support/04-genieparser-techsupport-golden-4.txt': ['exec header', '2022-08-29T09:59:10.353Z'],
  'show-license-tech-support/09-genieparser-techsupport-golden-9.txt': ['exec header', '2023-12-02T17:33:51.494Z'], // 10:33:51 PDT
  'show-license-tech-support/14-genieparser-techsupport-golden-14-standalone.txt': ['exec header', '2024-02-27T05:48:56.393Z'], // 11:18:56 IST
  'show-license-tech-support/15-genieparser-techsupport-golden-15.txt': ['exec header', '2024-07-29T17:05:54.449Z'], // `No time source, *…`
  'show-license-tech-support/16-genieparser-techsupport-golden-17.txt': ['exec header', '2025-03-19T09:38:49.347Z'], // 15:08:49 IST
  'show-license-usage/01-genieparser-usage-golden1.txt': ['exec header', '2021-11-16T12:19:01.163Z'],
  // No header: the scheduled jobs' `Current time:`.
  'show-license-tech-support/06-genieparser-techsupport-golden-6.txt': ['tech support current time', '2023-01-09T15:08:53.000Z'],
  'show-license-tech-support/07-genieparser-techsupport-golden-7.txt': ['tech support current time', '2023-07-13T13:18:05.000Z'],
  'show-license-tech-support/10-genieparser-techsupport-golden-10.txt': ['tech support current time', '2023-12-02T17:15:21.000Z'], // 10:15:21 PDT
  'show-license-tech-support/12-genieparser-techsupport-golden-12.txt': ['tech support current time', '2023-12-19T10:05:28.000Z'], // 03:05:28 PDT
  // Neither: the newest past date printed (Last ACK received, the account's "As of", System restarted at).
  'show-license-all/02-genieparser-all-golden-2.txt': ['newest timestamp', '2023-12-18T18:05:11.000Z'], // Last ACK received, not the later Next ACK deadline
  'show-license-all/05-genielibs-verify-transport-telemetry.txt': ['newest timestamp', '2023-04-06T05:11:50.000Z'], // Apr 05 21:11:50 2023 pacific
  'show-license-status/02-ntc-templates-status2.txt': ['newest timestamp', '2023-11-09T15:18:00.000Z'], // Nov 09 11:18:00 2023 EDT
  'show-license-status/04-ntc-templates-status4.txt': ['newest timestamp', '2024-08-03T14:03:26.000Z'], // Aug 03 09:03:26 2024 est
  'show-license-summary/03-genielibs-verify-license-usage.txt': ['newest timestamp', '2022-11-14T20:45:00.000Z'], // As of … PDT
  'show-version/10-genielibs-get-software-version-c9300-stack-17.10.txt': ['newest timestamp', '2022-06-06T09:40:37.000Z'], // System restarted at 01:40:37 PST
  'show-version/11-genielibs-get-firmware-version-c9407r-17.13dev.txt': ['newest timestamp', '2023-09-14T11:28:25.000Z'], // returned to ROM at 03:28:25 PST
};
// Every other capture prints no dated line (syslog stamps carry no year): its time is unknown.

function captures(): [string, string, string][] {
  if (!existsSync(ROOT)) return [];
  return Object.keys(COMMAND_OF_FOLDER).flatMap((folder) =>
    readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.txt')).sort()
      .map((f): [string, string, string] => [`${folder}/${f}`, folder, readFileSync(join(ROOT, folder, f), 'utf8')]));
}

/** What a parser makes of a text: the reader must hand the parser the same output. */
const parsed = (name: string, text: string): unknown => {
  const r = P.PARSERS[name](text);
  return [r.value, r.syslog];
};

describeRequiring([requireShared('real-outputs')])('capture reader on real outputs', () => {
  const all = captures();

  describe('capture reader, one real capture at a time', () => {
    test('the suite sees every capture', () => {
      expect(all.length).toBeGreaterThanOrEqual(32);
    });

    test.each(all)('%s named as in a folder of one file per command', (id, folder, text) => {
      const c = P.readCaptureFiles([{ name: `${folder}.txt`, text }]);
      const name = COMMAND_OF_FOLDER[folder];
      expect(c.warnings).toEqual([]);
      expect(c.commands.map((x) => x.name)).toEqual([name]);
      expect(Object.keys(c.outputs)).toEqual([name]);
      expect(parsed(name, c.outputs[name])).toEqual(parsed(name, text));
      const [source, time] = NOW[id] ?? [null, null];
      expect([c.now.source, c.now.time]).toEqual([source, time]);
    });

    test.each(all)('%s told by its content alone', (id, folder, text) => {
      const c = P.readCaptureText(text, id.split('/')[1]);
      if (UNNAMEABLE.has(id)) {
        expect(c.commands).toEqual([]);
        expect(c.warnings[0]).toMatch(/output of an unknown command/);
      } else {
        expect(c.commands.map((x) => x.name)).toEqual([COMMAND_OF_FOLDER[folder]]);
      }
    });
  });

  describe('capture reader, many real captures in one file', () => {
    test('a session log with prompts splits back into each output, in order', () => {
      const log = all.map(([, folder, text]) => `Switch#${COMMAND_OF_FOLDER[folder]}\n${text.replace(/\s+$/, '')}\n`).join('') + 'Switch#';
      const c = P.readCaptureText(log, 'session.log');
      expect(c.warnings).toEqual([]);
      expect(c.commands.map((x) => x.name)).toEqual(all.map(([, folder]) => COMMAND_OF_FOLDER[folder]));
      c.commands.forEach((cmd, i) => expect(parsed(cmd.name!, cmd.output)).toEqual(parsed(cmd.name!, all[i][2])));
      // The newest of the exec headers found in the log (tech support 16, Mar 2025).
      expect([c.now.source, c.now.time]).toEqual(['exec header', '2025-03-19T09:38:49.347Z']);
    });

    test('a show tech-support license bundle: sections by header, a later excerpt does not replace a full output', () => {
      const ts = all.find(([id]) => id.includes('14-genieparser-techsupport'))![2];
      const status = all.find(([id]) => id.includes('04-ntc-templates-status4'))![2];
      const bundle = [
        'Switch#show tech-support license', '',
        '------------------ show clock ------------------', '', '*09:10:11.123 UTC Tue Feb 27 2024', '',
        '------------------ show license status ------------------', '', status, '',
        '------------------ show license tech support ------------------', '', ts, '',
        '------------------ show license tech support | sec Trust ------------------', '', 'Trust Establishment:', '',
        '------------------ show install summary ------------------', '', 'anything', '', 'Switch#',
      ].join('\n');
      const c = P.readCaptureText(bundle, 'sh-tech-lic.txt');
      expect(c.commands.map((x) => [x.typed, x.name, x.filtered])).toEqual([
        ['show clock', 'show clock', false], ['show license status', 'show license status', false],
        ['show license tech support', 'show license tech support', false], ['show license tech support | sec Trust', 'show license tech support', true],
        ['show install summary', null, false],
      ]);
      expect(parsed('show license tech support', c.outputs['show license tech support'])).toEqual(parsed('show license tech support', ts));
      // The capture's own show clock wins over the exec headers, and keeps its `*`.
      expect(c.now).toEqual({ time: '2024-02-27T09:10:11.123Z', source: 'show clock', authoritative: false, raw: '*09:10:11.123 UTC Tue Feb 27 2024' });
    });

    test('a folder with one file per command, named as slp parse accepts them (the file-system edge)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'slp-capture-'));
      try {
        const get = (needle: string): string => all.find(([id]) => id.includes(needle))![2];
        writeFileSync(join(dir, 'sh lic stat.txt'), get('02-ntc-templates-status2'));
        writeFileSync(join(dir, 'show-version.txt'), get('10-genielibs-get-software'));
        writeFileSync(join(dir, 'show_running-config.log'), get('01-genielibs-inc-transport'));
        writeFileSync(join(dir, 'notes.md'), 'not device output');
        const c = readCapturePath(dir);
        expect(c.warnings).toEqual([]);
        expect(Object.keys(c.outputs).sort()).toEqual(['show license status', 'show running-config', 'show version']);
        expect(P.parseShowRunningConfig(c.outputs['show running-config']).value.slp.transport).toBe('smart');
        // Newest past date over all files: the status capture's Nov 2023 beats the 2022 restart.
        expect([c.now.source, c.now.time]).toEqual(['newest timestamp', '2023-11-09T15:18:00.000Z']);
        expect(() => readCapturePath(join(dir, 'absent.txt'))).toThrow(/absent\.txt: cannot read the capture \(ENOENT\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
