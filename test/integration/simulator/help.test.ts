import { startFleet, type Fleet, type SimDeviceSpec } from '../../../src/simulator';
import { openSim, type SimClient } from '../../helpers/sim-client';

const cred = { username: 'admin', password: 'admin', enableSecret: 'lab-enable' };
const specs: SimDeviceSpec[] = [{ name: 'sw', port: 0, credentials: cred }];

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(specs, { asyncDelayMs: 20 });
});
afterAll(() => fleet.stop());

async function privileged(): Promise<SimClient> {
  const c = await openSim({ port: fleet.hosts.sw.port, password: 'admin' });
  await c.send('enable', /Password: $/);
  await c.send('lab-enable');
  await c.send('terminal length 0');
  return c;
}

/** Types `text` (ending in `?`, no Enter) and returns what came back up to the redrawn partial line. */
async function ask(c: SimClient, text: string, redraw: string): Promise<string> {
  c.write(text);
  const escaped = redraw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return c.read(new RegExp(`\\r\\n${escaped}$`));
}

/** The first word of every listing row, as Ansible's cliconf scans it. */
const firstWords = (out: string): string[] =>
  out
    .split('\r\n')
    .slice(1, -2)
    .map((l) => l.trim().split(/\s+/)[0]);

describe('IOS ? help', () => {
  test('`show ?` lists the show keywords with descriptions in two columns', async () => {
    const c = await privileged();
    const out = await ask(c, 'show ?', 'Switch#show ');
    const words = firstWords(out);
    expect(words).toEqual(expect.arrayContaining(['license', 'running-config', 'startup-config', 'version', 'clock', 'logging']));
    expect(words).not.toContain('<cr>'); // `show` alone is incomplete
    expect(out).toMatch(/\r\n {2}running-config +Current operating configuration\r\n/);
    // descriptions start in one column
    const cols = out.split('\r\n').slice(1, -2).map((l) => l.length - l.slice(2).replace(/^\S+\s+/, '').length);
    expect(new Set(cols).size).toBe(1);
    c.end();
  });

  test('`show running-config ?` lists all, | and <cr>; the prompt is redrawn and Enter runs the command', async () => {
    const c = await privileged();
    const out = await ask(c, 'show running-config ?', 'Switch#show running-config ');
    expect(out.startsWith('show running-config ?\r\n')).toBe(true);
    expect(firstWords(out)).toEqual(['all', '|', '<cr>']);
    const done = await c.send('');
    expect(done).toContain('Current configuration : ');
    expect(done).toContain('\r\nhostname Switch\r\n');
    expect(done.endsWith('\r\nSwitch#')).toBe(true);
    c.end();
  });

  test('`show running-config all` adds the hidden defaults', async () => {
    const c = await privileged();
    const plain = await c.cmd('show running-config | include ^ip domain lookup$');
    const all = await c.cmd('show running-config all | include ^ip domain lookup$');
    expect(plain).toBe('');
    expect(all).toBe('ip domain lookup');
    c.end();
  });

  test('after a partial word: the matching keywords on one line, then the partial word again', async () => {
    const c = await privileged();
    expect(await ask(c, 'sh?', 'Switch#sh')).toBe('sh?\r\nshow  \r\n\r\nSwitch#sh');
    // keep typing after the redraw and run it
    expect(await ask(c, 'ow l?', 'Switch#show l')).toBe('ow l?\r\nlicense  logging  \r\n\r\nSwitch#show l');
    expect(await c.send('icense udi')).toContain('UDI: PID:');
    expect(await ask(c, 'xyz?', 'Switch#xyz')).toBe('xyz?\r\n% Unrecognized command\r\nSwitch#xyz');
    c.write('\x03');
    await c.read();
    c.end();
  });

  test('invalid word before ? gets the caret; `| ?` lists the output modifiers', async () => {
    const c = await privileged();
    const bad = await ask(c, 'show licence ?', 'Switch#show licence ');
    expect(bad).toBe(`show licence ?\r\n${' '.repeat('Switch#show '.length)}^\r\n% Invalid input detected at '^' marker.\r\n\r\nSwitch#show licence `);
    c.write('\x03');
    await c.read();
    const pipe = await ask(c, 'show version | ?', 'Switch#show version | ');
    expect(firstWords(pipe)).toEqual(['begin', 'count', 'exclude', 'include', 'section']);
    c.write('\x03');
    await c.read();
    c.end();
  });

  test('config mode: `license smart ?` lists transport, url, proxy, vrf, usage; `do` asks the EXEC table', async () => {
    const c = await privileged();
    await c.send('configure terminal');
    const out = await ask(c, 'license smart ?', 'Switch(config)#license smart ');
    expect(firstWords(out)).toEqual(['proxy', 'transport', 'url', 'usage', 'vrf']);
    const transports = await ask(c, 'transport ?', 'Switch(config)#license smart transport ');
    expect(firstWords(transports)).toEqual(['automatic', 'callhome', 'cslu', 'off', 'smart']);
    expect(await c.send('smart')).toBe('smart\r\nSwitch(config)#');
    const viaDo = await ask(c, 'do show ver?', 'Switch(config)#do show ver');
    expect(viaDo).toBe('do show ver?\r\nversion  \r\n\r\nSwitch(config)#do show ver');
    c.write('\x03');
    await c.read();
    await c.send('end');
    expect(await c.cmd('show running-config | include ^license smart transport')).toBe('license smart transport smart');
    c.end();
  });

  test('? at a password question is part of the password, never a help listing', async () => {
    const c = await openSim({ port: fleet.hosts.sw.port, password: 'admin' });
    await c.send('enable', /Password: $/);
    c.write('lab?');
    // nothing is echoed for a secret, so the next output is the answer to Enter
    expect(await c.send('', /Password: $/)).toBe('\r\nPassword: ');
    expect(await c.send('lab-enable')).toBe('\r\nSwitch#');
    expect(c.transcript()).not.toContain('lab?');
    c.end();
  });
});
