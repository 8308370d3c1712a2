/**
 * `slp diagnose --from` on every real capture in ../shared/real-outputs: the cause a person reads
 * from each one, written here with the line that says why. Then the CLI itself on a folder and a
 * session log built from them: the same block, JSON and exit codes as a live diagnosis.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCapturePath } from '../../src/diagnose/capture-input';
import { diagnoseCapture } from '../../src/diagnose/offline';
import { readCaptureText } from '../../src/parsers/capture-file';
import { slp } from '../helpers/spawn-slp';

const ROOT = resolve(__dirname, '..', '..', '..', 'shared', 'real-outputs');

/** file → [cause, why a person reads that cause from it]. */
const EXPECTED: Record<string, [string, string]> = {
  'show-license-all/01-genieparser-all-golden.txt': ['not_configured', 'Transport: Type: Callhome — the switch does not use Smart transport'],
  'show-license-all/02-genieparser-all-golden-2.txt': ['healthy', 'trust on both supervisors, Last ACK Dec 18 2023, deadline Feb 2024 not reached at the capture time'],
  'show-license-all/05-genielibs-verify-transport-telemetry.txt': ['not_configured', 'Transport: Type: cslu'],
  'show-license-history-message/01-genieparser-history-message-golden.txt': ['unknown', 'only an empty message history ("No past history"): nothing to decide on'],
  'show-license-status/02-ntc-templates-status2.txt': ['not_configured', 'Transport: Type: Transport Off'],
  'show-license-status/04-ntc-templates-status4.txt': ['healthy', 'Smart via proxy, trust installed Aug 3 2024, ACK the same minute, deadline Aug 2025 after the capture time'],
  'show-license-summary/01-genieparser-summary-golden1.txt': ['unknown', 'licence counts only: says nothing about transport, trust or reporting'],
  'show-license-summary/03-genielibs-verify-license-usage.txt': ['unknown', 'licence counts only'],
  'show-license-tech-support/02-genieparser-techsupport-golden-2.txt': ['healthy', 'Overall Trust INSTALLED (2), Trust Sync OK, ACK Mar 22 2022 and deadline May 2022 after the capture (Mar 22)'],
  'show-license-tech-support/04-genieparser-techsupport-golden-4.txt': ['no_reply_from_cssm', 'Trust Establishment: Last Response NO REPLY with the failure ongoing, Overall Trust No ID'],
  'show-license-tech-support/06-genieparser-techsupport-golden-6.txt': ['trust_not_installed', 'Smart transport, no trust and no Trust Establishment attempt at all (Last Response <none>)'],
  'show-license-tech-support/07-genieparser-techsupport-golden-7.txt': ['not_configured', 'Transport: Type: cslu (its Hello failures are CSLU\'s, not CSSM\'s)'],
  'show-license-tech-support/09-genieparser-techsupport-golden-9.txt': ['healthy', 'trust installed on both members, Trust Sync OK, ACK Nov 28 2023, deadline Jan 2024 after the capture'],
  'show-license-tech-support/10-genieparser-techsupport-golden-10.txt': ['not_configured', 'Transport: Type: cslu'],
  'show-license-tech-support/12-genieparser-techsupport-golden-12.txt': ['healthy', 'trust per supervisor, last responses OK/OK_POLL, ACK Dec 18 2023, deadline Feb 2024'],
  'show-license-tech-support/14-genieparser-techsupport-golden-14-standalone.txt': ['healthy', 'trust installed, ACK Feb 27 2024, deadline Apr 27 2024 after the capture'],
  'show-license-tech-support/15-genieparser-techsupport-golden-15.txt': ['trust_not_installed', 'Trust Code Installed: <none>, nothing ever sent'],
  'show-license-tech-support/16-genieparser-techsupport-golden-17.txt': ['trust_not_installed', 'Trust Code Installed: <none> on the SVL, no Trust Establishment attempt'],
  'show-license-udi/01-genieparser-udi-golden2.txt': ['unknown', 'UDIs only'],
  'show-license-usage/01-genieparser-usage-golden1.txt': ['unknown', 'licence usage only'],
  'show-running-config/03-libgr-cubcalifornie-switchlv3-c9200l-17.6.txt': ['unsupported_release', 'running-config "version 17.6": below 17.9.1'],
  'show-version/03-genieparser-golden5-c9500-17.4dev.txt': ['unsupported_release', 'IOS XE 17.4'],
  'show-version/04-genieparser-golden7-c9300-17.6dev.txt': ['unsupported_release', 'IOS XE 17.06.01'],
  'show-version/06-genieparser-9500h-standalone-17.8dev.txt': ['unsupported_release', 'IOS XE 17.8'],
  'show-version/09-genieparser-standby-c9606r-17.18.1.txt': ['unknown', 'a supported C9606R on 17.18.1, and nothing about licensing'],
  'show-version/10-genielibs-get-software-version-c9300-stack-17.10.txt': ['unknown', 'a supported C9300 stack on 17.10, nothing about licensing'],
  'show-version/11-genielibs-get-firmware-version-c9407r-17.13dev.txt': ['unknown', 'supported C9407R on 17.13, nothing about licensing'],
  'show-version/12-genielibs-get-boot-time-c9407r-17.16dev.txt': ['unknown', 'supported C9407R on 17.16, nothing about licensing'],
  'syslog-smart-lic/01-genielibs-show-logging-c9200-cslu-comm-failed.txt': ['unknown', 'COMM_FAILED toward CSLU only: not a CSSM failure, and no status to say which transport is set'],
};

/**
 * `| include` excerpts saved without their command: fed as a session log with the command
 * SOURCES.md names, as a person keeps them.
 */
const EXCERPTS: Record<string, [string, string, string]> = {
  'show-license-tech-support/18-genielibs-techsupport-inc-cert.txt': ['show license tech support | inc Cert', 'unknown', 'certificate flags only'],
  'show-running-config/01-genielibs-inc-transport.txt': ['show running-config | inc transport', 'unknown', 'Smart transport configured; an excerpt says nothing else'],
  'show-running-config/02-genielibs-inc-license-boot-level.txt': ['show running-config | inc license boot level', 'unknown', 'the boot level only'],
};

function captures(): string[] {
  if (!existsSync(ROOT)) return [];
  return readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(ROOT, d.name)).filter((f) => f.endsWith('.txt')).map((f) => `${d.name}/${f}`)).sort();
}

if (!existsSync(ROOT)) {
  if (process.env.CI === 'true') throw new Error(`${ROOT} is missing: the real-capture suite must run in CI`);
  console.warn(`diagnose --from real-output suite skipped: ${ROOT} not found`);
  describe.skip('diagnose --from on real outputs (folder absent)', () => test('skipped', () => undefined));
} else {
  describe('diagnose --from: every real capture gives the cause a person reads from it', () => {
    it('every capture in the folder has an expected cause here', () => {
      expect(captures()).toEqual(Object.keys({ ...EXPECTED, ...EXCERPTS }).sort());
    });

    it.each(Object.entries(EXPECTED))('%s', (file, [cause]) => {
      const d = diagnoseCapture(readCapturePath(join(ROOT, file)));
      expect(d.cause).toBe(cause);
      expect(d.notInCapture).toBeDefined();
      if (cause === 'unknown') expect(d.notInCapture!.length).toBeGreaterThan(0);
    });

    it.each(Object.entries(EXCERPTS))('%s (as a session log with its command)', (file, [command, cause]) => {
      const text = `Switch#${command}\n${readFileSync(join(ROOT, file), 'utf8')}\nSwitch#\n`;
      expect(diagnoseCapture(readCaptureText(text, 'session.log')).cause).toBe(cause);
    });

    it('missing evidence is named "not in the capture", never guessed', () => {
      const d = diagnoseCapture(readCapturePath(join(ROOT, 'show-license-status/04-ntc-templates-status4.txt')));
      expect(d.notInCapture).toEqual(expect.arrayContaining(['show version', 'show running-config', 'show license eventlog', 'show logging', 'telnet']));
      expect(d.steps).toEqual(expect.arrayContaining([expect.stringMatching(/: not looked at — not in the capture: show running-config, show ip interface brief$/)]));
    });

    it('"now" is the capture\'s own time: an old capture is not overdue for being old', () => {
      const file = join(ROOT, 'show-license-status/04-ntc-templates-status4.txt');
      expect(readFileSync(file, 'utf8')).toContain('Next ACK deadline: Aug 03 09:03:25 2025 est');
      // Today is past that deadline; the capture's own time is not.
      expect(Date.now()).toBeGreaterThan(Date.parse('2025-08-04T00:00:00Z'));
      const d = diagnoseCapture(readCapturePath(file));
      expect(d.cause).toBe('healthy');
      expect(d.steps[0]).toMatch(/^read as of 2024-08-03T\S+ \(the capture's newest timestamp/);
    });

    it('the syslog\'s CSLU failures are not read as CSSM failures', () => {
      const d = diagnoseCapture(readCapturePath(join(ROOT, 'syslog-smart-lic/01-genielibs-show-logging-c9200-cslu-comm-failed.txt')));
      expect(d.cause).toBe('unknown');
      expect(d.evidence.some((l) => /COMM_FAILED/.test(l))).toBe(false);
    });
  });

  describe('slp diagnose --from (the CLI)', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'slp-from-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a folder of one file per command: the diagnosis block, exit 0 when healthy', async () => {
      const folder = join(dir, 'sw-healthy');
      require('node:fs').mkdirSync(folder);
      writeFileSync(join(folder, 'show-license-tech-support.txt'), readFileSync(join(ROOT, 'show-license-tech-support/09-genieparser-techsupport-golden-9.txt')));
      const r = await slp(['diagnose', '--from', folder]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^sw-healthy: healthy — trust installed, last communication OK, reporting not overdue\n/);
      expect(r.stdout).toContain('  not in the capture: show version, show running-config');
      expect(r.stdout).toMatch(/recap: 1 host\(s\): 1 healthy, 0 with a cause, 0 unreachable\n$/);
    });

    it('a session log with a cause: exit 2, and --json - prints the runner\'s JSON report', async () => {
      const log = join(dir, 'customer.log');
      writeFileSync(log, `sw1#show license tech support\n${readFileSync(join(ROOT, 'show-license-tech-support/04-genieparser-techsupport-golden-4.txt'), 'utf8')}\nsw1#\n`);
      const text = await slp(['diagnose', '--from', log]);
      expect(text.status).toBe(2);
      expect(text.stdout).toMatch(/^customer\.log: no_reply_from_cssm — /);
      const json = await slp(['diagnose', '--from', log, '--json', '-']);
      expect(json.status).toBe(2);
      const report = JSON.parse(json.stdout);
      expect(report.plays[0].hosts[0]).toMatchObject({ host: 'customer.log', status: 'failed', diagnosis: { cause: 'no_reply_from_cssm' } });
      expect(report.exitCode).toBe(2);
    });

    it('bad input exits 2 before anything runs: a missing path, a file with no device output, both -i and --from', async () => {
      const missing = await slp(['diagnose', '--from', join(dir, 'nope')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/nope:1:1: cannot read the capture \(ENOENT\)/);
      writeFileSync(join(dir, 'notes.txt'), 'called the customer, will send outputs tomorrow\n');
      const empty = await slp(['diagnose', '--from', join(dir, 'notes.txt')]);
      expect(empty.status).toBe(2);
      expect(empty.stderr).toMatch(/no device output recognised/);
      const both = await slp(['diagnose', '-i', 'inv.yml', '--from', join(dir, 'notes.txt')]);
      expect(both.status).toBe(2);
      expect(both.stderr).toMatch(/not both/);
    });
  });
}
