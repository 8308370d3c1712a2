/** TLS debugs: bounded window, lines collected, `undebug all` always sent. */
import { DEBUG_COMMANDS, runDebugs } from '../../../src/diagnose/debugs';
import { ScriptedDevice } from '../../helpers/scripted-device';

const HEAD = 'Syslog logging: enabled\n\nLog Buffer (102400 bytes):\n\n';
const OLD = 'Jan 24 23:19:05.144: %SMART_LIC-6-TRUST_INSTALL_SUCCESS: A new licensing trust code was successfully installed on P:C9300-48UN,S:FOC1.\n';
const NEW = 'Jan 24 23:40:02.001: %PKI-3-CERTIFICATE_INVALID_EXPIRED: Certificate chain validation has failed.  The certificate (SN: 01) has expired.\n';

function clock() {
  const slept: number[] = [];
  return { slept, now: () => new Date(0), sleep: async (ms: number) => void slept.push(ms) };
}

describe('runDebugs', () => {
  it('turns the guide’s debugs on, syncs, waits the window, collects new lines, turns them off', async () => {
    const script: Record<string, string | string[]> = { 'show logging': [HEAD + OLD, HEAD + OLD + NEW], 'license smart sync all': '', 'undebug all': 'All possible debugging has been turned off\n' };
    for (const c of DEBUG_COMMANDS) script[c] = '';
    const device = new ScriptedDevice(script);
    const c = clock();
    const r = await runDebugs(device, 30, c);
    expect(device.log).toEqual(['show logging', ...DEBUG_COMMANDS, 'license smart sync all', 'show logging', 'undebug all']);
    expect(c.slept).toEqual([30_000]);
    expect(r).toMatchObject({ seconds: 30, enabled: DEBUG_COMMANDS, refused: [], turnedOff: true, error: null, lines: [NEW.trim()] });
  });

  it('a release without the debugs: each refusal is reported, undebug all still sent; the window is capped', async () => {
    const device = new ScriptedDevice({ 'show logging': HEAD, 'undebug all': '' });
    const c = clock();
    const r = await runDebugs(device, 100_000, c);
    expect(r.seconds).toBe(300);
    expect(r.refused.map((x) => x.command)).toEqual(DEBUG_COMMANDS);
    expect(c.slept).toEqual([]);
    expect(device.log[device.log.length - 1]).toBe('undebug all');
    expect(r.turnedOff).toBe(true);
  });

  it('a failure in the middle still ends with undebug all', async () => {
    const script: Record<string, string | Error | (string | Error)[]> = { 'show logging': [HEAD, new Error('sw1: connection closed')], 'license smart sync all': '', 'undebug all': '' };
    for (const c of DEBUG_COMMANDS) script[c] = '';
    const device = new ScriptedDevice(script);
    const r = await runDebugs(device, 5, clock());
    expect(r).toMatchObject({ error: 'sw1: connection closed', turnedOff: true });
    expect(device.log[device.log.length - 1]).toBe('undebug all');
  });
});
