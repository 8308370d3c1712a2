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
  /** The probe was not run, and why (outgoing telnet refused by the vty's `transport output`). */
  untested?: string;
  /**
   * After `Open`: the session was suspended, disconnected, and `show sessions` read back. Lines
   * for the report; `closed` false when an outgoing session is still listed.
   */
  cleanup?: { lines: string[]; closed: boolean };
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

export interface ProbeOptions {
  /** false when the vty's `transport output` excludes telnet: the TCP probe is not run. */
  telnetAllowed?: boolean;
}

/** `Trying 192.168.217.105, 80 ... Open` (reference §3.12): the session is up, held by the far end. */
const OPEN_RE = /(?:\.\.\.\s*|^)Open[ \t]*(?:\r?\n|$)/m;
// IOS wording when `transport output` forbids telnet (not in the reference: inferred).
const NOT_PERMITTED_RE = /^% .*(?:not permitted|not allowed)/im;
const NO_SESSIONS_RE = /% No connections open/;

/**
 * Closes an outgoing telnet session the probe opened, and proves it is gone: `disconnect`
 * (answering its `[confirm]`), then `show sessions` must say `% No connections open`.
 */
async function closeSession(device: Device, onCommand?: (command: string) => void): Promise<{ lines: string[]; closed: boolean }> {
  onCommand?.('disconnect');
  const d = await device.run('disconnect', { answers: [{ pattern: /\[confirm\]/, answer: '' }], timeoutMs: 15_000 });
  onCommand?.('show sessions');
  let left = await device.run('show sessions', { timeoutMs: 15_000 });
  // A second session (an earlier probe cut short) is closed as well: none may be left behind.
  for (let i = 0; i < 3 && !NO_SESSIONS_RE.test(left.output) && !left.failed && /^\s*\*?\s*\d+\s+\S+/m.test(left.output); i++) {
    await device.run('disconnect', { answers: [{ pattern: /\[confirm\]/, answer: '' }], timeoutMs: 15_000 });
    left = await device.run('show sessions', { timeoutMs: 15_000 });
  }
  const closed = NO_SESSIONS_RE.test(left.output);
  const said = left.output.trim().split('\n')[0] ?? '';
  return {
    lines: [`disconnect: ${d.output.trim().split('\n').filter(Boolean).pop() ?? 'done'}`, `show sessions: ${closed ? said : `${said} (an outgoing session is still open)`}`],
    closed,
  };
}

/**
 * Runs ping then telnet; a command the device rejects is recorded, not thrown (a lost session is).
 * An open telnet is suspended the moment `Open` shows and disconnected, so a far end that holds
 * the connection (CSSM, a proxy) costs no time and leaves no session behind.
 */
export async function runProbes(device: Device, target: ProbeTarget, onCommand?: (command: string) => void, options: ProbeOptions = {}): Promise<Probe[]> {
  const cmds = probeCommands(target);
  const out: Probe[] = [];
  onCommand?.(cmds.ping);
  // `% Bad IP address or host name` is a failure indicator for the driver, yet it is the
  // probe's answer (DNS), so a failed result is parsed like any other output.
  const p = await device.run(cmds.ping, { timeoutMs: 60_000 });
  out.push({ kind: 'ping', command: cmds.ping, target, ping: parsePing(p.output).value, ...(p.failure ? { rejected: p.failure.indicator } : {}) });
  if (options.telnetAllowed === false) {
    out.push({ kind: 'telnet', command: cmds.telnet, target, untested: 'outgoing telnet is refused on the vty (transport output without telnet): TCP path untested' });
    return out;
  }
  onCommand?.(cmds.telnet);
  const r = await device.run(cmds.telnet, { timeoutMs: 60_000, suspendWhen: OPEN_RE });
  const telnet = parseTelnet(r.output).value;
  // Refused by the vty, rejected by the parser of the CLI, or an answer no outcome reads: the
  // probe says nothing about the path, so it is reported untested instead of failing a switch.
  if (!r.suspended && (NOT_PERMITTED_RE.test(r.output) || telnet.outcome === 'unknown')) {
    const said = r.failure?.line ?? r.output.trim().split('\n').filter(Boolean).pop() ?? 'no answer';
    out.push({ kind: 'telnet', command: cmds.telnet, target, untested: `${said}: TCP path untested` });
    return out;
  }
  const probe: Probe = { kind: 'telnet', command: cmds.telnet, target, telnet };
  if (r.suspended) probe.cleanup = await closeSession(device, onCommand);
  out.push(probe);
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
  if (!t) return `${p.command}: ${p.untested ?? p.rejected ?? 'no output'}`;
  return `${p.command}: ${t.outcome === 'open' ? 'Open' : (t.error ?? t.outcome)}`;
}
