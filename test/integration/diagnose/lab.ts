/**
 * Shared set-up for the verify/diagnose integration tests: a simulated fleet on 127.0.0.1 (port 0),
 * devices reached through the real driver, and a way to bring a switch to a configured state by
 * pushing the seed's config lines and the trust token through Device.
 */
import { connectDevice, type Device, type DeviceEvent } from '../../../src/device';
import { parseShowLicenseHistoryMessage, parseShowLicenseStatus } from '../../../src/parsers';
import { startFleet, type Fleet, type SimDeviceSpec } from '../../../src/simulator';
import { waitFor } from '../../helpers/wait-for';

export const TOKEN = 'TGFiVG9rZW4tZmFrZS1hYmNkZWZnaGlqMDEyMzQ1Njc4OS1sYWItb25seS0y%0AYWJjZGVmfExhYlRva2VuRm9yVGVzdHNOb3RSZWFs%0AWTI9%3D%0A'; // CSSM's form (reference §2.1)
export const credentials = { username: 'admin', password: 'admin', enableSecret: 'lab-enable' };

export const spec = (name: string, sim: SimDeviceSpec['sim'] = {}): SimDeviceSpec => ({
  name, port: 0, credentials, sim: { platform: 'C9300-48P', version: '17.09.04', ...sim },
});

export async function connect(port: number, name: string, open: Device[], onEvent?: (event: DeviceEvent) => void): Promise<Device> {
  const device = await connectDevice({
    name, host: '127.0.0.1', port, ...credentials,
    hostKeyChecking: 'off', connectTimeoutMs: 5000, commandTimeoutMs: 5000, secrets: [TOKEN],
    ...(onEvent ? { onEvent } : {}),
  });
  open.push(device);
  return device;
}

/**
 * The fleet of `specs`, started before the suite and stopped after it (sessions closed first),
 * and `dev(name)` to open a session to one of its switches.
 */
export function useDiagnoseLab(specs: SimDeviceSpec[]): { readonly fleet: Fleet; dev(name: string): Promise<Device> } {
  let fleet: Fleet | undefined;
  const open: Device[] = [];
  beforeAll(async () => {
    fleet = await startFleet(specs, { host: '127.0.0.1', asyncDelayMs: 20 });
  });
  afterAll(async () => {
    await Promise.all(open.map((d) => d.close().catch(() => undefined)));
    await fleet?.stop();
  });
  const lab = {
    get fleet(): Fleet {
      if (!fleet) throw new Error('the diagnose lab is not started (use it inside a test)');
      return fleet;
    },
    dev: (name: string): Promise<Device> => connect(lab.fleet.hosts[name]!.port, name, open),
  };
  return lab;
}

/** The seed's configuration steps 1–3 (Smart transport, DNS, source interface, optional proxy). */
export function seedLines(proxy?: { address: string; port: number }): string[] {
  return [
    'license smart transport smart',
    'license smart url default',
    'ip name-server 10.31.104.74',
    'ip domain lookup source-interface Vlan10',
    'ip http client source-interface Vlan10',
    ...(proxy ? [`license smart proxy address ${proxy.address}`, `license smart proxy port ${proxy.port}`] : []),
  ];
}

/**
 * Reads through the device until `done` holds, and returns what was read: the simulator lands
 * licensing results asynchronously. Each read is a command on the switch, hence the slower poll.
 */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  let v!: T;
  await waitFor(async () => done((v = await read())), what, { everyMs: 50 });
  return v;
}

/** Installs trust and waits until CSSM's answer (or its absence) is in the message history. */
export async function installTrust(device: Device): Promise<void> {
  await device.run(`license smart trust idtoken ${TOKEN} all force`, { secret: true });
  await until(
    async () => parseShowLicenseHistoryMessage((await device.run('show license history message')).output).value,
    (h) => h.exchanges.length > 0 && h.exchanges.every((x) => x.responseAt !== null),
    'the trust request to be answered',
  );
}

/** Runs `license smart sync all` and waits for the ACK to show in `show license status`. */
export async function syncAndWaitForAck(device: Device): Promise<void> {
  await device.run('license smart sync all');
  await until(
    async () => parseShowLicenseStatus((await device.run('show license status')).output).value,
    (s) => !!s.usageReporting?.lastAckReceived,
    'the usage report ACK',
  );
}

/**
 * Connects to `name` and brings it to the seed's configured state with trust installed; `onEvent`
 * sees every syslog line the session receives.
 */
export async function configured(fleet: Fleet, name: string, open: Device[], onEvent?: (event: DeviceEvent) => void): Promise<Device> {
  const device = await connect(fleet.hosts[name]!.port, name, open, onEvent);
  await device.configure(seedLines());
  await installTrust(device);
  return device;
}
