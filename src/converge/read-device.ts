import type { Device } from '../device/device';
import { parseShowLicenseStatus, type ShowLicenseStatus } from '../parsers/show-license-status';
import { parseShowRunningConfig, type ShowRunningConfig } from '../parsers/show-running-config';
import { parseShowVersion } from '../parsers/show-version';
import type { SettingsTable } from '../settings/setting-row';
import { SETTINGS } from '../settings/settings-table';
import type { GateFacts } from './gate';
import { observeConfig, observeSlp } from './running-state-from-parsers';
import type { ObservedConfig, ObservedSlp } from './running-state';

/** Facts from `show version`, read once per host. */
export interface HostFacts extends GateFacts {
  hostname: string | null;
}

export async function readFacts(device: Device): Promise<HostFacts> {
  const v = parseShowVersion((await device.run('show version')).throwIfFailed().output).value;
  return { platform: v.platform, version: v.version, hostname: v.hostname };
}

/** What the planner and the drift guard read from a device, with the raw config for backups. */
export interface DeviceState {
  runningConfig: string;
  run: ShowRunningConfig;
  status: ShowLicenseStatus;
  observed: ObservedSlp;
}

/** `settings`: the settings table to read with (default the production one). */
export async function readState(device: Device, settings: SettingsTable = SETTINGS): Promise<DeviceState> {
  const runningConfig = (await device.run('show running-config')).throwIfFailed().output;
  const status = parseShowLicenseStatus((await device.run('show license status')).throwIfFailed().output).value;
  const run = parseShowRunningConfig(runningConfig).value;
  return { runningConfig, run, status, observed: observeSlp(run, status, settings) };
}

/**
 * Only the owned settings from `show running-config`: what a re-read after a push or a rollback
 * compares. Skipping `show license status` there saves one device read per changed host.
 */
export async function readConfig(device: Device, settings: SettingsTable = SETTINGS): Promise<ObservedConfig> {
  return observeConfig(parseShowRunningConfig((await device.run('show running-config')).throwIfFailed().output).value, settings);
}

export async function readLicenseStatus(device: Device): Promise<ShowLicenseStatus> {
  return parseShowLicenseStatus((await device.run('show license status')).throwIfFailed().output).value;
}
