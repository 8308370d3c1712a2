/**
 * The simulated Catalyst 9000 fleet. Tests start one with `startFleet(specs, options)` (port 0 =
 * ephemeral) and read `fleet.hosts[name].port`; `slp sim -i` uses `startFleetFromInventory`.
 */
import { startFleet, type Fleet } from './fleet';
import { specsFromInventoryFile } from './inventory-specs';
import type { FleetOptions } from './types';

export { startFleet, Fleet, type DeviceHandle } from './fleet';
export { specsFromInventory, specsFromInventoryFile } from './inventory-specs';
export type { SimDeviceSpec, SimBlock, SimFaults, SimLab, SimMember, SimCredentials, FleetOptions } from './types';
export { DEFAULT_LAB } from './types';

export async function startFleetFromInventory(file: string, options: FleetOptions = {}): Promise<Fleet> {
  return startFleet(specsFromInventoryFile(file), options);
}
