/**
 * Drift guard between the two independent halves: every show command the simulator answers must be
 * read by the matching parser (src/parsers, resolved the way the runner resolves it) with no
 * warnings, in a fresh state, after a trust install + sync + report, and on a failing device.
 * The simulator and the parsers share no code, so this is the only place a format change on one
 * side shows up before a real run does.
 */
import { resolveParser } from '../../../src/parsers';
import { startFleet, type Fleet } from '../../../src/simulator';
import { openSim, type SimClient } from '../../helpers/sim-client';
import { licensingSettled } from '../../helpers/wait-for';

const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQz';
const CONFIG = [
  'license smart transport smart',
  'license smart url default',
  'ip name-server 10.31.104.74',
  'ip domain name example.com',
  'ip http client source-interface Vlan10',
  'license smart usage interval 7',
];
const SHOWS = [
  'show version',
  'show running-config',
  'show running-config | section license',
  'show license status',
  'show license summary',
  'show license usage',
  'show license udi',
  'show license all',
  'show license eventlog 2',
  'show license tech support',
  'show license history message',
  'show ip interface brief',
  'show ip cef 146.112.59.25',
  'show ip arp 10.31.121.65',
  'show mac address-table address 2c31.24b1.7941',
  'show logging',
  'show clock',
  'ping 10.31.104.74 source Vlan10',
  'ping smartreceiver.cisco.com',
  'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10',
];

let fleet: Fleet;
const cred = { username: 'admin', password: 'admin' };
beforeAll(async () => {
  fleet = await startFleet(
    [
      { name: 'stack', port: 0, credentials: cred, sim: { platform: 'C9300-48UN', members: 2 } },
      { name: 'dns', port: 0, credentials: cred, sim: { platform: 'C9200L-24T-4G', faults: { dns_unreachable: true } } },
      { name: 'old', port: 0, credentials: cred, sim: { platform: 'C9500-24Y4C', version: '17.03.05' } },
    ],
    { asyncDelayMs: 20 },
  );
});
afterAll(() => fleet.stop());

async function session(name: string, config: string[]): Promise<SimClient> {
  const c = await openSim({ port: fleet.hosts[name].port, password: 'admin' });
  await c.send('terminal length 0');
  await c.send('conf t');
  for (const l of config) expect(await c.cmd(l)).toBe('');
  await c.send('end');
  return c;
}

/**
 * An open telnet stays with the far end (the simulator, like CSSM, never closes it): read up to
 * `Open`, suspend with Ctrl-^ x, disconnect. Returns the telnet's own output.
 */
async function heldTelnet(c: SimClient, cmd: string): Promise<string> {
  const raw = await c.send(cmd, /(?:Open|% [^\r\n]*)\r\n(?:[\s\S]*[>#] ?)?$/);
  if (!/Open\r\n$/.test(raw)) return raw.split('\r\n').slice(1, -1).join('\n');
  c.write('\x1ex');
  await c.read();
  expect(await c.send('disconnect', /\[confirm\]$/)).toMatch(/Closing connection to smartreceiver\.cisco\.com \[confirm\]$/);
  await c.send('');
  expect(await c.cmd('show sessions')).toBe('% No connections open');
  return raw.split('\r\n').slice(1).join('\n');
}

/** Runs every show command and returns `command → warnings` for those with any (so a failure names them). */
async function warningsOf(c: SimClient): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const cmd of SHOWS) {
    const resolved = resolveParser(cmd);
    if (!resolved) throw new Error(`no parser resolves "${cmd}"`);
    const text = cmd.startsWith('telnet') ? await heldTelnet(c, cmd) : await c.cmd(cmd);
    expect(text).not.toMatch(/^% (Invalid input|Incomplete|Ambiguous)/m);
    const { warnings } = resolved.parser(text);
    if (warnings.length > 0) out[cmd] = warnings;
  }
  return out;
}

describe('every simulator show output is read by its parser without warnings', () => {
  test('factory-default stack before any configuration', async () => {
    const c = await session('stack', []);
    expect(await warningsOf(c)).toEqual({});
    c.end();
  });

  test('configured stack after trust install, trust sync and a usage report', async () => {
    const c = await session('stack', CONFIG);
    await c.cmd(`license smart trust idtoken ${TOKEN} all force`);
    await licensingSettled(fleet.device('stack'));
    // Eight days on: the trust sync and the weekly usage report come due and are sent.
    fleet.device('stack').advanceClock(8 * 24 * 3600 * 1000);
    await licensingSettled(fleet.device('stack'));
    await c.cmd('license smart sync all');
    await licensingSettled(fleet.device('stack'));
    expect(fleet.device('stack').trustInstalled()).toEqual([true, true]);
    expect(await c.cmd('show license history message | include ^REQUEST')).toMatch(/REQUEST: /);
    expect(await warningsOf(c)).toEqual({});
    c.end();
  });

  test('a device whose name servers do not answer (COMM_FAILED in the logs and history)', async () => {
    const c = await session('dns', CONFIG);
    await c.cmd(`license smart trust idtoken ${TOKEN} local`);
    await licensingSettled(fleet.device('dns'));
    expect(await c.cmd('show logging | include COMM_FAILED')).toMatch(/%SMART_LIC-3-COMM_FAILED: .*: Unable to resolve/);
    expect(await warningsOf(c)).toEqual({});
    c.end();
  });

  test('an old release (17.3) still prints formats the parsers read', async () => {
    const c = await session('old', []);
    expect(await warningsOf(c)).toEqual({});
    c.end();
  });
});
