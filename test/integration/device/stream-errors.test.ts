/**
 * A stream error fails one host, never the process: 50 sessions read a long output at once while
 * errors are injected at each layer of a few of them (TCP reset on the socket, garbage in the SSH
 * stream, an 'error' on the shell channel itself). Only those hosts fail, each with
 * DisconnectedError; the other sessions read their whole output. An unhandled 'error' anywhere
 * would end the jest worker instead.
 */
import { connectDevice, iosChannelOptions, type Device } from '../../../src/device';
import { Channel } from '../../../src/device/channel';
import { IosDriver } from '../../../src/device/ios';
import { connectTransport, type ByteStream } from '../../../src/device/transport';
import { DisconnectedError } from '../../../src/errors';
import { Redactor } from '../../../src/redact';
import { startFaultyRelay } from '../../helpers/tcp-fakes';
import { startTinyServer, type TinyServer } from '../../helpers/tiny-ssh-server';
import { optionsFor } from './helpers';

const CHUNKS = Array.from({ length: 10 }, (_, i) => ({ text: `*Jan 24 23:19:0${i}.144: %SYS-5-CONFIG_I: line ${i}\n`, delayMs: 100 }));
const WHOLE = CHUNKS.map((c) => c.text).join('').trimEnd();
const HOSTS = 50;

let server: TinyServer;
beforeAll(async () => {
  server = await startTinyServer({ startPrivileged: true, replies: { 'show logging': { chunks: CHUNKS } } });
});
afterAll(() => server.close());

/** connectDevice's own steps, by hand, to hold the real ssh2 shell stream the channel reads. */
async function deviceWithStream(name: string): Promise<{ device: Device; stream: ByteStream }> {
  const o = optionsFor(server, { name });
  const transport = await connectTransport(o);
  const stream = await transport.openShell();
  const channel = new Channel(stream, iosChannelOptions(name, new Redactor()));
  const device = await IosDriver.open(channel, { name, loginTimeoutMs: 3000, commandTimeoutMs: 5000, onClose: () => transport.close() });
  return { device, stream };
}

it('fails only the hosts whose socket, SSH stream or shell channel errors, out of 50 running at once', async () => {
  const reset = await startFaultyRelay(server.port);
  const garble = await startFaultyRelay(server.port);
  const devices: Device[] = [];
  try {
    const faulty = {
      'sw-reset': await connectDevice(optionsFor(reset, { name: 'sw-reset' })),
      'sw-garble': await connectDevice(optionsFor(garble, { name: 'sw-garble' })),
    };
    const byHand = await deviceWithStream('sw-channel');
    const healthy = await Promise.all(Array.from({ length: HOSTS - 3 }, (_, i) => connectDevice(optionsFor(server, { name: `sw-${i}` }))));
    devices.push(...Object.values(faulty), byHand.device, ...healthy);
    const all: [string, Device][] = [...Object.entries(faulty), ['sw-channel', byHand.device], ...healthy.map((d, i): [string, Device] => [`sw-${i}`, d])];
    expect(all).toHaveLength(HOSTS);

    const runs = all.map(([name, d]) =>
      d.run('show logging').then(
        (r) => [name, r.output === WHOLE ? 'ok' : 'truncated'] as const,
        (e: unknown) => [name, e instanceof DisconnectedError ? `disconnected` : `other: ${String(e)}`] as const,
      ),
    );
    // Mid-output: the first chunks have arrived, the prompt has not.
    setTimeout(() => {
      reset.reset();
      garble.garble();
      (byHand.stream as unknown as { emit(e: string, err: Error): void }).emit('error', new Error('injected channel error'));
    }, 350);
    const results = Object.fromEntries(await Promise.all(runs));

    const failed = Object.entries(results).filter(([, r]) => r !== 'ok');
    expect(failed.sort()).toEqual([
      ['sw-channel', 'disconnected'],
      ['sw-garble', 'disconnected'],
      ['sw-reset', 'disconnected'],
    ]);
    // The failed sessions stay failed; the others stay usable.
    await expect(faulty['sw-reset'].run('show logging')).rejects.toBeInstanceOf(DisconnectedError);
    await expect(healthy[0]!.run('show privilege')).resolves.toMatchObject({ output: 'Current privilege level is 15' });
  } finally {
    await Promise.all(devices.map((d) => d.close().catch(() => undefined)));
    await reset.close();
    await garble.close();
  }
});
