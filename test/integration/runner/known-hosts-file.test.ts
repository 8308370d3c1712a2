/**
 * slp_known_hosts_file end to end: inventory variable → HostConnection → connectOptionsFor → the
 * driver, against a simulated switch. The driver's own known_hosts rules (file format, both
 * fingerprints on a changed key) are pinned in test/integration/device/transport.test.ts; this
 * test proves a run uses the inventory's file, relative to the inventory, and never ~/.ssh.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { fingerprintSha256, formatKnownHostsLine } from '../../../src/device/known-hosts';
import { CREDENTIALS, startLab, type Lab } from '../../helpers/fleet-run';
import { generateHostKey } from '../../helpers/generate-host-key';

/** One setting (factory default is not smart), no trust, no sync: nothing to wait for. */
const LOOK_ONLY = [{ name: 'look', hosts: 'all', save: false, slp: { state: 'merged', transport: 'smart' } }];

const userKnownHosts = join(homedir(), '.ssh', 'known_hosts');
const readOrNull = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null);

let lab: Lab;
beforeAll(async () => {
  lab = await startLab([{ name: 'sw-kh' }], LOOK_ONLY, { slp_host_key_checking: 'accept-new', slp_known_hosts_file: 'known_hosts' });
});
afterAll(() => lab.close());

function setChecking(mode: 'accept-new' | 'strict'): void {
  writeFileSync(lab.inventory, readFileSync(lab.inventory, 'utf8').replace(/slp_host_key_checking: \S+/, `slp_host_key_checking: ${mode}`));
}

test('accept-new records the key in the inventory\'s known_hosts file, and strict then accepts it', async () => {
  const before = readOrNull(userKnownHosts);
  const port = lab.fleet.hosts['sw-kh']!.port;
  const first = await lab.run();
  expect(first.run.plays[0]!.hosts.map((h) => [h.host, h.status])).toEqual([['sw-kh', 'changed']]);
  const recorded = readFileSync(join(lab.dir, 'known_hosts'), 'utf8');
  expect(recorded).toMatch(new RegExp(`^\\[127\\.0\\.0\\.1\\]:${port} ssh-ed25519 [A-Za-z0-9+/]+=*\\n$`));
  expect(readOrNull(userKnownHosts)).toBe(before);

  setChecking('strict');
  const second = await lab.run({ logDir: true });
  expect(second.run.plays[0]!.hosts.map((h) => [h.host, h.status])).toEqual([['sw-kh', 'ok']]);
  expect(readFileSync(join(lab.dir, 'known_hosts'), 'utf8')).toBe(recorded);
  // --log-dir still reaches the driver through connectOptionsFor: a transcript, with no secret in it.
  const transcript = readFileSync(join(second.logDir!, 'sw-kh.log'), 'utf8');
  expect(transcript).toContain('show license status');
  expect([transcript.includes(CREDENTIALS.password), transcript.includes(CREDENTIALS.enableSecret)]).toEqual([false, false]);
});

test('a changed key is refused under strict, naming both fingerprints', async () => {
  setChecking('strict');
  const port = lab.fleet.hosts['sw-kh']!.port;
  const file = join(lab.dir, 'known_hosts');
  // The simulator's real key, as recorded by the first test (or by accept-new if run alone).
  if (!existsSync(file)) {
    setChecking('accept-new');
    await lab.run();
    setChecking('strict');
  }
  const actual = Buffer.from(readFileSync(file, 'utf8').trim().split(' ')[2]!, 'base64');
  const parsed = utils.parseKey(generateHostKey().private);
  if (parsed instanceof Error) throw parsed;
  const stale = parsed.getPublicSSH();
  writeFileSync(file, `${formatKnownHostsLine('127.0.0.1', port, stale)}\n`);

  const r = await lab.run();
  const host = r.run.plays[0]!.hosts[0]!;
  expect([host.status, host.error?.message]).toEqual([
    'unreachable',
    `sw-kh: host key changed: known_hosts has ssh-ed25519 ${fingerprintSha256(stale)} (${file} line 1), the device offered ssh-ed25519 ${fingerprintSha256(actual)}; ` +
      `remove the old entry if the change is expected: ssh-keygen -R '[127.0.0.1]:${port}' -f ${file}`,
  ]);
  expect(r.exitCode).toBe(4);
});
