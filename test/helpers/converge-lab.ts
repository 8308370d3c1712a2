/**
 * A simulated lab for the converge integration tests: the fleet started before the suite and
 * stopped after it, sessions opened with the lab's credentials (closed at the end), a backup
 * folder, and converge options with short polls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDevice, type Device } from '../../src/device';
import type { ConvergeOptions } from '../../src/converge/converge-host';
import { startFleet, type Fleet, type SimDeviceSpec } from '../../src/simulator';

export interface ConvergeLab {
  readonly fleet: Fleet;
  connect(name: string): Promise<Device>;
  opts(name: string, over?: ConvergeOptions): ConvergeOptions;
}

export function useConvergeLab(
  specs: SimDeviceSpec[],
  o: { credentials: { username: string; password: string; enableSecret: string }; token: string; waitMs: number },
): ConvergeLab {
  let fleet: Fleet | undefined;
  let backups = '';
  const open: Device[] = [];
  beforeAll(async () => {
    fleet = await startFleet(specs, { host: '127.0.0.1', asyncDelayMs: 30 });
    backups = mkdtempSync(path.join(os.tmpdir(), 'slp-converge-lab-'));
  });
  afterAll(async () => {
    await Promise.all(open.map((d) => d.close().catch(() => undefined)));
    await fleet?.stop();
    if (backups) rmSync(backups, { recursive: true, force: true });
  });
  return {
    get fleet(): Fleet {
      if (!fleet) throw new Error('the converge lab is not started (use it inside a test)');
      return fleet;
    },
    async connect(name) {
      const device = await connectDevice({
        name, host: '127.0.0.1', port: this.fleet.hosts[name]!.port, ...o.credentials,
        hostKeyChecking: 'off', connectTimeoutMs: 5000, commandTimeoutMs: 5000, secrets: [o.token],
      });
      open.push(device);
      return device;
    },
    opts: (name, over = {}) => ({ host: name, backupDir: backups, pollMs: 50, trustTimeoutMs: o.waitMs, syncTimeoutMs: o.waitMs, ...over }),
  };
}
