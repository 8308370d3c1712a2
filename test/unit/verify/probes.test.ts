/** runProbes reads a rejected probe command from the result: the device's answer, not an exception. */
import { DisconnectedError } from '../../../src/errors';
import { probeLine, runProbes, type ProbeTarget } from '../../../src/verify/probes';
import { Rejected, ScriptedDevice } from '../../helpers/scripted-device';

const TARGET: ProbeTarget = { host: 'bad.example', port: 443, via: 'direct', vrf: null, sourceInterface: 'Vlan10' };
const PING = 'ping bad.example source Vlan10';
const TELNET = 'telnet bad.example 443 /ipv4 /source-interface Vlan10';

describe('runProbes', () => {
  it('parses a telnet answered with "% Bad IP address" (a failure indicator) as an unknown host, without throwing', async () => {
    const device = new ScriptedDevice({
      [PING]: 'Translating "bad.example"...domain server (10.31.104.74)\n% Unrecognized host or address, or protocol not running.\n',
      [TELNET]: new Rejected('% Bad', 'Translating "bad.example"...domain server (10.31.104.74)\n% Bad IP address or host name'),
    });
    const probes = await runProbes(device, TARGET);
    expect(probes.map((p) => [p.kind, p.ping?.outcome ?? p.telnet?.outcome, p.rejected])).toEqual([
      ['ping', 'unresolved', undefined],
      ['telnet', 'unknown_host', undefined],
    ]);
    expect(probes[1]!.telnet).toMatchObject({ host: 'bad.example', dnsServer: '10.31.104.74', error: '% Bad IP address or host name' });
    expect(probes.map(probeLine)).toEqual([
      `${PING}: % Unrecognized host or address, or protocol not running.`,
      `${TELNET}: % Bad IP address or host name`,
    ]);
  });

  it('records a ping the device refuses as rejected, and still runs the telnet', async () => {
    const device = new ScriptedDevice({
      [PING]: new Rejected('% Invalid input detected', "                      ^\n% Invalid input detected at '^' marker."),
      [TELNET]: 'Trying 10.105.58.227, 443 ... Open\n',
    });
    const probes = await runProbes(device, TARGET);
    expect(probes[0]).toMatchObject({ kind: 'ping', rejected: '% Invalid input detected', ping: { outcome: 'failed' } });
    expect(probeLine(probes[0]!)).toBe(`${PING}: % Invalid input detected at '^' marker.`);
    expect(probes[1]).toMatchObject({ kind: 'telnet', telnet: { outcome: 'open' } });
    expect(device.log).toEqual([PING, TELNET]);
  });

  it('still throws when the session is lost: that is no answer from the device', async () => {
    const device = new ScriptedDevice({ [PING]: new DisconnectedError('sw1', PING) });
    await expect(runProbes(device, TARGET)).rejects.toBeInstanceOf(DisconnectedError);
  });
});

describe('runProbes: a telnet that proves nothing is untested, never a failure', () => {
  it.each([
    ['refused by the vty (transport output none)', '% telnet connections not permitted from this terminal'],
    ['rejected by the CLI', new Rejected('% Invalid input detected', "                      ^\n% Invalid input detected at '^' marker.")],
  ])('%s', async (_name, reply) => {
    const device = new ScriptedDevice({ [PING]: 'Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/1 ms\n', [TELNET]: reply });
    const probes = await runProbes(device, TARGET);
    expect(probes[1]).toMatchObject({ kind: 'telnet', untested: expect.stringMatching(/: TCP path untested$/) });
    expect(probes[1]!.telnet).toBeUndefined();
    expect(probeLine(probes[1]!)).toMatch(new RegExp(`^${TELNET}: % .*: TCP path untested$`));
  });

  it('is not sent at all when the caller knows the vty refuses it', async () => {
    const device = new ScriptedDevice({ [PING]: 'Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/1 ms\n' });
    const probes = await runProbes(device, TARGET, undefined, { telnetAllowed: false });
    expect(device.log).toEqual([PING]);
    expect(probes[1]!.untested).toMatch(/transport output/);
  });
});
