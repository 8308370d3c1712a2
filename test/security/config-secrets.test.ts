/**
 * A running-config carries secrets besides the tool's own. Read from a scripted switch, saved as
 * a backup, kept in the session transcript and carried by an error into a report: none of their
 * values may reach any file, and every line stays so a diff still reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBackup } from '../../src/converge/backup';
import { CommandRejectedError } from '../../src/errors';
import { Redactor } from '../../src/redact';
import { withDevice, tmpDir } from '../integration/device/helpers';

const SECRETS = {
  community: 'C0mmunity-Ro1',
  linePassword: '0822455D0A16',
  userSecret: '$9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSv',
  md5Secret: '$1$mERr$hx5rVt7rPNoS4wqbXKX7m0',
  sha256Secret: '$8$dsYGNam3K1SIJO$7nv/35M/qr6t',
  keyString: '070C285F4D06',
  tacacsKey: '13061E010803',
  radiusKey: 'Rad1us-Plain',
  isakmp: 'Is4kmp-Psk',
  ntp: '104D000A0618',
  snmpAuth: 'V3-Auth-Pass',
  snmpPriv: 'V3-Priv-Pass',
};
const s = SECRETS;
const CONFIG = [
  'hostname Switch',
  `enable secret 8 ${s.sha256Secret}`,
  `username admin privilege 15 secret 9 ${s.userSecret}`,
  `username old secret 5 ${s.md5Secret}`,
  `snmp-server community ${s.community} RO`,
  `snmp-server user mon grp v3 auth sha ${s.snmpAuth} priv aes 128 ${s.snmpPriv}`,
  'key chain OSPF',
  ' key 1',
  `  key-string 7 ${s.keyString}`,
  'tacacs server ISE',
  ' address ipv4 10.0.0.5',
  ` key 7 ${s.tacacsKey}`,
  `radius-server host 10.0.0.6 key ${s.radiusKey}`,
  `crypto isakmp key ${s.isakmp} address 203.0.113.9`,
  `ntp authentication-key 1 md5 ${s.ntp} 7`,
  'line vty 0 4',
  ` password 7 ${s.linePassword}`,
  'end',
].join('\n');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

it('masks every secret kind of a running-config in backups, transcripts and reports, keeping each line', async () => {
  const dir = tmpDir();
  const redactor = new Redactor();
  let output = '';
  await withDevice(
    { startPrivileged: true, replies: { 'show running-config': `${CONFIG}\n` } },
    async (d) => {
      output = (await d.run('show running-config')).output;
      await writeBackup(join(dir, 'backups'), 'sw-test', output, redactor, new Date(0));
    },
    { transcriptFile: join(dir, 'sw-test.log') },
  );
  // An error that carries the output, as a report would show it.
  const err = new CommandRejectedError('sw-test', 'show running-config', '% Error', CONFIG);
  const report = JSON.stringify(redactor.redactValue({ message: err.message, output: err.output }));
  const files = filesUnder(dir);
  expect(files).toHaveLength(2);
  // What is parsed is the switch's own text (issue 14.8: redaction happens where text leaves the
  // process); every text that leaves it holds none of the values.
  expect(output.trimEnd()).toBe(CONFIG);
  const backup = readFileSync(files.find((f) => f.endsWith('.cfg'))!, 'utf8');
  const texts = [report, ...files.map((f) => readFileSync(f, 'utf8'))];
  const found = texts.flatMap((t, i) => Object.entries(SECRETS).filter(([, v]) => t.includes(v)).map(([k]) => `${k} in text ${i}`));
  expect(found).toEqual([]);
  // Same lines, in the same order: only values changed.
  const masked = Object.values(SECRETS).reduce((text, v) => text.split(v).join('***'), CONFIG).split('\n');
  expect(masked.filter((line) => !backup.split('\n').includes(line))).toEqual([]);
  expect(backup).toContain('snmp-server community *** RO');
  expect(backup).toContain(' key 1');
});
