/**
 * Whether a simulated switch can reach something, decided from its configuration, the lab and the
 * host's faults — never from a canned answer. Pure functions: the same inputs give the same verdict.
 *
 * Rules (reference §4.1/§4.2): names need `ip domain lookup`, a name server in the right VRF that
 * the lab answers on and an egress to it; a source interface must exist, be up, be addressed and
 * sit in the VRF in use; the proxy must be the lab's proxy on its port; CSSM itself can be made to
 * time out or not reply by a fault.
 */
import type { DeviceConfig } from './device-config';
import type { SimFaults, SimLab } from './types';

export interface NetContext {
  config: DeviceConfig;
  lab: Required<SimLab>;
  faults: SimFaults;
}

/** The address the simulated CSSM front end answers on (text for the simulation only). */
export const CSSM_ADDRESS = '146.112.59.25';
export const DEFAULT_SMART_URL = 'https://smartreceiver.cisco.com/licservice/license';

export type Egress = { ok: true; iface: string; address: string; gateway: string } | { ok: false; why: 'timeout' | 'noroute' };

const isIpv4 = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

/** The address an interface has (a DHCP interface takes the lab's address for it). */
export function interfaceAddress(ctx: NetContext, iface: string): string | undefined {
  const c = ctx.config.interfaces[iface];
  if (!c?.ip) return undefined;
  if (c.ip === 'dhcp') return ctx.lab.subnets[iface]?.address;
  return c.ip.address;
}

export function interfaceUp(ctx: NetContext, iface: string): boolean {
  const c = ctx.config.interfaces[iface];
  return !!c && !c.shutdown && !!interfaceAddress(ctx, iface);
}

/** Picks the interface packets leave from in `vrf`, honouring a configured source interface. */
export function egress(ctx: NetContext, vrf: string, source?: string): Egress {
  const usable = (name: string): boolean => {
    const net = ctx.lab.subnets[name];
    const c = ctx.config.interfaces[name];
    return interfaceUp(ctx, name) && !!net && (net.vrf ?? '') === (c?.vrf ?? '') && net.internet !== false;
  };
  if (source) {
    const c = ctx.config.interfaces[source];
    if (!c || (c.vrf ?? '') !== vrf || !usable(source)) return { ok: false, why: 'timeout' };
    return { ok: true, iface: source, address: interfaceAddress(ctx, source)!, gateway: ctx.lab.subnets[source].gateway };
  }
  const name = Object.keys(ctx.config.interfaces).find((n) => (ctx.config.interfaces[n].vrf ?? '') === vrf && usable(n));
  if (!name) return { ok: false, why: 'noroute' };
  return { ok: true, iface: name, address: interfaceAddress(ctx, name)!, gateway: ctx.lab.subnets[name].gateway };
}

export type Resolution = { ok: true; address: string; server: string } | { ok: false; server: string };

/** DNS as IOS does it: the server printed is the first configured one, 255.255.255.255 when none. */
export function resolve(ctx: NetContext, name: string, vrf: string): Resolution {
  if (isIpv4(name)) return { ok: true, address: name, server: '' };
  const servers = ctx.config.dns.nameServers[vrf] ?? [];
  const server = servers[0] ?? '255.255.255.255';
  if (!ctx.config.dns.lookup || servers.length === 0) return { ok: false, server };
  const out = egress(ctx, vrf, ctx.config.dns.lookupSource[vrf]);
  const answering = servers.some((s) => ctx.lab.dns_servers.includes(s));
  if (!out.ok || !answering || ctx.faults.dns_unreachable) return { ok: false, server };
  const lower = name.toLowerCase();
  if (ctx.lab.cssm_hosts.some((h) => h.toLowerCase() === lower)) return { ok: true, address: CSSM_ADDRESS, server };
  return { ok: false, server };
}

export type TcpResult = 'open' | 'timeout' | 'refused' | 'noroute';

/** A TCP connection from the switch to address:port (what `telnet` and the HTTPS client do). */
export function tcpConnect(ctx: NetContext, address: string, port: number, vrf: string, source?: string): TcpResult {
  const out = egress(ctx, vrf, source);
  if (!out.ok) return out.why;
  if (address === ctx.lab.proxy.address) {
    if (ctx.faults.proxy === 'down') return 'timeout';
    if (port !== ctx.lab.proxy.port || ctx.faults.proxy === 'wrong_port') return 'refused';
    return 'open';
  }
  if (address === CSSM_ADDRESS) {
    if (ctx.lab.proxy_required || ctx.faults.cssm === 'timeout') return 'timeout';
    return port === 443 || port === 80 ? 'open' : 'timeout';
  }
  if (ctx.lab.dns_servers.includes(address)) return ctx.faults.dns_unreachable ? 'timeout' : port === 53 ? 'open' : 'refused';
  return 'timeout';
}

/** ICMP echo: answered by the gateway, the DNS servers, the proxy and CSSM unless a fault drops them. */
export function pingReachable(ctx: NetContext, address: string, vrf: string, source?: string): boolean {
  const out = egress(ctx, vrf, source);
  if (!out.ok) return false;
  if (address === out.gateway) return true;
  if (address === ctx.lab.proxy.address) return ctx.faults.proxy !== 'down';
  if (address === CSSM_ADDRESS) return !ctx.lab.proxy_required && ctx.faults.cssm !== 'timeout';
  if (ctx.lab.dns_servers.includes(address)) return !ctx.faults.dns_unreachable;
  return false;
}

export type CssmVerdict = { ok: true } | { ok: false; failure: 'dns' | 'timeout' | 'no_reply' | 'transport' | 'empty_response' | 'proxy_auth' | 'tls' | 'crl' };

/** Can the licensing agent talk to CSSM with this configuration? (Smart transport only.) */
export function cssmReachable(ctx: NetContext): CssmVerdict {
  const lic = ctx.config.license;
  if ((lic.transport ?? 'cslu') !== 'smart') return { ok: false, failure: 'transport' };
  const vrf = lic.vrf ?? '';
  const source = ctx.config.httpClientSourceInterface;
  const url = lic.smartUrl ?? lic.legacyUrl ?? DEFAULT_SMART_URL;
  const host = /^https?:\/\/([^/:]+)/.exec(url)?.[1] ?? url;
  if (lic.proxyAddress) {
    const proxy = resolve(ctx, lic.proxyAddress, vrf);
    if (!proxy.ok) return { ok: false, failure: 'dns' };
    const tcp = tcpConnect(ctx, proxy.address, lic.proxyPort ?? 80, vrf, source);
    if (tcp !== 'open') return { ok: false, failure: 'timeout' };
    // The session is up but the proxy never answers the CONNECT: the agent gives up [I].
    if (ctx.faults.proxy === 'holds_open') return { ok: false, failure: 'timeout' };
    if (!ctx.lab.cssm_hosts.some((h) => h.toLowerCase() === host.toLowerCase())) return { ok: false, failure: 'dns' };
    if (ctx.faults.proxy === 'auth_required') return { ok: false, failure: 'proxy_auth' };
    if (ctx.faults.proxy === 'tls_inspection') return { ok: false, failure: 'tls' };
  } else {
    const name = resolve(ctx, host, vrf);
    if (!name.ok) return { ok: false, failure: 'dns' };
    if (tcpConnect(ctx, name.address, 443, vrf, source) !== 'open') return { ok: false, failure: 'timeout' };
  }
  if (ctx.faults.cssm === 'timeout') return { ok: false, failure: 'timeout' };
  // TLS: the client validates CSSM's certificate against SLA-TrustPoint (or the secure-trustpoint
  // override), whose CA signs CSSM's chain; a CRL it cannot fetch fails the check [I].
  const tp = ctx.config.httpSecureTrustpoint;
  if (ctx.config.slaTrustpointRemoved || (tp !== undefined && tp !== 'SLA-TrustPoint')) return { ok: false, failure: 'tls' };
  if (ctx.faults.crl_fetch_fail) return { ok: false, failure: 'crl' };
  if (ctx.faults.cssm === 'no_reply') return { ok: false, failure: 'no_reply' };
  if (ctx.faults.cssm === 'empty_response') return { ok: false, failure: 'empty_response' };
  return { ok: true };
}

/** The text after `COMM_FAILED: … : ` for each failure (reference §2.4 table). */
export const COMM_FAILURE_REASON: Record<Exclude<CssmVerdict, { ok: true }>['failure'], string> = {
  dns: 'Unable to resolve server hostname/domain name',
  timeout: 'Connection timed out',
  no_reply: 'Connection timed out',
  transport: 'Communications init failure',
  empty_response: 'Received empty response from server',
  // Not in the reference (§2.4: TLS and proxy reasons were never observed): inferred texts.
  proxy_auth: 'HTTP error 407 Proxy Authentication Required',
  tls: 'SSL certificate problem: unable to get local issuer certificate',
  crl: 'SSL certificate problem: unable to get certificate CRL',
};
