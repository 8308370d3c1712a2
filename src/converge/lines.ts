import type { DesiredSlp } from './desired';
import { canonicalInterface, canonicalLines, DEFAULT_SMART_URL } from '../settings/equivalences';
import type { ObservedConfig } from './running-state';
import { settingKey } from './owned-settings';

/** One configuration line the tool owns, with the setting it fills and why it is there. */
export interface OwnedLine {
  /** The setting (slot) this line fills, from OWNED_SETTINGS. */
  key: string;
  /** The line as it is typed (desired) or shown (observed). */
  line: string;
  /** After the equivalence table: the form lines are compared in. */
  canonical: string;
  /** Playbook field that caused it (`slp.proxy.port`), or `running-config` for observed lines. */
  cause: string;
}

function owned(line: string, cause: string): OwnedLine[] {
  return canonicalLines(line).map((canonical) => ({
    key: settingKey(canonical),
    line: canonicalLines(line).length > 1 ? canonical : line,
    canonical,
    cause,
  }));
}

/** `vrf X ` for the VRF variants of the DNS commands, empty for the global table. */
export function vrfWord(vrf: string | undefined): string {
  return vrf ? `vrf ${vrf} ` : '';
}

/**
 * The lines that make a switch match `desired`, in push order, in running-config form. With
 * `state: replaced` an absent `url` means the default Smart URL; an absent proxy, VRF, usage
 * interval or HTTP client source interface produces no line here (plan.ts removes them).
 */
export function desiredLines(desired: DesiredSlp): OwnedLine[] {
  const out: OwnedLine[] = [];
  const add = (line: string, cause: string): void => void out.push(...owned(line, cause));
  const replaced = (desired.state ?? 'replaced') === 'replaced';

  add(`license smart transport ${desired.transport}`, 'slp.transport');
  const url = desired.url;
  if (url === 'default') add('license smart url default', 'slp.url');
  else if (url?.smart) add(`license smart url smart ${url.smart}`, 'slp.url.smart');
  else if (url?.cslu) add(`license smart url cslu ${url.cslu}`, 'slp.url.cslu');
  else if (replaced) add('license smart url default', 'slp.url (absent: default)');
  if (desired.vrf) add(`license smart vrf ${desired.vrf}`, 'slp.vrf');
  if (desired.proxy) {
    add(`license smart proxy address ${desired.proxy.address}`, 'slp.proxy.address');
    add(`license smart proxy port ${desired.proxy.port}`, 'slp.proxy.port');
  }
  if (desired.usage_interval !== undefined) {
    add(`license smart usage interval ${desired.usage_interval}`, 'slp.usage_interval');
  }
  if (desired.http_client_source_interface) {
    const intf = canonicalInterface(desired.http_client_source_interface);
    add(`ip http client source-interface ${intf}`, 'slp.http_client_source_interface');
  }
  const dns = desired.dns;
  const v = vrfWord(desired.vrf);
  if (dns?.lookup !== undefined) {
    add(dns.lookup ? 'ip domain lookup' : 'no ip domain lookup', 'slp.dns.lookup');
  }
  dns?.servers?.forEach((s, i) => add(`ip name-server ${v}${s}`, `slp.dns.servers[${i}]`));
  if (dns?.domain) add(`ip domain name ${v}${dns.domain}`, 'slp.dns.domain');
  if (dns?.source_interface) {
    const intf = canonicalInterface(dns.source_interface);
    add(`ip domain lookup ${v}source-interface ${intf}`, 'slp.dns.source_interface');
  }
  return out;
}

/** The SLP-related lines a running-config shows, in the same order as desiredLines. */
export function observedLines(config: ObservedConfig): OwnedLine[] {
  const out: OwnedLine[] = [];
  const add = (line: string): void => void out.push(...owned(line, 'running-config'));
  if (config.transport) add(`license smart transport ${config.transport}`);
  if (config.url) {
    add(config.url === 'default' ? 'license smart url default' : `license smart url smart ${config.url}`);
  }
  if (config.csluUrl) add(`license smart url cslu ${config.csluUrl}`);
  if (config.vrf) add(`license smart vrf ${config.vrf}`);
  if (config.proxyAddress) add(`license smart proxy address ${config.proxyAddress}`);
  if (config.proxyPort !== undefined) add(`license smart proxy port ${config.proxyPort}`);
  if (config.usageInterval !== undefined) add(`license smart usage interval ${config.usageInterval}`);
  if (config.httpClientSourceInterface) {
    add(`ip http client source-interface ${config.httpClientSourceInterface}`);
  }
  if (!config.domainLookup) add('no ip domain lookup');
  const vrfs = (m: Record<string, unknown>): string[] => Object.keys(m).sort();
  for (const vrf of vrfs(config.nameServers)) {
    const servers = config.nameServers[vrf] ?? [];
    if (servers.length) add(`ip name-server ${vrfWord(vrf || undefined)}${servers.join(' ')}`);
  }
  for (const vrf of vrfs(config.domainName)) {
    add(`ip domain name ${vrfWord(vrf || undefined)}${config.domainName[vrf]}`);
  }
  for (const vrf of vrfs(config.domainLookupSourceInterface)) {
    add(`ip domain lookup ${vrfWord(vrf || undefined)}source-interface ${config.domainLookupSourceInterface[vrf]}`);
  }
  return out;
}

/** The URL `show license status` prints for a desired Smart URL setting. */
export function expectedStatusUrl(desired: DesiredSlp): string | undefined {
  if (desired.url === undefined || desired.url === 'default') return DEFAULT_SMART_URL;
  return desired.url.smart;
}
