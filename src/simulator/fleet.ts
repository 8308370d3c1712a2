/**
 * A fleet of simulated switches in one process: one SSH listener per device, device state built on
 * first use (so 1,000 idle devices stay small), and a handle for tests to inspect and poke each one.
 */
import { DeviceServer } from './ssh-server';
import { HostKeys } from './host-keys';
import { SimDevice } from './sim-device';
import type { FleetOptions, SimDeviceSpec, SimFaults } from './types';

const DEFAULT_ASYNC_DELAY_MS = 1500;

/** What a test can read and change on one simulated device. */
export interface DeviceHandle {
  readonly name: string;
  readonly port: number;
  /** The device model itself (config, licensing state, clock, syslog buffer). */
  readonly state: SimDevice;
  runningConfig(): string;
  startupConfig(): string;
  trustInstalled(): boolean[];
  /** The mode of every open CLI session (`exec`, `config`, `config-if`…). */
  openSessionModes(): string[];
  faults: SimFaults;
  /** Moves this device's clock forward, firing due timers (revert timer, reports, retries). */
  advanceClock(ms: number): void;
}

export class Fleet {
  readonly hosts: Record<string, { port: number }> = {};
  private servers = new Map<string, DeviceServer>();
  private devices = new Map<string, SimDevice>();

  constructor(private readonly specs: Map<string, SimDeviceSpec>, private readonly options: FleetOptions) {}

  /** @internal */
  async start(): Promise<void> {
    const keys = new HostKeys(this.options.stateDir);
    const host = this.options.host ?? '127.0.0.1';
    try {
      for (const [name, spec] of this.specs) {
        const legacy = !!spec.sim?.faults?.legacy_ssh_only;
        const server = new DeviceServer(spec, keys.keyFor(name, legacy ? 'rsa' : 'ed25519'), () => this.deviceState(name));
        this.servers.set(name, server);
        this.hosts[name] = { port: await server.listen(spec.port, host) };
      }
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  private deviceState(name: string): SimDevice {
    let d = this.devices.get(name);
    if (!d) {
      const spec = this.specs.get(name);
      if (!spec) throw new Error(`no simulated device named ${name}`);
      d = new SimDevice({ ...spec, lab: spec.lab ?? this.options.lab }, { asyncDelayMs: this.options.asyncDelayMs ?? DEFAULT_ASYNC_DELAY_MS, startTime: this.options.startTime });
      this.devices.set(name, d);
    }
    return d;
  }

  device(name: string): DeviceHandle {
    const state = this.deviceState(name);
    return {
      name,
      port: this.hosts[name].port,
      state,
      runningConfig: () => state.runningConfigText(),
      startupConfig: () => state.startupConfigText(),
      trustInstalled: () => state.licensing.trust.map((t) => t.state === 'installed'),
      openSessionModes: () => [...state.sessions].map((s) => s.mode),
      faults: state.faults,
      advanceClock: (ms) => state.clock.advance(ms),
    };
  }

  async stop(): Promise<void> {
    await Promise.all([...this.servers.values()].map((s) => s.close()));
    for (const d of this.devices.values()) d.stop();
    this.servers.clear();
  }
}

export async function startFleet(specs: SimDeviceSpec[], options: FleetOptions = {}): Promise<Fleet> {
  const map = new Map<string, SimDeviceSpec>();
  for (const s of specs) {
    if (map.has(s.name)) throw new Error(`duplicate simulated host ${s.name}`);
    map.set(s.name, s);
  }
  const fleet = new Fleet(map, options);
  await fleet.start();
  return fleet;
}
