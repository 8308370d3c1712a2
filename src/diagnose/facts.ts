/**
 * The diagnosis rules' view of the evidence: each fact the guide's decision tree asks about
 * (reference §4.2), read once from the parsed outputs, with the lines that show it. Pure.
 */
import type { CommStat, HistoryExchange, ShowLicenseStatus } from '../parsers';
import { gateReason } from '../converge/gate';
import type { Evidence } from '../verify/evidence';
import { commStatLines, eventLine, exchangeLine, memberTrustLine, syslogLine, transportLines, trustCodeLine } from '../verify/lines';
import { probeLine, type Probe, type ProbeTarget } from '../verify/probes';

export interface CommFailure {
  reason: string;
  /** A later COMM_RESTORED was seen: the failure is history, not the present. */
  restored: boolean;
  lines: string[];
}

export interface DiagnosisFacts {
  /** Why the platform/release is unsupported, or null. */
  gateReason: string | null;
  versionLine: string | null;
  transport: NonNullable<ShowLicenseStatus['transport']> | null;
  transportLines: string[];
  /** DNS / source-interface lines of the running-config relevant to the licensing VRF. */
  configLines: string[];
  /** A name server exists for the licensing VRF and lookup is not disabled. */
  dnsConfigured: boolean | null;
  /** The latest communication failure (event log first, else syslog). */
  commFailure: CommFailure | null;
  /** The latest `%SMART_LIC-3-TRUST_CODE_INSTALL_FAILED` text, with its line. */
  trustInstallFailure: { message: string; line: string } | null;
  target: ProbeTarget | null;
  ping: Probe | null;
  telnet: Probe | null;
  probeLines: string[];
  stats: Record<'Trust Establishment' | 'Trust Sync' | 'Usage Reporting', CommStat | null>;
  /** The most recent exchange of each category whose RESPONSE was empty. */
  unanswered: HistoryExchange[];
  /** The most recent Trust Establishment exchange. */
  lastTrustExchange: HistoryExchange | null;
  trustInstalled: boolean | null;
  trustLines: string[];
  clock: { authoritative: boolean; time: string | null; skewMs: number | null; line: string } | null;
}

const byTime = (a: { requestAt: string | null }, b: { requestAt: string | null }): number =>
  (a.requestAt ?? '').localeCompare(b.requestAt ?? '');

function commFailure(e: Evidence): CommFailure | null {
  const events = [...(e.eventlog?.events ?? [])].sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
  const lastFail = events.map((x, i) => ({ x, i })).filter(({ x }) => x.type === 'SAEVT_COMM_FAIL').pop();
  if (lastFail) {
    const restored = events.slice(lastFail.i + 1).find((x) => x.type === 'SAEVT_COMM_RESTORED');
    return {
      reason: lastFail.x.attributes.error ?? '',
      restored: !!restored,
      lines: [eventLine(lastFail.x), ...(restored ? [eventLine(restored)] : [])],
    };
  }
  const msgs = e.logging?.smartLic ?? [];
  const idx = msgs.map((m, i) => ({ m, i })).filter(({ m }) => m.mnemonic === 'COMM_FAILED').pop();
  if (!idx) return null;
  const restored = msgs.slice(idx.i + 1).find((m) => m.mnemonic === 'COMM_RESTORED');
  return { reason: idx.m.reason ?? idx.m.message, restored: !!restored, lines: [syslogLine(idx.m), ...(restored ? [syslogLine(restored)] : [])] };
}

function configLines(e: Evidence, vrf: string | null): { lines: string[]; dnsConfigured: boolean | null } {
  const c = e.config;
  if (!c) return { lines: [], dnsConfigured: null };
  const v = (s: { vrf: string | null }): boolean => s.vrf === vrf;
  const vrfWord = vrf ? `vrf ${vrf} ` : '';
  const servers = c.dns.nameServers.filter(v).map((s) => s.value);
  const lines = [
    ...(c.dns.lookup ? [] : ['show running-config: no ip domain lookup']),
    servers.length ? `show running-config: ip name-server ${vrfWord}${servers.join(' ')}` : `show running-config: (no ip name-server ${vrfWord.trim() || 'in the global table'})`,
    ...c.dns.lookupSourceInterfaces.filter(v).map((s) => `show running-config: ip domain lookup ${vrfWord}source-interface ${s.value}`),
    c.httpClientSourceInterface ? `show running-config: ip http client source-interface ${c.httpClientSourceInterface}` : 'show running-config: (no ip http client source-interface)',
  ];
  return { lines, dnsConfigured: c.dns.lookup && servers.length > 0 };
}

/** Reads every fact the rules use. `now` is the runner's clock (for the device clock's skew). */
export function diagnosisFacts(e: Evidence, now: Date): DiagnosisFacts {
  const status = e.status;
  const transport = status?.transport ?? null;
  const vrf = transport?.vrf ?? e.config?.vrf ?? null;
  const cfg = configLines(e, vrf);
  const cats = e.techSupport?.communication.categories ?? {};
  const exchanges = [...(e.history?.exchanges ?? [])].sort(byTime);
  const latestPerCategory = new Map<string, HistoryExchange>();
  for (const x of exchanges) latestPerCategory.set(x.category, x);
  const failures = (e.logging?.smartLic ?? []).filter((m) => m.mnemonic === 'TRUST_CODE_INSTALL_FAILED');
  const tif = failures[failures.length - 1];
  const probes = e.probes ?? [];
  const tc = status?.trustCode;
  const v = e.version;
  const clockTime = e.clock?.time ?? null;
  return {
    gateReason: v ? gateReason({ platform: v.platform, version: v.version }) : null,
    versionLine: v ? `show version: ${v.platform ?? '?'} Cisco IOS XE Software, Version ${v.version?.raw ?? v.xeVersionRaw ?? '?'}` : null,
    transport,
    transportLines: status ? transportLines(status) : [],
    configLines: cfg.lines,
    dnsConfigured: cfg.dnsConfigured,
    commFailure: commFailure(e),
    trustInstallFailure: tif ? { message: tif.message, line: syslogLine(tif) } : null,
    target: probes[0]?.target ?? null,
    ping: probes.find((p) => p.kind === 'ping') ?? null,
    telnet: probes.find((p) => p.kind === 'telnet') ?? null,
    probeLines: probes.map(probeLine),
    stats: {
      'Trust Establishment': cats['Trust Establishment'] ?? null,
      'Trust Sync': cats['Trust Sync'] ?? null,
      'Usage Reporting': cats['Usage Reporting'] ?? null,
    },
    unanswered: [...latestPerCategory.values()].filter((x) => x.responseRaw === null || x.responseRaw.trim() === ''),
    lastTrustExchange: latestPerCategory.get('Trust Establishment') ?? null,
    trustInstalled: tc ? tc.installed : null,
    trustLines: status ? [trustCodeLine(status), ...(tc?.members ?? []).map(memberTrustLine)] : [],
    clock: e.clock
      ? {
          authoritative: e.clock.authoritative,
          time: clockTime,
          skewMs: clockTime ? new Date(clockTime).getTime() - now.getTime() : null,
          line: `show clock: ${e.clock.raw ?? '?'}`,
        }
      : null,
  };
}

/** Comm-stat lines for the named categories that are shown. */
export function statLines(f: DiagnosisFacts, ...names: (keyof DiagnosisFacts['stats'])[]): string[] {
  return names.flatMap((n) => (f.stats[n] ? commStatLines(n, f.stats[n]!) : []));
}

export { exchangeLine };
