import type { ShowRunningConfig } from '../parsers/show-running-config';
import type { ShowLicenseStatus } from '../parsers/show-license-status';
import { canonicalInterface } from '../settings/equivalences';
import { GLOBAL_VRF, type ObservedConfig, type ObservedSlp, type ObservedTrustMember } from './running-state';

/** Maps the parsers' running-config view to the planner's ObservedConfig. */
export function observeConfig(run: ShowRunningConfig): ObservedConfig {
  const v = run.slp;
  const byVrf = <T>(items: { vrf: string | null; value: T }[], map: (t: T) => T = (t) => t): Record<string, T> =>
    Object.fromEntries(items.map((i) => [i.vrf ?? GLOBAL_VRF, map(i.value)]));
  const servers: Record<string, string[]> = {};
  for (const s of v.dns.nameServers) (servers[s.vrf ?? GLOBAL_VRF] ??= []).push(s.value);
  const config: ObservedConfig = {
    domainLookup: v.dns.lookup,
    domainLookupSourceInterface: byVrf(v.dns.lookupSourceInterfaces, canonicalInterface),
    nameServers: servers,
    domainName: byVrf(v.dns.domainNames),
  };
  if (v.transport) config.transport = v.transport;
  if (v.url) config.url = v.url.kind === 'default' ? 'default' : v.url.url;
  if (v.csluUrl) config.csluUrl = v.csluUrl;
  if (v.proxyAddress) config.proxyAddress = v.proxyAddress;
  if (v.proxyPort !== null) config.proxyPort = v.proxyPort;
  if (v.vrf) config.vrf = v.vrf;
  if (v.usageInterval !== null) config.usageInterval = v.usageInterval;
  if (v.httpClientSourceInterface) {
    config.httpClientSourceInterface = canonicalInterface(v.httpClientSourceInterface);
  }
  if (v.archive?.path) config.archivePath = v.archive.path;
  return config;
}

/** The trust state per member; a standalone switch with a date is one trusted `active`. */
export function observeTrust(status: ShowLicenseStatus | undefined): ObservedTrustMember[] {
  const trust = status?.trustCode;
  if (!trust) return [];
  if (trust.members.length === 0) return trust.installed ? [{ role: 'active', installed: true }] : [];
  return trust.members.map((m) => ({ role: m.role.toLowerCase(), installed: m.installed }));
}

/** Builds the planner's view from `show running-config` and (optionally) `show license status`. */
export function observeSlp(run: ShowRunningConfig, status?: ShowLicenseStatus): ObservedSlp {
  const observed: ObservedSlp = { config: observeConfig(run), trust: observeTrust(status) };
  const t = status?.transport;
  if (t) {
    observed.status = {};
    const type = t.type ?? t.typeRaw;
    if (type) observed.status.type = type;
    if (t.url) observed.status.url = t.url;
    if (t.proxyConfigured) {
      observed.status.proxy = {};
      if (t.proxyAddress) observed.status.proxy.address = t.proxyAddress;
      if (t.proxyPort !== null) observed.status.proxy.port = t.proxyPort;
    }
    if (t.vrf) observed.status.vrf = t.vrf;
  }
  return observed;
}
