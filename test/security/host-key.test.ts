/**
 * A switch whose SSH host key changed (a swapped box, or someone in the middle) is refused in
 * strict mode before any password is sent: end to end through `slp run`, with a known_hosts that
 * holds another key for the switch's [127.0.0.1]:port. (The driver-level cases — unknown host,
 * accept-new recording — are in test/integration/device/transport.test.ts.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { TOKEN, startLab, type Lab } from '../helpers/fleet-run';
import { slp } from '../helpers/spawn-slp';

describe('strict host key checking', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab([{ name: 'sw1' }], undefined, { slp_host_key_checking: 'strict' });
  });
  afterAll(() => lab?.close());

  test('a changed host key: unreachable (exit 4), both fingerprints shown, no login attempted', async () => {
    const home = join(lab.dir, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    const other = utils.generateKeyPairSync('ed25519').public; // "ssh-ed25519 AAAA… "
    const port = lab.fleet.hosts.sw1!.port;
    writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${port} ${other.trim().split(/\s+/).slice(0, 2).join(' ')}\n`);
    const report = join(lab.dir, 'report.json');
    const r = await slp(['run', '-i', lab.inventory, lab.playbook, '--json', report], { HOME: home, SLP_IDTOKEN: TOKEN });
    expect(r.status).toBe(4);
    const host = JSON.parse(readFileSync(report, 'utf8')).plays[0].hosts[0];
    expect([host.status, host.error.name, host.error.step]).toEqual(['unreachable', 'HostKeyError', 'connect']);
    const file = join(home, '.ssh', 'known_hosts');
    expect(host.error.message).toMatch(/^sw1: host key changed: known_hosts has ssh-ed25519 SHA256:\S+ \(.+ line 1\), the device offered ssh-ed25519 SHA256:\S+;/);
    // The error says which entry and how to remove it.
    expect(host.error.message).toContain(`(${file} line 1)`);
    expect(host.error.message).toContain(`ssh-keygen -R '[127.0.0.1]:${port}' -f ${file}`);
    expect(r.stdout).toContain('host key changed');
    // Refused before authentication: the switch never opened a CLI session.
    expect(lab.fleet.device('sw1').state.closedSessions).toEqual([]);
    expect(lab.fleet.device('sw1').state.linesEntered).toBe(0);
  });
});
