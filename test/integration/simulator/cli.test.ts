import { startFleet, type Fleet, type SimDeviceSpec } from '../../../src/simulator';
import { connectSim, openSim, type SimClient } from '../../helpers/sim-client';
import { waitFor } from '../../helpers/wait-for';

const cred = { username: 'admin', password: 'admin', enableSecret: 'lab-enable' };
const specs: SimDeviceSpec[] = [
  { name: 'sw', port: 0, credentials: cred, sim: { members: 2, motd: 'Authorized access only' } },
  { name: 'nopw', port: 0, credentials: { username: 'admin', password: 'admin' } },
  { name: 'authfail', port: 0, credentials: cred, sim: { faults: { auth_failure: true } } },
  { name: 'drop', port: 0, credentials: cred, sim: { faults: { disconnect_after_commands: 2 } } },
  { name: 'reject', port: 0, credentials: cred, sim: { faults: { reject_command: 'ip http client source-interface' } } },
  { name: 'hang', port: 0, credentials: cred, sim: { faults: { hang_on_command: 'ip domain name' } } },
  { name: 'legacy', port: 0, credentials: cred, sim: { faults: { legacy_ssh_only: true } } },
];

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(specs, { asyncDelayMs: 20 });
});
afterAll(() => fleet.stop());

async function privileged(name = 'sw'): Promise<SimClient> {
  const c = await openSim({ port: fleet.hosts[name].port, password: 'admin' });
  await c.send('enable', /Password: $/);
  await c.send('lab-enable');
  await c.send('terminal length 0');
  return c;
}

describe('simulated IOS XE CLI over SSH', () => {
  test('banner then user EXEC prompt; enable asks for the secret; show privilege says 15', async () => {
    const c = await openSim({ port: fleet.hosts.sw.port, password: 'admin' });
    expect(c.transcript()).toBe('\r\nAuthorized access only\r\n\r\nSwitch>');
    expect(await c.cmd('show privilege')).toBe('Current privilege level is 1');
    expect(await c.send('enable', /Password: $/)).toBe('enable\r\nPassword: ');
    expect(await c.send('wrong', /Password: $/)).toBe('\r\nPassword: ');
    expect(await c.send('lab-enable')).toBe('\r\nSwitch#');
    expect(await c.cmd('show privilege')).toBe('Current privilege level is 15');
    c.end();
  });

  test('a host without an enable secret starts in privileged EXEC', async () => {
    const c = await openSim({ port: fleet.hosts.nopw.port, password: 'admin' });
    expect(c.transcript().endsWith('Switch#')).toBe(true);
    c.end();
  });

  test('error markers: caret under the bad word, incomplete, ambiguous', async () => {
    const c = await privileged();
    expect(await c.cmd('show licence status')).toBe(`${' '.repeat('Switch#show '.length)}^\n% Invalid input detected at '^' marker.\n`);
    expect(await c.cmd('show license')).toBe('% Incomplete command.\n');
    expect(await c.cmd('show l')).toBe('% Ambiguous command:  "show l"');
    expect(await c.cmd('foo')).toBe('Translating "foo"...domain server (255.255.255.255)\n% Unknown command or computer name, or unable to find computer address');
    c.end();
  });

  test('configuration modes, abbreviations, sub-mode fallthrough and end from anywhere', async () => {
    const c = await privileged();
    expect(await c.send('conf t')).toBe('conf t\r\nEnter configuration commands, one per line.  End with CNTL/Z.\r\nSwitch(config)#');
    expect((await c.send('int vlan20')).endsWith('Switch(config-if)#')).toBe(true);
    await c.send('ip address 10.20.0.1 255.255.255.0');
    expect((await c.send('hostname lab-sw1')).endsWith('lab-sw1(config)#')).toBe(true);
    expect((await c.send('end')).endsWith('lab-sw1#')).toBe(true);
    expect(fleet.device('sw').runningConfig()).toContain('\ninterface Vlan20\n ip address 10.20.0.1 255.255.255.0\n!');
    await c.send('conf t');
    await c.send('hostname Switch');
    await c.send('end');
    c.end();
  });

  test('CR, LF and CRLF each count as one Enter; typed-ahead lines run in order with their own prompts', async () => {
    const c = await privileged();
    c.write('show clock\nshow privilege\r\nshow privilege\r');
    const out = await c.read(/(Current privilege level is 15[\s\S]*){2}Switch#$/);
    expect(out.split('\r\n').filter((l) => l.startsWith('Switch#'))).toEqual(['Switch#show privilege', 'Switch#show privilege', 'Switch#']);
    c.end();
  });

  test('paging with --More-- until terminal length 0', async () => {
    const c = await openSim({ port: fleet.hosts.nopw.port, password: 'admin' });
    const first = await c.send('show running-config', /--More-- $/);
    expect(first.split('\r\n')).toHaveLength(1 + 23 + 1);
    c.write('q');
    await c.read();
    await c.send('terminal length 0');
    expect(await c.send('show running-config')).toMatch(/\r\nend\r\n\r?\n?Switch#$/);
    c.end();
  });

  test('write memory and copy run start with its question update startup-config', async () => {
    const c = await privileged();
    await c.send('conf t');
    await c.send('ip domain name saved.example');
    await c.send('end');
    expect(fleet.device('sw').startupConfig()).not.toContain('saved.example');
    expect(await c.send('copy running-config startup-config', /\? $/)).toBe('copy running-config startup-config\r\nDestination filename [startup-config]? ');
    expect(await c.send('')).toBe('\r\nBuilding configuration...\r\n[OK]\r\nSwitch#');
    expect(fleet.device('sw').startupConfig()).toContain('\nip domain name saved.example\n');
    expect(await c.cmd('wr')).toBe('Building configuration...\n[OK]');
    c.end();
  });

  test('revert timer restores the config when not confirmed; configure confirm keeps it', async () => {
    const c = await privileged();
    const d = fleet.device('sw');
    await c.send('configure terminal revert timer 5');
    await c.send('ip domain name temp.example');
    await c.send('end');
    expect(d.runningConfig()).toContain('ip domain name temp.example');
    d.advanceClock(5 * 60_000 + 1);
    expect(d.runningConfig()).not.toContain('temp.example');
    await c.send('configure terminal revert timer 5');
    await c.send('ip domain name kept.example');
    await c.send('end');
    await c.send('configure confirm');
    d.advanceClock(10 * 60_000);
    expect(d.runningConfig()).toContain('ip domain name kept.example');
    c.end();
  });

  test('a line naming a VRF the switch does not define is refused and changes nothing; no archive removes the archive', async () => {
    const c = await privileged();
    const d = fleet.device('sw');
    await c.send('configure terminal');
    for (const line of ['license smart vrf Nope', 'ip name-server vrf Nope 10.0.0.53', 'ip domain name vrf Nope example.com', 'ip domain lookup vrf Nope source-interface Vlan10']) {
      expect(await c.send(line)).toBe(`${line}\r\n% VRF Nope does not exist\r\nSwitch(config)#`);
    }
    await c.send('archive');
    await c.send('path flash:slp-archive');
    await c.send('exit');
    expect(d.runningConfig()).toContain('archive\n path flash:slp-archive');
    await c.send('no archive');
    await c.send('end');
    expect(d.runningConfig()).not.toMatch(/Nope|^archive/m);
    c.end();
  });

  test('configure confirm with no timer running says so', async () => {
    const c = await privileged();
    expect(await c.cmd('configure confirm')).toBe('% No Rollback Confirmed Change pending');
    c.end();
  });

  test('syslog reaches the session only after terminal monitor', async () => {
    const c = await privileged();
    fleet.device('sw').state.syslog('%TEST-5-ONE: before monitor');
    await c.send('terminal monitor');
    fleet.device('sw').state.syslog('%TEST-5-TWO: after monitor');
    const note = await c.read(/TWO: after monitor\r\nSwitch#$/);
    expect(note).toMatch(/^\r\n\w{3} \d{2} [\d:.]+: %TEST-5-TWO: after monitor\r\nSwitch#$/);
    expect(c.transcript()).not.toContain('before monitor');
    c.end();
  });

  test('reload asks to confirm, then drops the session and boots from startup-config', async () => {
    const c = await privileged();
    await c.send('conf t');
    await c.send('ip domain name unsaved.example');
    await c.send('end');
    expect(await c.send('reload', /\[confirm\]$/)).toBe('reload\r\nProceed with reload? [confirm]');
    c.write('\r');
    await c.closed();
    expect(fleet.device('sw').runningConfig()).not.toContain('unsaved.example');
  });

  test('auth_failure refuses every login', async () => {
    await expect(connectSim({ port: fleet.hosts.authfail.port, password: 'admin' })).rejects.toThrow(/authentication/i);
  });

  test('disconnect_after_commands answers N commands and drops the session on the next', async () => {
    const c = await openSim({ port: fleet.hosts.drop.port, password: 'admin' });
    await c.send('show clock');
    await c.send('show clock');
    c.write('show clock\r');
    await c.closed();
    expect(c.transcript().match(/UTC/g)).toHaveLength(2);
  });

  test('disconnect_after_commands fires once per switch: a new session is answered again', async () => {
    const c = await openSim({ port: fleet.hosts.drop.port, password: 'admin' });
    await c.send('show clock');
    await c.send('show clock');
    c.write('show clock\r');
    expect(await c.send('show clock')).toMatch(/UTC/);
    c.end();
  });

  test('hang_on_command never answers that line, in config or EXEC: no output, no prompt, later input waits', async () => {
    const hang = fleet.device('hang');
    const c = await privileged('hang');
    await c.send('conf t');
    let entered = hang.state.linesEntered;
    c.write('ip domain name example.com\r');
    c.write('end\r');
    // The switch has taken the line (its answer, had there been one, was written then); the barrier
    // brings in everything it wrote before the barrier request, so what is missing never came.
    await waitFor(() => hang.state.linesEntered > entered, 'the switch to take the hung line');
    await c.barrier();
    // Only the echo of the hung line arrived (no newline, no output, no prompt); `end` waits behind it.
    expect(c.transcript().endsWith('Switch(config)#ip domain name example.com')).toBe(true);
    expect(hang.state.linesEntered).toBe(entered + 1);
    expect(hang.runningConfig()).not.toContain('ip domain name example.com');
    c.end();
    const e = await privileged('hang');
    entered = hang.state.linesEntered;
    e.write('show run | include ip domain name\r');
    await waitFor(() => hang.state.linesEntered > entered, 'the switch to take the hung line');
    await e.barrier();
    expect(e.transcript().endsWith('Switch#show run | include ip domain name')).toBe(true);
    e.end();
  });

  test('reject_command answers that config line with % Invalid input at the matching column', async () => {
    const c = await privileged('reject');
    await c.send('conf t');
    expect(await c.cmd('ip http client source-interface Vlan10')).toBe(`${' '.repeat('Switch(config)#'.length)}^\n% Invalid input detected at '^' marker.\n`);
    c.end();
  });

  test('legacy_ssh_only offers only old algorithms', async () => {
    await expect(connectSim({ port: fleet.hosts.legacy.port, password: 'admin', algorithms: { cipher: ['aes128-ctr'] } })).rejects.toThrow(/no matching/i);
    const c = await openSim({ port: fleet.hosts.legacy.port, password: 'admin', algorithms: { kex: ['diffie-hellman-group14-sha1'], cipher: ['aes128-cbc'], serverHostKey: ['ssh-rsa'], hmac: ['hmac-sha1'] } });
    expect(c.transcript().endsWith('Switch>')).toBe(true);
    c.end();
  });
});

describe('user EXEC (privilege 1)', () => {
  test('show ip interface brief is available before enable; show running-config is not', async () => {
    const c = await openSim({ port: fleet.hosts.sw.port, password: 'admin' });
    expect(await c.cmd('show ip interface brief | include ^Vlan10')).toBe('Vlan10                 10.31.121.118   YES NVRAM  up                    up      ');
    expect(await c.cmd('show running-config')).toBe(`${' '.repeat('Switch>show '.length)}^\n% Invalid input detected at '^' marker.\n`);
    c.end();
  });
});
