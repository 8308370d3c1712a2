/**
 * The diagnosis rules' view of the evidence: each fact the guide's decision tree asks about
 * (reference §4.2), read once from the parsed outputs, with the lines that show it. Pure.
 */
import type { CommStat, HistoryExchange, ShowLicenseStatus } from '../parsers';
import { gateReason } from '../converge/gate';
import type { InterfaceBriefRow } from '../parsers/show-ip-interface-brief';
import type { Evidence } from '../verify/evidence';
import { commStatLines, eventLine, exchangeLine, memberTrustLine, syslogLine, transportLines, trustCodeLine } from '../verify/lines';
import { probeLine, type Probe, type ProbeTarget } from '../verify/probes';
import { commEvents, cssmFailuresSince, type DatedFailure } from '../verify/comm-failures';
import { diagnoseConfigFacts, type DiagnoseConfigFacts } from './config-facts';

export interface CommFailure {
  reason: string;
  /** A later COMM_RESTORED, or a later successful exchange, was seen: the failure is history. */
  restored: boolean;
  lines: string[];
}

/** The Smart Account / Virtual Account the play expects (`slp.account`). */
export interface ExpectedAccount {
  smart_account?: string;
  virtual_account?: string;
}

export type StatName = 'Trust Establishment' | 'Trust Sync' | 'Usage Reporting';
const STAT_NAMES: readonly StatName[] = ['Trust Establishment', 'Trust Sync', 'Usage Reporting'];

export interface ClockFacts {
  /** `*`/`.`-free show clock, and no other source saying the clock is unsynced. */
  authoritative: boolean;
  time: string | null;
  /** Device clock minus the reference "now"; null when the zone offset is not known (or offline). */
  skewMs: number | null;
  /** Why skewMs is null, for the report. */
  skewUnknown: string | null;
  /** `show ntp status` / `Clock sync-ed with NTP:` / `Time source is NTP`: true, false or not shown. */
  ntpSynced: boolean | null;
  line: string;
  /** The lines that show the sync state (show clock detail, ntp status, tech support, syslog). */
  syncLines: string[];
}

export interface SourceInterfaceFacts {
  name: string;
  /** What is wrong with it, or null when it is fine or could not be checked. */
  problem: string | null;
  lines: string[];
}

export interface DiagnosisFacts {
  /** Why the platform/release is unsupported, or null. */
  gateReason: string | null;
  versionLine: string | null;
  /** `show license status` (or its copy in tech support / show license all) was read. */
  statusShown: boolean;
  transport: NonNullable<ShowLicenseStatus['transport']> | null;
  transportLines: string[];
  /** DNS / source-interface lines of the running-config relevant to the licensing VRF. */
  configLines: string[];
  config: DiagnoseConfigFacts | null;
  /** A name server exists for the licensing VRF and lookup is not disabled. */
  dnsConfigured: boolean | null;
  /** The latest CSSM communication failure inside the window (event log first, else syslog). */
  commFailure: CommFailure | null;
  /** Every CSSM failure reason inside the window, newest last, with its line. */
  cssmFailures: { reason: string; line: string }[];
  /** The latest `%SMART_LIC-3-TRUST_CODE_INSTALL_FAILED` text, with its line. */
  trustInstallFailure: { message: string; line: string } | null;
  /** PKI syslog lines (`%PKI-…`) in the buffer, as printed. */
  pkiLines: string[];
  target: ProbeTarget | null;
  ping: Probe | null;
  telnet: Probe | null;
  /** Outgoing telnet is refused on the vty (`transport output none|ssh`): the TCP path is untested. */
  tcpUntested: string | null;
  probeLines: string[];
  stats: Record<StatName, CommStat | null>;
  /** The most recent exchange of each category whose RESPONSE was empty. */
  unanswered: HistoryExchange[];
  /** The most recent Trust Establishment exchange. */
  lastTrustExchange: HistoryExchange | null;
  trustInstalled: boolean | null;
  trustLines: string[];
  clock: ClockFacts | null;
  sourceInterface: SourceInterfaceFacts | null;
  account: { smartAccount: string | null; virtualAccount: string | null; line: string } | null;
  expectedAccount: ExpectedAccount | null;
  reporting: { lastAck: string | null; nextAckDeadline: string | null; lastReportPush: string | null; lines: string[] } | null;
  /** The reference time: the runner's clock live, the capture's own time offline. */
  now: Date;
  /** Offline: the outputs the capture does not hold (each rule that needs one says so). */
  notInCapture: string[];
}

export interface FactOptions {
  now: Date;
  /** Only failures at or after this time count (the change being explained, or a window). */
  since?: Date | null;
  expectedAccount?: ExpectedAccount | null;
  /** Offline: "now" comes from the device's own clock, so its skew cannot be measured. */
  offline?: boolean;
  notInCapture?: string[];
}

const byTime = (a: { requestAt: string | null }, b: { requestAt: string | null }): number =>
  (a.requestAt ?? '').localeCompare(b.requestAt ?? '');

function failureLine(f: DatedFailure): string {
  return f.event ? eventLine(f.event) : syslogLine(f.syslog!);
}

/** The latest success of any category (Trust Sync / Usage Reporting answered OK after a failure). */
function lastSuccess(stats: Record<StatName, CommStat | null>): number | null {
  const t = STAT_NAMES.map((n) => stats[n]?.lastSuccessAt).filter((x): x is string => !!x).map((x) => new Date(x).getTime());
  return t.length ? Math.max(...t) : null;
}

function commFailure(e: Evidence, now: Date, since: Date | null, stats: Record<StatName, CommStat | null>): { current: CommFailure | null; all: { reason: string; line: string }[] } {
  const { failures, restores } = commEvents(e.eventlog?.events ?? [], e.logging?.smartLic ?? [], now);
  const cssm = cssmFailuresSince(failures, since);
  const all = cssm.map((f) => ({ reason: f.reason, line: failureLine(f) }));
  // The event log is the guide's first look; the syslog stands in when the event log has none.
  const last = cssm.filter((f) => f.kind === 'event').pop() ?? cssm.filter((f) => f.kind === 'syslog').pop();
  if (!last) return { current: null, all };
  const t = last.time?.getTime() ?? 0;
  const restore = restores.find((r) => r.peer !== 'CSLU' && r.kind === last.kind && (r.time?.getTime() ?? 0) >= t);
  const success = lastSuccess(stats);
  return {
    current: {
      reason: last.reason,
      restored: !!restore || (success !== null && last.time !== null && success > t),
      lines: [failureLine(last), ...(restore ? [restore.event ? eventLine(restore.event) : syslogLine(restore.syslog!)] : [])],
    },
    all,
  };
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

/** IOS prints interface names in full in show ip interface brief; configs may abbreviate (`Vl10`). */
function sameInterface(a: string, b: string): boolean {
  const norm = (s: string): [string, string] => {
    const m = /^([A-Za-z-]+)\s*(.*)$/.exec(s.trim()) ?? [s, s, ''];
    return [m[1].toLowerCase(), m[2]];
  };
  const [an, ai] = norm(a);
  const [bn, bi] = norm(b);
  return ai === bi && (an.startsWith(bn) || bn.startsWith(an));
}

/**
 * The HTTP client's source interface (seed config step 3; guide: `show ip interface brief`):
 * present, up/up, addressed, and in the VRF `license smart vrf` names.
 */
function sourceInterface(e: Evidence, cfg: DiagnoseConfigFacts | null, vrf: string | null): SourceInterfaceFacts | null {
  const name = e.config?.httpClientSourceInterface;
  if (!name) return null;
  const lines = [`show running-config: ip http client source-interface ${name}`];
  const cfgVrfKey = cfg ? Object.keys(cfg.interfaceVrf).find((k) => sameInterface(k, name)) : undefined;
  if (cfg?.fullConfig && cfgVrfKey === undefined && !e.interfaces) {
    return { name, problem: `interface ${name} is not in the running-config`, lines: [...lines, `show running-config: (no interface ${name})`] };
  }
  if (cfg && cfgVrfKey !== undefined) {
    const ifVrf = cfg.interfaceVrf[cfgVrfKey];
    if ((ifVrf ?? null) !== (vrf ?? null)) {
      lines.push(`show running-config: interface ${cfgVrfKey}: ${ifVrf ? `vrf forwarding ${ifVrf}` : '(global table, no vrf forwarding)'}`);
      lines.push(vrf ? `show license status: Transport: VRF: ${vrf}` : 'show license status: Transport: VRF: <empty> (global table)');
      return { name, problem: `${name} is in ${ifVrf ? `VRF ${ifVrf}` : 'the global table'} but licensing uses ${vrf ? `VRF ${vrf}` : 'the global table'}`, lines };
    }
  }
  if (!e.interfaces) return { name, problem: null, lines };
  const row: InterfaceBriefRow | undefined = e.interfaces.find((r) => sameInterface(r.interface, name));
  if (!row) return { name, problem: `interface ${name} does not exist`, lines: [...lines, `show ip interface brief: (no ${name})`] };
  const rowLine = `show ip interface brief: ${row.interface} ${row.ipAddress ?? 'unassigned'} ${row.ok ? 'YES' : 'NO'} ${row.method} ${row.status} ${row.protocol}`;
  if (row.ipAddress === null) return { name, problem: `${name} has no IP address`, lines: [...lines, rowLine] };
  if (row.status !== 'up' || row.protocol !== 'up') return { name, problem: `${name} is ${row.status}/${row.protocol}`, lines: [...lines, rowLine] };
  return { name, problem: null, lines: [...lines, rowLine] };
}

/**
 * The clock: is it synchronised, and (live, with a known zone offset) how far off. The offset is
 * read from the running-config's `clock timezone NAME H [M]` (and `clock summer-time NAME …`),
 * never from the zone name: AST, IST and CST each name several offsets.
 */
function clockFacts(e: Evidence, cfg: DiagnoseConfigFacts | null, configTree: boolean, o: FactOptions): ClockFacts | null {
  const c = e.clockDetail ?? e.clock;
  if (!c) return null;
  const syncLines: string[] = [];
  let ntpSynced: boolean | null = null;
  if (c.timeSource) {
    syncLines.push(`show clock detail: Time source is ${c.timeSource}`);
    if (c.timeSource === 'ntp' || c.timeSource === 'sntp') ntpSynced = c.marker === '';
  }
  if (e.ntp && e.ntp.synchronized !== null) {
    ntpSynced = e.ntp.synchronized;
    syncLines.push(`show ntp status: Clock is ${e.ntp.synchronized ? 'synchronized' : 'unsynchronized'}`);
  }
  const ts = e.techSupport?.clockSyncedWithNtp;
  if (ts !== null && ts !== undefined) {
    if (ntpSynced === null) ntpSynced = ts;
    syncLines.push(`show license tech support: Clock sync-ed with NTP: ${ts ? 'True' : 'False'}`);
  }
  const raw = c.raw ?? '';
  const local = /^[*.]?(\d{1,2}:\d{2}:\d{2}(?:\.\d+)?)\s+(\S+)\s+(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})$/.exec(raw.trim());
  let skewMs: number | null = null;
  let skewUnknown: string | null = null;
  if (o.offline) skewUnknown = 'offline: the capture\'s own clock is the only clock';
  else if (!local) skewUnknown = 'the clock line was not read';
  else if (!configTree || !cfg) skewUnknown = `zone ${local[2]}: offset unknown (running-config not read)`;
  else {
    const zone = local[2];
    let offsetMin: number | null = null;
    const summer = e.configTree?.find((l) => /^clock summer-time \S+/.test(l.text))?.text.split(/\s+/)[2];
    if (cfg.timezone && cfg.timezone.name === zone) offsetMin = cfg.timezone.offsetMin;
    else if (summer === zone) offsetMin = (cfg.timezone?.offsetMin ?? 0) + 60;
    else if (!cfg.timezone && zone === 'UTC') offsetMin = 0; // IOS's default zone, no line shown
    if (offsetMin === null) skewUnknown = `zone ${zone}: offset unknown (no matching clock timezone line)`;
    else {
      const asUtc = Date.parse(`${local[3]} ${local[4]} ${local[5]} ${local[1].replace(/\.\d+$/, '')} UTC`);
      if (Number.isNaN(asUtc)) skewUnknown = 'the clock line was not read';
      else skewMs = asUtc - offsetMin * 60_000 - o.now.getTime();
    }
  }
  return {
    authoritative: c.authoritative && ntpSynced !== false,
    time: c.time,
    skewMs,
    skewUnknown,
    ntpSynced,
    line: `show clock${e.clockDetail ? ' detail' : ''}: ${c.raw ?? '?'}`,
    syncLines,
  };
}

/**
 * Without show version (offline), the running-config's `version 17.6` line still names the
 * release train: below 17.9 it is unsupported whatever the maintenance release.
 */
function releaseFromConfig(e: Evidence): { reason: string; line: string } | null {
  const m = e.configTree?.map((l) => /^version (\d+)\.(\d+)$/.exec(l.text)).find((x) => x);
  if (!m) return null;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major > 17 || (major === 17 && minor >= 9)) return null;
  return {
    reason: `IOS XE ${major}.${minor} (running-config "version ${major}.${minor}") is older than 17.9.1 (Smart Licensing Using Policy over Smart Transport needs 17.9.1 or later)`,
    line: `show running-config: version ${major}.${minor}`,
  };
}

/** Reads every fact the rules use. */
export function diagnosisFacts(e: Evidence, opts: FactOptions | Date): DiagnosisFacts {
  const o: FactOptions = opts instanceof Date ? { now: opts } : opts;
  const now = o.now;
  const status = e.status ?? e.techSupport?.status;
  const statusShown = !!status && status.sections.length > 0;
  const transport = status?.transport ?? null;
  const vrf = transport?.vrf ?? e.config?.vrf ?? null;
  const cfg = configLines(e, vrf);
  const cfgFacts = e.configTree ? diagnoseConfigFacts(e.configTree) : null;
  const cats = e.techSupport?.communication.categories ?? {};
  const stats: Record<StatName, CommStat | null> = {
    'Trust Establishment': cats['Trust Establishment'] ?? null,
    'Trust Sync': cats['Trust Sync'] ?? null,
    'Usage Reporting': cats['Usage Reporting'] ?? null,
  };
  const exchanges = [...(e.history?.exchanges ?? [])].sort(byTime);
  const latestPerCategory = new Map<string, HistoryExchange>();
  for (const x of exchanges) latestPerCategory.set(x.category, x);
  const failures = (e.logging?.smartLic ?? []).filter((m) => m.mnemonic === 'TRUST_CODE_INSTALL_FAILED');
  const tif = failures[failures.length - 1];
  const probes = e.probes ?? [];
  const tc = status?.trustCode;
  const v = e.version;
  const comm = commFailure(e, now, o.since ?? null, stats);
  const acct = status?.account;
  const ur = status?.usageReporting;
  const telnetProbe = probes.find((p) => p.kind === 'telnet') ?? null;
  const cfgGate = v ? null : releaseFromConfig(e);
  return {
    gateReason: v ? gateReason({ platform: v.platform, version: v.version }) : cfgGate?.reason ?? null,
    versionLine: v ? `show version: ${v.platform ?? '?'} Cisco IOS XE Software, Version ${v.version?.raw ?? v.xeVersionRaw ?? '?'}` : cfgGate?.line ?? null,
    statusShown,
    transport,
    transportLines: status && statusShown ? transportLines(status) : [],
    configLines: cfg.lines,
    config: cfgFacts,
    dnsConfigured: cfg.dnsConfigured,
    commFailure: comm.current,
    cssmFailures: comm.all,
    trustInstallFailure: tif ? { message: tif.message, line: syslogLine(tif) } : null,
    pkiLines: (e.logging?.messages ?? []).filter((m) => m.facility === 'PKI').map(syslogLine),
    target: probes[0]?.target ?? null,
    ping: probes.find((p) => p.kind === 'ping') ?? null,
    telnet: telnetProbe?.telnet ? telnetProbe : null,
    tcpUntested: telnetProbe && !telnetProbe.telnet ? (telnetProbe.untested ?? telnetProbe.rejected ?? 'not run') : null,
    probeLines: probes.flatMap((p) => [probeLine(p), ...(p.cleanup?.lines ?? [])]),
    stats,
    unanswered: [...latestPerCategory.values()].filter((x) => x.responseRaw === null || x.responseRaw.trim() === ''),
    lastTrustExchange: latestPerCategory.get('Trust Establishment') ?? null,
    trustInstalled: tc ? tc.installed : (e.techSupport?.overallTrustInstalled ?? null),
    trustLines: status && tc ? [trustCodeLine(status), ...(tc.members ?? []).map(memberTrustLine)]
      : e.techSupport?.overallTrust ? [`show license tech support: Overall Trust: ${e.techSupport.overallTrust}`] : [],
    clock: clockFacts(e, cfgFacts, !!e.configTree, o),
    sourceInterface: sourceInterface(e, cfgFacts, vrf),
    account: acct ? {
      smartAccount: acct.smartAccount, virtualAccount: acct.virtualAccount,
      line: `show license status: Smart Account: ${acct.smartAccount ?? '<none>'}; Virtual Account: ${acct.virtualAccount ?? '<none>'}`,
    } : null,
    expectedAccount: o.expectedAccount ?? null,
    reporting: ur ? {
      lastAck: ur.lastAckReceived, nextAckDeadline: ur.nextAckDeadline, lastReportPush: ur.lastReportPush,
      lines: [
        `show license status: Usage Reporting: Last ACK received: ${ur.lastAckReceived ?? '<none>'}`,
        `show license status: Usage Reporting: Next ACK deadline: ${ur.nextAckDeadline ?? '<none>'}`,
        `show license status: Usage Reporting: Last report push: ${ur.lastReportPush ?? '<none>'}`,
      ],
    } : null,
    now,
    notInCapture: o.notInCapture ?? [],
  };
}

/** Comm-stat lines for the named categories that are shown. */
export function statLines(f: DiagnosisFacts, ...names: StatName[]): string[] {
  return names.flatMap((n) => (f.stats[n] ? commStatLines(n, f.stats[n]!) : []));
}

export { exchangeLine };
