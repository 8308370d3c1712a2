/**
 * Active reachability probes, as the guide's step 2 runs them: `ping` from the licensing source
 * interface (or VRF), then `telnet HOST PORT /ipv4 /source-interface IF` as a TCP test. With a
 * proxy configured the probes go to the proxy's address and port, because that is the only TCP
 * connection the switch itself opens (seed step 2, "if a proxy is used").
 */
import type { Device } from '../device/device';
import { parsePing, parseTelnet, type PingResult, type ShowLicenseStatus, type SlpConfigView, type TelnetResult } from '../parsers';
import { DEFAULT_SMART_URL } from '../settings/equivalences';

/** Where the probes go and from where. */
export interface ProbeTarget {
  host: string;
  port: number;
  /** `proxy`: the configured HTTPS proxy; `direct`: CSSM (or the host the caller named). */
  via: 'proxy' | 'direct';
  vrf: string | null;
  sourceInterface: string | null;
}

export interface Probe {
  kind: 'ping' | 'telnet';
  command: string;
  target: ProbeTarget;
  ping?: PingResult;
  telnet?: TelnetResult;
  /** The device refused the command itself (`% Invalid input …`). */
  rejected?: string;
}

/** The host of an `https://host[:port]/path` URL. */
function urlHost(url: string): string {
  return /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1] ?? url;
}

/**
 * Decides the probe target from what the switch uses (`show license status` Transport section,
 * plus the running-config's HTTP-client or DNS source interface). `host`/`port` override the
 * CSSM default when no proxy is configured (the `reachable:` assertion names them).
 */
export function probeTarget(
  status: ShowLicenseStatus | undefined,
  config: SlpConfigView | undefined,
  direct: { host?: string; port?: number } = {},
): ProbeTarget {
  const tr = status?.transport;
  const vrf = tr?.vrf ?? config?.vrf ?? null;
  const dnsSource = config?.dns.lookupSourceInterfaces.find((s) => s.vrf === vrf)?.value ?? null;
  const sourceInterface = config?.httpClientSourceInterface ?? dnsSource;
  if (tr?.proxyConfigured && tr.proxyAddress) {
    return { host: tr.proxyAddress, port: tr.proxyPort ?? 80, via: 'proxy', vrf, sourceInterface };
  }
  const host = direct.host ?? urlHost(tr?.url ?? DEFAULT_SMART_URL);
  return { host, port: direct.port ?? 443, via: 'direct', vrf, sourceInterface };
}

/** `ping [vrf V] HOST [source IF]` and `telnet HOST PORT /ipv4 [/source-interface IF] [/vrf V]`. */
function probeCommands(t: ProbeTarget): { ping: string; telnet: string } {
  const ping = ['ping', ...(t.vrf ? ['vrf', t.vrf] : []), t.host, ...(t.sourceInterface ? ['source', t.sourceInterface] : [])];
  const telnet = ['telnet', t.host, String(t.port), '/ipv4', ...(t.sourceInterface ? ['/source-interface', t.sourceInterface] : []), ...(t.vrf ? ['/vrf', t.vrf] : [])];
  return { ping: ping.join(' '), telnet: telnet.join(' ') };
}

/** Runs ping then telnet; a command the device rejects is recorded, not thrown (a lost session is). */
export async function runProbes(device: Device, target: ProbeTarget, onCommand?: (command: string) => void): Promise<Probe[]> {
  const cmds = probeCommands(target);
  const out: Probe[] = [];
  for (const kind of ['ping', 'telnet'] as const) {
    const command = cmds[kind];
    onCommand?.(command);
    // `% Bad IP address or host name` is a failure indicator for the driver, yet it is the
    // probe's answer (DNS), so a failed result is parsed like any other output.
    const r = await device.run(command, { timeoutMs: 60_000 });
    if (kind === 'telnet') out.push({ kind, command, target, telnet: parseTelnet(r.output).value });
    else out.push({ kind, command, target, ping: parsePing(r.output).value, ...(r.failure ? { rejected: r.failure.indicator } : {}) });
  }
  return out;
}

/** One line per probe for reports: the command and what the device answered. */
export function probeLine(p: Probe): string {
  if (p.ping) {
    const r = p.ping;
    const what =
      r.outcome === 'unresolved' ? (r.error ?? 'name not resolved')
        : r.successRatePercent !== null ? `Success rate is ${r.successRatePercent} percent (${r.received ?? 0}/${r.sent ?? 0})`
          : (r.error ?? p.rejected ?? 'no answer');
    return `${p.command}: ${what}`;
  }
  const t = p.telnet;
  if (!t) return `${p.command}: ${p.rejected ?? 'no output'}`;
  return `${p.command}: ${t.outcome === 'open' ? 'Open' : (t.error ?? t.outcome)}`;
}
