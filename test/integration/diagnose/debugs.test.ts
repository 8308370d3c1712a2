/**
 * `slp diagnose --debugs` (runDebugs) against the simulated lab: the five debugs are accepted, the
 * sync they trace prints its debug lines on the switch, and `undebug all` leaves nothing on
 * (`show debugging`).

 * IOS debug lines carry no `%FAC-SEV-MNEMONIC`; runDebugs reads them from the log buffer
 * (parseShowLogging().buffer), not only from syslog messages.
 */
import type { Device } from '../../../src/device';
import { startFleet, type Fleet } from '../../../src/simulator';
import { DEBUG_COMMANDS, runDebugs } from '../../../src/diagnose/debugs';
import { spec, configured as configuredDevice } from './lab';
import type { Clock } from '../../../src/clock';
import { licensingSettled, waitFor } from '../../helpers/wait-for';

let fleet: Fleet;
const open: Device[] = [];
/** Per switch, the log lines its session has received (terminal monitor), as the tool saw them. */
const received = new Map<string, string[]>();

const MARK = '%SYS-6-TEST_MARK: end of the debug window';

/**
 * The debug window on `name` lasts, instead of its nominal seconds, until the switch has landed
 * the sync runDebugs starts (the simulator answers it asynchronously) and the session has received
 * every line the switch pushed to it (terminal monitor). A marker logged then travels behind those
 * lines, so its arrival is the sign: a line still in flight when runDebugs sends its next command
 * could otherwise be taken for that command's answer.
 */
const windowOn = (name: string): Clock => ({
  now: () => new Date(),
  sleep: async () => {
    const sw = fleet.device(name);
    await licensingSettled(sw);
    sw.state.syslog(MARK);
    await waitFor(() => received.get(name)!.some((raw) => raw.includes(MARK)), `the marker to reach ${name}'s session`);
  },
});

beforeAll(async () => {
  fleet = await startFleet([spec('dbg-ok'), spec('dbg-dns'), spec('dbg-gap')], { host: '127.0.0.1', asyncDelayMs: 20, startTime: Date.parse('2025-01-24T23:30:00Z') });
});
afterAll(async () => {
  await Promise.all(open.map((d) => d.close().catch(() => undefined)));
  await fleet.stop();
});

const configured = (name: string): Promise<Device> => {
  received.set(name, []);
  return configuredDevice(fleet, name, open, (e) => received.get(name)!.push(e.raw));
};

const STAMP = /^\*?\w{3} \d{2} [\d:.]+: /;
/** The debug lines (HTTPC / SSL / CRYPTO_PKI) among `lines`, timestamps removed. */
const debugOnly = (lines: string[]): string[] => lines.filter((l) => STAMP.test(l) && /: (HTTPC: |SSL_\w+:|CRYPTO_PKI: )/.test(l)).map((l) => l.replace(STAMP, ''));
const logged = async (device: Device): Promise<string[]> => debugOnly((await device.run('show logging')).output.split('\n'));

describe('slp diagnose --debugs against the simulated lab', () => {
  it('turns the five debugs on, the sync prints HTTP client, SSL and PKI lines, undebug all leaves none on', async () => {
    const device = await configured('dbg-ok');
    const result = await runDebugs(device, 1, windowOn('dbg-ok'));
    expect(result).toMatchObject({ seconds: 1, enabled: [...DEBUG_COMMANDS], refused: [], turnedOff: true, error: null });
    const lines = await logged(device);
    expect(lines[0]).toBe('HTTPC: POST https://smartreceiver.cisco.com/licservice/license');
    expect(lines).toContain('SSL_connect:SSL negotiation finished successfully');
    expect(lines).toContain('CRYPTO_PKI: certificate chain validated');
    expect(lines[lines.length - 1]).toBe('HTTPC: received response: 200 OK');
    expect((await device.run('show debugging')).output.trim()).toBe('');
    // Off means off: another sync adds no debug line.
    await device.run('license smart sync all');
    await licensingSettled(fleet.device('dbg-ok'));
    expect(await logged(device)).toEqual(lines);
  });

  it('after the name server is changed to one that does not answer, the HTTP client lines end at the failed lookup', async () => {
    // Trust first (a switch without trust sends no sync to trace), then break DNS.
    const device = await configured('dbg-dns');
    await device.configure(['no ip name-server 10.31.104.74', 'ip name-server 10.9.9.9']);
    const result = await runDebugs(device, 1, windowOn('dbg-dns'));
    expect(result).toMatchObject({ enabled: [...DEBUG_COMMANDS], turnedOff: true });
    expect((await logged(device)).filter((l) => l.startsWith('HTTPC'))).toEqual([
      'HTTPC: POST https://smartreceiver.cisco.com/licservice/license',
      'HTTPC: resolving smartreceiver.cisco.com (domain server 10.9.9.9)',
      'HTTPC: ip address lookup error for smartreceiver.cisco.com: Unable to resolve server hostname/domain name',
    ]);
    expect((await device.run('show debugging')).output.trim()).toBe('');
  });

  it('runDebugs().lines holds the debug lines the switch printed', async () => {
    const device = await configured('dbg-gap');
    const result = await runDebugs(device, 1, windowOn('dbg-gap'));
    expect(debugOnly(result.lines)).toEqual(await logged(device));
    expect(debugOnly(result.lines).length).toBeGreaterThan(0);
  });
});
