import { UnsupportedDeviceError } from '../errors';
import { compareIosXeVersions, parseIosXeVersion, type IosXeVersion } from '../parsers/ios-xe-version';

/** Catalyst 9000 families this tool supports, by PID prefix (C9200L, C9300X, C9500X… count). */
export const SUPPORTED_FAMILIES: readonly { family: string; pid: RegExp }[] = [
  { family: 'Catalyst 9200', pid: /^C92\d\d/i },
  { family: 'Catalyst 9300', pid: /^C93\d\d/i },
  { family: 'Catalyst 9400', pid: /^C94\d\d/i },
  { family: 'Catalyst 9500', pid: /^C95\d\d/i },
  { family: 'Catalyst 9600', pid: /^C96\d\d/i },
];

/** 17.9.1: the release the seed guide is written for, and where FN72578 (RUM pile-up) is fixed. */
export const MINIMUM_VERSION = parseIosXeVersion('17.9.1') as IosXeVersion;

export interface GateFacts {
  platform: string | null;
  version: IosXeVersion | null;
}

/** Why a device is not supported, or null when it is. Pure; see assertSupported. */
export function gateReason(facts: GateFacts): string | null {
  if (!facts.platform) return 'platform not found in show version';
  if (!SUPPORTED_FAMILIES.some((f) => f.pid.test(facts.platform!))) {
    return `platform ${facts.platform} is not a Catalyst 9200/9300/9400/9500/9600`;
  }
  if (!facts.version) return 'IOS XE version not found in show version';
  if (compareIosXeVersions(facts.version, MINIMUM_VERSION) < 0) {
    return `IOS XE ${facts.version.raw} is older than ${MINIMUM_VERSION.raw} (Smart Licensing Using Policy over Smart Transport needs 17.9.1 or later)`;
  }
  return null;
}

/** Throws UnsupportedDeviceError for an unsupported platform or release. */
export function assertSupported(host: string, facts: GateFacts): void {
  const reason = gateReason(facts);
  if (reason) throw new UnsupportedDeviceError(host, reason);
}
