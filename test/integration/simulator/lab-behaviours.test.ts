/**
 * The lab behaviours issue 14 asks the simulator to show (docs/simulator.md "Real-switch
 * behaviours"), each over SSH on 127.0.0.1 with a plain client.
 */
import { startFleet, type Fleet, type SimDeviceSpec } from '../../../src/simulator';
import { CSLU_RETRY_MS } from '../../../src/simulator/licensing-agent';
import { openSim, type SimClient } from '../../helpers/sim-client';

const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQzLTE3NDAyNjU5%0A';
const cred = { username: 'admin', password: 'admin' };
const SUP = { pid: 'C9407R', serial: 'FXS2119Q2U7' };
const SMART = ['license smart transport smart', 'license smart url default', 'ip name-server 10.31.104.74'];
const specs: SimDeviceSpec[] = [
  { name: 'hard', port: 0, credentials: cred, sim: { profile: 'hardened' } },
  { name: 'cslu', port: 0, credentials: cred, sim: { cslu_failures_hours: 2 } },
  { name: 'retry', port: 0, credentials: cred, sim: { faults: { cssm_fail_attempts: 1 } } },
  { name: 'sup', port: 0, credentials: cred, sim: { members: [SUP, SUP] } },
  { name: 'holds', port: 0, credentials: cred, sim: { faults: { proxy: 'holds_open' } } },
];

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(specs, { asyncDelayMs: 30 });
});
afterAll(() => fleet.stop());

async function session(name: string, config: string[] = []): Promise<SimClient> {
  const c = await openSim({ port: fleet.hosts[name].port, password: 'admin' });
  await c.send('terminal length 0');
  if (config.length) {
    await c.send('conf t');
    for (const l of config) await c.send(l);
    await c.send('end');
  }
  return c;
}
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 120));

describe('lab behaviours of real switches', () => {
  test('hardened profile: no logging monitor and transport output none in the config; no telnet from the vty', async () => {
    const c = await session('hard');
    const run = await c.cmd('show running-config');
    expect(run).toMatch(/^no logging monitor\r?$/m);
    expect(run.match(/^ transport output none\r?$/gm)).toHaveLength(2);
    expect(await c.cmd('telnet 192.168.217.105 80 /ipv4')).toBe('% telnet connections not permitted from this terminal');
    c.end();
  });

  test('a default switch logs a CSLU failure every hour; logging monitor decides whether a vty sees it', async () => {
    const d = fleet.device('cslu');
    expect(d.state.logBuffer.filter((l) => l.endsWith('%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name'))).toHaveLength(2);
    const c = await session('cslu', ['no logging monitor']);
    await c.send('terminal monitor');
    d.advanceClock(CSLU_RETRY_MS);
    await settle();
    expect(await c.cmd('show clock')).not.toContain('COMM_FAILED');
    await c.send('conf t');
    await c.send('logging monitor warnings');
    await c.send('end');
    d.advanceClock(CSLU_RETRY_MS);
    await settle();
    expect(c.transcript().match(/\(CSLU\) : Unable to resolve/g)).toHaveLength(1);
    expect(d.state.logBuffer.filter((l) => l.includes('(CSLU)'))).toHaveLength(4);
    // Once the transport is smart the CSLU attempts stop.
    await c.send('conf t');
    await c.send('license smart transport smart');
    await c.send('end');
    d.advanceClock(CSLU_RETRY_MS);
    expect(d.state.logBuffer.filter((l) => l.includes('(CSLU)'))).toHaveLength(4);
    c.end();
  });

  test('the agent retries a failed trust request 30 s later and the retry goes through', async () => {
    const c = await session('retry', SMART);
    await c.send(`license smart trust idtoken ${TOKEN} all`);
    await settle();
    const st = fleet.device('retry').state.licensing.stats['Trust Establishment'];
    expect(st).toMatchObject({ total: 1, fail: 1, ongoingComm: 1 });
    expect(await c.cmd('show license status | include Trust Code')).toBe('Trust Code Installed: <none>');
    fleet.device('retry').advanceClock(30_000);
    await settle();
    expect(st).toMatchObject({ total: 2, success: 1, fail: 1 });
    const history = await c.cmd('show license history message | include REQUEST|RESPONSE');
    expect(history.split('\n').filter((l) => /REQUEST:/.test(l))).toHaveLength(2);
    expect(await c.cmd('show license status | include Trust Code')).toMatch(/^Trust Code Installed: \w{3} \d+ [\d:]+ \d{4} UTC$/);
    c.end();
  });

  test('a dual-supervisor chassis: one chassis UDI for Active and Standby, a trust code on each', async () => {
    const c = await session('sup', SMART);
    expect(await c.cmd('show license udi')).toBe(
      ['UDI: PID:C9407R,SN:FXS2119Q2U7', '', 'HA UDI List:', '    Active:PID:C9407R,SN:FXS2119Q2U7', '    Standby:PID:C9407R,SN:FXS2119Q2U7'].join('\n'),
    );
    await c.send(`license smart trust idtoken ${TOKEN} all`);
    await settle();
    const status = await c.cmd('show license status | section Trust Code');
    expect(status).toMatch(/Active: PID:C9407R,SN:FXS2119Q2U7\r?\n {4}INSTALLED on .+\r?\n {2}Standby: PID:C9407R,SN:FXS2119Q2U7\r?\n {4}INSTALLED on /);
    c.end();
  });

  test('a proxy that holds the TCP session: telnet stays Open until Ctrl-^ x; the agent times out through it', async () => {
    const c = await session('holds', [...SMART, 'license smart proxy address 192.168.217.105', 'license smart proxy port 80']);
    c.write('telnet 192.168.217.105 80 /ipv4\r');
    const opened = await c.read(/Open\r\n/);
    expect(opened).toContain('Trying 192.168.217.105, 80 ... Open');
    await settle();
    expect(c.transcript().endsWith('Open\r\n')).toBe(true); // no prompt: the session is held
    c.write('\x1ex');
    await c.read(/#\s*$/);
    await c.send(`license smart trust idtoken ${TOKEN} all`);
    await settle();
    expect(fleet.device('holds').state.licensing.stats['Trust Establishment']).toMatchObject({ fail: 1, failureReason: 'Connection timed out' });
    c.end();
  });
});
