import type { DeviceConfig, InterfaceConfig } from './device-config';
import { DEFAULT_RULES } from './default-rules';
import type { Platform } from './platforms';
import type { SimMember } from './types';
import { configChangeDate } from './format-time';
import { hashSecret } from './secret-hash';

export interface ConfigIdentity {
  platform: Platform;
  version: string;
  members: SimMember[];
  lastChange: { at: number; by: string };
}

/** Physical ports exist whether configured or not; they print as bare `interface X` blocks. */
export function physicalInterfaces(id: ConfigIdentity): string[] {
  const names = ['GigabitEthernet0/0'];
  id.members.forEach((_, i) => {
    for (let n = 1; n <= id.platform.ports.count; n++) names.push(`${id.platform.ports.type}${i + 1}/0/${n}`);
  });
  return names;
}

/** Every interface the switch has, in IOS order: physical ports, then Vlan/Loopback. */
export function allInterfaces(cfg: DeviceConfig, id: ConfigIdentity): string[] {
  const phys = physicalInterfaces(id);
  const logical = Object.keys(cfg.interfaces).filter((n) => !phys.includes(n));
  const rank = (n: string): number => (n.startsWith('Loopback') ? 0 : n.startsWith('Port-channel') ? 1 : 2);
  logical.sort((a, b) => rank(a) - rank(b) || numericCompare(a, b));
  return [...phys, ...logical];
}

function numericCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function renderInterface(name: string, c: InterfaceConfig | undefined): string[] {
  const out = [`interface ${name}`];
  if (!c) return out;
  if (c.description) out.push(` description ${c.description}`);
  for (const s of c.switchport) out.push(` ${s}`);
  if (c.vrf) out.push(` vrf forwarding ${c.vrf}`);
  if (c.ip === 'dhcp') out.push(' ip address dhcp');
  else if (c.ip) out.push(` ip address ${c.ip.address} ${c.ip.mask}`);
  else if (!name.startsWith('GigabitEthernet') || name === 'GigabitEthernet0/0' || c.vrf) out.push(' no ip address');
  if (c.shutdown) out.push(' shutdown');
  return out;
}

function vrfKeys(rec: Record<string, unknown>): string[] {
  return Object.keys(rec).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
}

/** DNS lines in IOS order; the global form first, then per VRF. */
function renderDns(cfg: DeviceConfig, withDefaults: boolean): string[] {
  const out: string[] = [];
  if (!cfg.dns.lookup) out.push('no ip domain lookup');
  else if (withDefaults || !DEFAULT_RULES.ipDomainLookup.hidden) out.push(DEFAULT_RULES.ipDomainLookup.line);
  for (const v of vrfKeys(cfg.dns.lookupSource)) {
    out.push(v ? `ip domain lookup vrf ${v} source-interface ${cfg.dns.lookupSource[v]}` : `ip domain lookup source-interface ${cfg.dns.lookupSource[v]}`);
  }
  for (const v of vrfKeys(cfg.dns.domainName)) {
    out.push(v ? `ip domain name vrf ${v} ${cfg.dns.domainName[v]}` : `ip domain name ${cfg.dns.domainName[v]}`);
  }
  for (const v of vrfKeys(cfg.dns.nameServers)) {
    const servers = cfg.dns.nameServers[v];
    if (servers.length) out.push(v ? `ip name-server vrf ${v} ${servers.join(' ')}` : `ip name-server ${servers.join(' ')}`);
  }
  return out;
}

export function renderLicenseLines(cfg: DeviceConfig, platform: Platform, withDefaults = false): string[] {
  const l = cfg.license;
  const out = [platform.tier === 'essentials' ? 'license boot level network-essentials addon dna-essentials' : 'license boot level network-advantage addon dna-advantage'];
  if (l.transport && !(l.transport === 'cslu' && DEFAULT_RULES.transportCslu.hidden && !withDefaults)) out.push(`license smart transport ${l.transport}`);
  if (l.urlDefault && (withDefaults || !DEFAULT_RULES.urlDefault.hidden)) out.push(DEFAULT_RULES.urlDefault.line);
  if (l.smartUrl) out.push(`license smart url smart ${l.smartUrl}`);
  if (l.csluUrl) out.push(`license smart url cslu ${l.csluUrl}`);
  if (l.legacyUrl) out.push(`license smart url ${l.legacyUrl}`);
  if (l.proxyAddress) out.push(`license smart proxy address ${l.proxyAddress}`);
  if (l.proxyPort !== undefined) out.push(`license smart proxy port ${l.proxyPort}`);
  if (l.vrf) out.push(`license smart vrf ${l.vrf}`);
  if (l.usageInterval !== undefined) out.push(`license smart usage interval ${l.usageInterval}`);
  return out;
}

/** The body of `show running-config`, from `version` to `end` (no header). */
function renderConfigBody(cfg: DeviceConfig, id: ConfigIdentity, withDefaults = false): string[] {
  const [maj, min] = id.version.split('.').map(Number);
  const out: string[] = [
    `version ${maj}.${min}`,
    'service timestamps debug datetime msec',
    'service timestamps log datetime msec',
    '! Call-home is enabled by Smart-Licensing.',
    'service call-home',
    'platform punt-keepalive disable-kernel-core',
    '!',
    `hostname ${cfg.hostname}`,
    '!',
    '!',
  ];
  for (const vrf of cfg.vrfs) {
    out.push(`vrf definition ${vrf}`, ' !', ' address-family ipv4', ' exit-address-family', ' !', ' address-family ipv6', ' exit-address-family', '!');
  }
  out.push('!');
  if (cfg.enableSecret) out.push(`enable secret 9 ${hashSecret(cfg.enableSecret)}`, '!');
  out.push('no aaa new-model');
  // After the aaa lines, as on IOS XE [I].
  if (cfg.clockTimezone) out.push(`clock timezone ${cfg.clockTimezone.name} ${cfg.clockTimezone.hours} ${cfg.clockTimezone.minutes}`);
  id.members.forEach((m, i) => out.push(`switch ${i + 1} provision ${m.pid.toLowerCase()}`));
  out.push('!', 'ip routing', '!');
  out.push(...renderDns(cfg, withDefaults));
  out.push('!', '!', 'login on-success log', '!');
  if (!cfg.slaTrustpointRemoved) out.push('crypto pki trustpoint SLA-TrustPoint', ' enrollment pkcs12', ' revocation-check crl', '!', '!');
  out.push(...renderLicenseLines(cfg, id.platform, withDefaults));
  out.push('!', '!', 'diagnostic bootup level minimal', '!', 'spanning-tree mode rapid-pvst', 'spanning-tree extend system-id', '!');
  out.push(`username ${cfg.username.name} privilege 15 secret 9 ${hashSecret(cfg.username.secret)}`, '!');
  out.push('redundancy', ' mode sso', '!', '!');
  for (const name of allInterfaces(cfg, id)) {
    out.push(...renderInterface(name, cfg.interfaces[name]), '!');
  }
  out.push('ip forward-protocol nd', 'ip http server', 'ip http authentication local', 'ip http secure-server');
  if (cfg.httpClientSourceInterface) out.push(`ip http client source-interface ${cfg.httpClientSourceInterface}`);
  if (cfg.httpSecureTrustpoint) out.push(`ip http client secure-trustpoint ${cfg.httpSecureTrustpoint}`);
  out.push('ip ssh version 2', '!');
  if (cfg.archive) {
    out.push('archive');
    if (cfg.archive.path) out.push(` path ${cfg.archive.path}`);
    if (cfg.archive.maximum !== undefined) out.push(` maximum ${cfg.archive.maximum}`);
    out.push('!');
  }
  if (cfg.bannerMotd !== undefined) out.push(`banner motd ^C${cfg.bannerMotd}^C`, '!');
  if (!cfg.loggingMonitor) out.push('no logging monitor', '!');
  else if (cfg.loggingMonitorLevel !== undefined && cfg.loggingMonitorLevel !== 7) out.push(`logging monitor ${SEVERITY_NAMES[cfg.loggingMonitorLevel]}`, '!');
  const output = cfg.vtyTransportOutput ? [` transport output ${cfg.vtyTransportOutput}`] : [];
  out.push('line con 0', ' stopbits 1', 'line vty 0 4', ' login local', ' transport input ssh', ...output, 'line vty 5 15', ' login local', ' transport input ssh', ...output, '!');
  out.push(
    'call-home',
    ' ! If contact email address in call-home is configured as sch-smart-licensing@cisco.com',
    ' ! the email address configured in Cisco Smart License Portal will be used as contact email address to send SCH notifications.',
    ' contact-email-addr sch-smart-licensing@cisco.com',
    ' profile "CiscoTAC-1"',
    '  active',
    '  destination transport-method http',
    '!',
    'end',
  );
  return out;
}

/** Syslog severity names as `logging monitor <level>` takes them, by number. */
export const SEVERITY_NAMES = ['emergencies', 'alerts', 'critical', 'errors', 'warnings', 'notifications', 'informational', 'debugging'];

/**
 * Full `show running-config` text (LF line ends; the line discipline writes CRLF). `withDefaults`
 * is `show running-config all`: the lines DEFAULT_RULES hides are printed too (a real switch
 * prints many more defaults; these are the ones the simulator models).
 */
export function renderRunningConfig(cfg: DeviceConfig, id: ConfigIdentity, withDefaults = false): string {
  const body = [
    '!',
    `! Last configuration change at ${configChangeDate(id.lastChange.at)} by ${id.lastChange.by}`,
    '!',
    ...renderConfigBody(cfg, id, withDefaults),
  ].join('\n');
  return `Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(body) + 1} bytes\n${body}\n`;
}

/** `show startup-config`: the NVRAM copy, with IOS's `Using N out of M bytes` header. */
export function renderStartupConfig(cfg: DeviceConfig, id: ConfigIdentity): string {
  const body = ['!', ...renderConfigBody(cfg, id)].join('\n');
  return `Using ${Buffer.byteLength(body)} out of 2097152 bytes\n${body}\n`;
}
