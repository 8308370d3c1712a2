import { startFleet, type Fleet, type SimDeviceSpec, type SimFaults } from '../../../src/simulator';
import { openSim, type SimClient } from '../../helpers/sim-client';
import { licensingSettled, waitFor } from '../../helpers/wait-for';

const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQzLTE3NDAyNjU5%0A';
const CONFIG = ['license smart transport smart', 'license smart url default', 'ip name-server 10.31.104.74', 'ip domain name example.com'];
const cred = { username: 'admin', password: 'admin' };
const faulty = (name: string, faults: SimFaults): SimDeviceSpec => ({ name, port: 0, credentials: cred, sim: { faults } });
const specs: SimDeviceSpec[] = [
  { name: 'stack', port: 0, credentials: cred, sim: { members: 3 } },
  { name: 'single', port: 0, credentials: cred },
  faulty('dns', { dns_unreachable: true }),
  faulty('proxydown', { proxy: 'down' }),
  faulty('timeout', { cssm: 'timeout' }),
  faulty('noreply', { cssm: 'no_reply' }),
  faulty('badtoken', { token: 'invalid' }),
  faulty('expired', { token: 'expired' }),
  faulty('clock', { clock_not_set: true }),
];

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(specs, { asyncDelayMs: 30 });
});
afterAll(() => fleet.stop());

async function configured(name: string, extra: string[] = [], monitor = false): Promise<SimClient> {
  const c = await openSim({ port: fleet.hosts[name].port, password: 'admin' });
  await c.send('terminal length 0');
  // Syslog on the vty only with terminal monitor (and then it lands in whatever is read next).
  if (monitor) await c.send('terminal monitor');
  await c.send('conf t');
  for (const l of [...CONFIG, ...extra]) await c.send(l);
  await c.send('end');
  return c;
}

describe('SLP state machine', () => {
  test('trust all on a 3-member stack: [OK], syslog per member, history with the token, tech support INSTALLED', async () => {
    const c = await configured('stack');
    expect(await c.cmd(`license smart trust idtoken ${TOKEN} all force`)).toBe('\n[OK]');
    await licensingSettled(fleet.device('stack'));
    expect(fleet.device('stack').trustInstalled()).toEqual([true, true, true]);
    const log = await c.cmd('show logging | include TRUST_INSTALL');
    expect(log.split('\n')).toHaveLength(3);
    const history = await c.cmd('show license history message');
    expect(history).toContain(`\\\\\\"token\\\\\\":\\\\\\"${TOKEN}\\\\\\"`);
    expect(history).toMatch(/REQUEST: \w{3} \d{2} [\d:]+ \d{4} UTC\n\{"request":.*ID_TOKEN_TRUST/);
    expect(history).toMatch(/RESPONSE: .*\n\{"signature".*\\"status_code\\":\\"OK\\"/);
    const ts = await c.cmd('show license tech support | include Trust Data|Overall Trust');
    expect(ts.split('\n').map((l) => l.replace(/S:\w+/g, 'S:X'))).toEqual([
      'P:C9300-48UN,S:X: P:C9300-48UN,S:X, state[2], Trust Data INSTALLED  TrustId:600',
      'P:C9300-48UN,S:X: P:C9300-48UN,S:X, state[2], Trust Data INSTALLED  TrustId:612',
      'P:C9300-48UN,S:X: P:C9300-48UN,S:X, state[2], Trust Data INSTALLED  TrustId:624',
      'Overall Trust: INSTALLED (2)',
    ]);
    c.end();
  });

  test('trust local installs on the active member only; without force an installed trust is kept', async () => {
    const c = await configured('single');
    await c.cmd(`license smart trust idtoken ${TOKEN} local`);
    await licensingSettled(fleet.device('single'));
    expect(fleet.device('single').trustInstalled()).toEqual([true]);
    const first = fleet.device('single').state.licensing.trust[0].installedAt;
    await c.cmd(`license smart trust idtoken ${TOKEN} local`);
    // Without force nothing is sent: the refusal only lands in the log, asynchronously.
    await waitFor(() => fleet.device('single').state.logBuffer.some((l) => l.includes('TRUST_CODE_INSTALL_FAILED')), 'the refusal in the log');
    expect(fleet.device('single').state.licensing.trust[0].installedAt).toBe(first);
    expect(await c.cmd('show logging | include TRUST_CODE_INSTALL_FAILED')).toMatch(/already installed/);
    // sync: a new Trust Sync request at once, then an OK
    expect(await c.cmd('license smart sync all')).toBe('');
    await licensingSettled(fleet.device('single'));
    expect(await c.cmd('show license tech support | section ^Trust Sync')).toMatch(/^Trust Sync:\n {2}Attempts: Total=1, Success=1, Fail=0 {2}Ongoing Failure: Overall=0 Communication=0\n {2}Last Response: OK on /);
    expect(await c.cmd('show license status | include Last report push')).not.toContain('<none>');
    // factory reset wipes trust
    expect(await c.cmd('license smart factory reset')).toBe('\n%Warning: reload required after "license smart factory reset" command');
    expect(await c.cmd('show license status | include Trust')).toBe('Trust Code Installed: <none>');
    c.end();
  });

  test.each([
    ['dns', 'Unable to resolve server hostname/domain name'],
    ['timeout', 'Connection timed out'],
    ['proxydown', 'Connection timed out'],
  ])('%s fault: COMM_FAILED with the real reason, NO REPLY, empty RESPONSE', async (name, reason) => {
    const extra = name === 'proxydown' ? ['license smart proxy address 192.168.217.105', 'license smart proxy port 80'] : [];
    const c = await configured(name, extra, true);
    await c.send(`license smart trust idtoken ${TOKEN} all force`);
    const note = await c.read(/COMM_FAILED[^\r]*\r\nSwitch#$/);
    expect(note).toContain(`%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : ${reason}`);
    expect(await c.cmd('show license tech support | include Last Response: NO REPLY')).toMatch(/^ {2}Last Response: NO REPLY on /);
    expect(await c.cmd('show license history message | include ^RESPONSE')).toMatch(/^RESPONSE: .* UTC$/);
    expect(await c.cmd('show license eventlog 1 | include COMM_FAIL')).toContain(`SAEVT_COMM_FAIL error="${reason}"`);
    c.end();
  });

  test('cssm no_reply: request sent, empty response, no trust, no COMM_FAILED', async () => {
    const c = await configured('noreply');
    await c.cmd(`license smart trust idtoken ${TOKEN} all force`);
    await licensingSettled(fleet.device('noreply'));
    const h = await c.cmd('show license history message | begin Trust Establishment');
    expect(h).toMatch(/RESPONSE: [^\n]+\n\n/);
    expect(await c.cmd('show license tech support | include Overall Trust|Local Device')).toMatch(/state\[1\], NOT INSTALLED TrustId:600\nOverall Trust: No ID$/);
    expect(await c.cmd('show logging | include COMM_FAILED')).toBe('');
    c.end();
  });

  test.each([
    ['badtoken', 'The ID token is not valid.'],
    ['expired', 'The ID token has expired.'],
  ])('token fault %s: CSSM answers with a failure and trust is not installed', async (name, message) => {
    const c = await configured(name);
    await c.cmd(`license smart trust idtoken ${TOKEN} all force`);
    await licensingSettled(fleet.device(name));
    expect(fleet.device(name).trustInstalled()).toEqual([false]);
    expect(await c.cmd('show logging | include TRUST_CODE_INSTALL_FAILED')).toContain(message);
    expect(await c.cmd('show license tech support | section ^Trust Establishment')).toContain(`    Failure Reason: ${message}`);
    c.end();
  });

  test('clock_not_set: show clock starts with * and trust install fails', async () => {
    const c = await configured('clock');
    expect(await c.cmd('show clock')).toMatch(/^\*\d{2}:\d{2}:\d{2}\.\d{3} UTC \w{3} Mar 1 1993$/);
    await c.cmd(`license smart trust idtoken ${TOKEN} all force`);
    await licensingSettled(fleet.device('clock'));
    expect(fleet.device('clock').trustInstalled()).toEqual([false]);
    expect(await c.cmd('show license tech support | include Clock sync')).toBe('Clock sync-ed with NTP: False');
    c.end();
  });
});
