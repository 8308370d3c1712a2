import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { connectDevice, ConnectOptions, Device } from '../../../src/device';
import type { TinyScript } from '../../helpers/tiny-shell';
import { startTinyServer, TinyServer } from '../../helpers/tiny-ssh-server';

export const PASSWORD = 'admin-pw';

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'slp-device-'));
}

export function optionsFor(server: { port: number }, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  return {
    name: 'sw-test',
    host: '127.0.0.1',
    port: server.port,
    username: 'admin',
    password: PASSWORD,
    hostKeyChecking: 'off',
    connectTimeoutMs: 3000,
    commandTimeoutMs: 2000,
    ...extra,
  };
}

/** Starts a scripted server, connects a device to it, and always closes both. */
export async function withDevice<T>(
  script: TinyScript,
  fn: (device: Device, server: TinyServer) => Promise<T>,
  extra: Partial<ConnectOptions> = {},
): Promise<T> {
  const server = await startTinyServer(script);
  let device: Device | undefined;
  try {
    device = await connectDevice(optionsFor(server, extra));
    return await fn(device, server);
  } finally {
    await device?.close();
    await server.close();
  }
}
