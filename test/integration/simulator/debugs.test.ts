/**
 * The guide's debugs on the simulated switch: the commands and their answers, `show debugging`,
 * `undebug all`, and the debug lines the licensing agent prints while they are on — derived from
 * the network model, so each fault stops the trace at its own step. Also reject_command in EXEC.
 */
import { startFleet, type Fleet, type SimDeviceSpec, type SimFaults } from '../../../src/simulator';
import { openSim, type SimClient } from '../../helpers/sim-client';
import { licensingSettled } from '../../helpers/wait-for';

const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQz';
const CONFIG = ['license smart transport smart', 'license smart url default', 'ip name-server 10.31.104.74', 'ip http client source-interface Vlan10'];
const DEBUGS = ['debug ip http client all', 'debug ssl openssl states', 'debug ssl openssl errors', 'debug crypto pki messages', 'debug crypto pki transactions'];
const cred = { username: 'admin', password: 'admin' };
const host = (name: string, faults: SimFaults = {}): SimDeviceSpec => ({ name, port: 0, credentials: cred, sim: { faults } });

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(
    [host('ok'), host('ok2'), host('dns', { dns_unreachable: true }), host('timeout', { cssm: 'timeout' }), host('noreply', { cssm: 'no_reply' }), host('clock', { clock_not_set: true }), host('rej', { reject_command: 'monitor capture SLPCAP start' })],
    { asyncDelayMs: 20, startTime: Date.parse('2025-01-24T23:30:00Z') },
  );
});
afterAll(() => fleet.stop());

async function configured(name: string, debugs = DEBUGS): Promise<SimClient> {
  const c = await openSim({ port: fleet.hosts[name].port, password: 'admin' });
  await c.send('terminal length 0');
  await c.send('conf t');
  for (const l of CONFIG) await c.send(l);
  await c.send('end');
  for (const d of debugs) await c.send(d);
  return c;
}

const DEBUG_LINE = /HTTPC|SSL_|CRYPTO_PKI/;
/** The debug lines in the buffer, timestamps removed. */
async function debugLines(c: SimClient): Promise<string[]> {
  const log = await c.cmd('show logging');
  return log.split('\n').filter((l) => DEBUG_LINE.test(l)).map((l) => l.replace(/^\*?\w{3} \d{2} [\d:.]+: /, ''));
}

const TLS_OK = [
  'CRYPTO_PKI: Session started - identity not specified',
  'SSL_connect:before SSL initialization',
  'SSL_connect:SSLv3/TLS write client hello',
  'SSL_connect:SSLv3/TLS read server hello',
  'SSL_connect:SSLv3/TLS read server certificate',
  'CRYPTO_PKI: validating the server certificate chain',
  'CRYPTO_PKI: certificate chain validated',
  'CRYPTO_PKI: Session terminated',
  'SSL_connect:SSLv3/TLS write finished',
  'SSL_connect:SSL negotiation finished successfully',
];

describe('debug commands', () => {
  test('each debug answers like IOS, show debugging lists them, undebug all turns every one off', async () => {
    const c = await openSim({ port: fleet.hosts.ok2.port, password: 'admin' });
    const answers: string[] = [];
    for (const d of DEBUGS) answers.push(await c.cmd(d));
    expect(answers).toEqual([
      'HTTP Client all debugging is on',
      'SSL openssl states debugging is on',
      'SSL openssl errors debugging is on',
      'Crypto PKI Msg debugging is on',
      'Crypto PKI Trans debugging is on',
    ]);
    expect(await c.cmd('show debugging')).toBe([
      'HTTP Client:',
      '  HTTP Client all debugging is on',
      'SSL:',
      '  SSL openssl states debugging is on',
      '  SSL openssl errors debugging is on',
      'Crypto PKI:',
      '  Crypto PKI Msg debugging is on',
      '  Crypto PKI Trans debugging is on',
    ].join('\n'));
    expect(await c.cmd('no debug crypto pki messages')).toBe('Crypto PKI Msg debugging is off');
    expect(await c.cmd('show debugging | include PKI')).toBe('Crypto PKI:\n  Crypto PKI Trans debugging is on');
    expect(await c.cmd('undebug all')).toBe('All possible debugging has been turned off');
    expect(await c.cmd('show debugging')).toBe('');
    await c.cmd('debug ip http client all');
    expect(await c.cmd('no debug all')).toBe('All possible debugging has been turned off');
    expect(fleet.device('ok2').state.debugs.size).toBe(0);
    expect(await c.cmd('disable')).toBe('');
    // Not a command at privilege 1: IOS takes the word for a host name.
    expect(await c.cmd('debug ip http client all')).toMatch(/% Unknown command or computer name/);
    c.end();
  });

  test('a healthy trust install prints request, connect, TLS and reply; monitor sessions get them live; undebug all stops them', async () => {
    const c = await configured('ok');
    await c.send('terminal monitor');
    await c.send(`license smart trust idtoken ${TOKEN} all force`);
    // Each async line is followed by a fresh prompt; the install's own syslog comes last.
    const live = await c.read(/TRUST_INSTALL_SUCCESS[^\r]*\r\nSwitch#$/);
    expect(live).toMatch(/\r\nJan 24 23:3\d:\d{2}\.\d{3}: HTTPC: POST https:\/\/smartreceiver\.cisco\.com\/licservice\/license\r\n/);
    await c.cmd('terminal no monitor');
    expect(await debugLines(c)).toEqual([
      'HTTPC: POST https://smartreceiver.cisco.com/licservice/license',
      'HTTPC: resolving smartreceiver.cisco.com (domain server 10.31.104.74)',
      'HTTPC: connecting to 146.112.59.25:443',
      'HTTPC: connected to 146.112.59.25:443',
      ...TLS_OK,
      'HTTPC: request sent, waiting for the response',
      'HTTPC: received response: 200 OK',
    ]);
    const before = (await debugLines(c)).length;
    await c.cmd('undebug all');
    await c.cmd('license smart sync all');
    await licensingSettled(fleet.device('ok'));
    const reports = fleet.device('ok').state.licensing.history['Usage Reporting'];
    expect(reports.map((e) => !!e.response)).toEqual([true]);
    expect(await debugLines(c)).toHaveLength(before);
    c.end();
  });

  test.each([
    ['dns', ['HTTPC: POST https://smartreceiver.cisco.com/licservice/license', 'HTTPC: resolving smartreceiver.cisco.com (domain server 10.31.104.74)', 'HTTPC: ip address lookup error for smartreceiver.cisco.com: Unable to resolve server hostname/domain name']],
    ['timeout', ['HTTPC: POST https://smartreceiver.cisco.com/licservice/license', 'HTTPC: resolving smartreceiver.cisco.com (domain server 10.31.104.74)', 'HTTPC: connecting to 146.112.59.25:443', 'HTTPC: connect to 146.112.59.25:443 failed: Connection timed out']],
    ['noreply', ['HTTPC: request sent, waiting for the response', 'SSL_read:error: Connection timed out', 'HTTPC: no response from server: Connection timed out']],
    ['clock', ['CRYPTO_PKI: certificate validation failed: certificate is not yet valid', 'SSL_connect:error: certificate verify failed (certificate is not yet valid)', 'CRYPTO_PKI: Session terminated', 'HTTPC: request to https://smartreceiver.cisco.com/licservice/license failed: TLS handshake failed']],
  ])('%s: the trace stops at the network model\'s failure, with its reason', async (name, tail) => {
    const c = await configured(name);
    await c.send(`license smart trust idtoken ${TOKEN} all force`);
    // The trace is printed as the switch lands the request's outcome.
    await licensingSettled(fleet.device(name));
    const lines = await debugLines(c);
    expect(lines.slice(-tail.length)).toEqual(tail);
    // An unset clock marks debug stamps with `*`, as it does syslog stamps.
    if (name === 'clock') expect(await c.cmd('show logging | include certificate validation failed')).toMatch(/^\*Mar 01 00:0\d:\d{2}\.\d{3}: CRYPTO_PKI: /);
    c.end();
  });

  test('only the flags that are on print: PKI transactions alone', async () => {
    const c = await configured('ok2', ['debug crypto pki transactions']);
    await c.send(`license smart trust idtoken ${TOKEN} all force`);
    await licensingSettled(fleet.device('ok2'));
    expect(await debugLines(c)).toEqual(['CRYPTO_PKI: Session started - identity not specified', 'CRYPTO_PKI: Session terminated']);
    await c.cmd('undebug all');
    c.end();
  });
});

describe('reject_command in privileged EXEC', () => {
  test('a matching exec command gets % Invalid input at the match; other capture commands still work', async () => {
    const c = await openSim({ port: fleet.hosts.rej.port, password: 'admin' });
    expect(await c.cmd('monitor capture SLPCAP interface GigabitEthernet1/0/1 both')).toBe('');
    expect(await c.cmd('monitor capture SLPCAP start')).toBe(`${' '.repeat('Switch#'.length)}^\n% Invalid input detected at '^' marker.\n`);
    expect(fleet.device('rej').state.captures.get('SLPCAP')?.running).toBe(false);
    await c.send('conf t');
    expect(await c.cmd('do monitor capture SLPCAP start')).toBe(`${' '.repeat('Switch(config)#do '.length)}^\n% Invalid input detected at '^' marker.\n`);
    await c.send('end');
    expect(await c.cmd('no monitor capture SLPCAP')).toBe('');
    expect(fleet.device('rej').state.captures.size).toBe(0);
    c.end();
  });
});
