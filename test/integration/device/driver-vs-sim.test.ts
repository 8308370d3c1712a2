import { connectDevice, Device } from '../../../src/device';
import { CommandRejectedError } from '../../../src/errors';
import { Fleet, startFleet } from '../../../src/simulator';

/** The driver against the real simulated Catalyst 9300 (src/simulator), over SSH on 127.0.0.1. */
describe('driver against the simulated fleet', () => {
  let fleet: Fleet;
  let device: Device;

  beforeAll(async () => {
    fleet = await startFleet(
      [
        {
          name: 'sw-a1',
          port: 0,
          credentials: { username: 'admin', password: 'admin', enableSecret: 'lab-enable' },
          sim: { platform: 'C9300-48UN', version: '17.09.04', members: 2 },
        },
      ],
      { asyncDelayMs: 50 },
    );
    device = await connectDevice({
      name: 'sw-a1',
      host: '127.0.0.1',
      port: fleet.hosts['sw-a1']!.port,
      username: 'admin',
      password: 'admin',
      enableSecret: 'lab-enable',
      hostKeyChecking: 'off',
      connectTimeoutMs: 5000,
      commandTimeoutMs: 5000,
    });
  });

  afterAll(async () => {
    await device?.close();
    await fleet?.stop();
  });

  it('logs in and enables', () => {
    expect(device.info.prompt).toMatch(/^[\w.-]+#$/);
    expect(device.info.host).toBe('sw-a1');
  });

  it('reads show version, cleanly', async () => {
    const r = await device.run('show version');
    expect(r.output.split('\n')[0]).toBe('Cisco IOS XE Software, Version 17.09.04');
    expect(r.output).not.toMatch(/[\r\x1b]|show version|#$/);
  });

  it('configures lines and finds them in the running-config', async () => {
    const results = await device.configure(['ip domain name lab.example.com', 'license smart transport smart']);
    expect(results.map((r) => [r.command, r.output])).toEqual([
      ['ip domain name lab.example.com', ''],
      ['license smart transport smart', ''],
    ]);
    expect(fleet.device('sw-a1').runningConfig()).toMatch(/^ip domain name lab\.example\.com$/m);
    expect((await device.run('show running-config | include ip domain name')).output).toBe('ip domain name lab.example.com');
  });

  it('reports a rejected config line and is back at the exec prompt', async () => {
    const err = await device.configure(['license smart proxy port 70000']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandRejectedError);
    expect(err).toMatchObject({ command: 'license smart proxy port 70000', indicator: '% Invalid input detected' });
    expect(device.info.prompt).toMatch(/^[\w.-]+#$/);
    await expect(device.run('show privilege')).resolves.toMatchObject({ output: 'Current privilege level is 15' });
  });

  it('lifts syslog events (config change) out of the session', async () => {
    await device.configure(['ip domain name lab2.example.com']);
    // The simulator prints %SYS-5-CONFIG_I after `end`; a following command collects it for sure.
    await device.run('show privilege');
    const events = device.drainEvents();
    expect(events.map((e) => `${e.facility}-${e.severity}-${e.mnemonic}`)).toContain('SYS-5-CONFIG_I');
  });
});
