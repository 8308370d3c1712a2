import { isoOrNull } from './ios-time';
import { parseLicenseStatusLines, parseTrustCode, type ShowLicenseStatus } from './license-status-block';
import { indentOf, nullIfEmpty, preprocess, splitKeyValue, toInt } from './preprocess';
import { parseHaUdi, parseUdi, type HaUdi } from './udi';
import { emptyUsageReportSummary, readUsageReportSummaryLine, type UsageReportSummary } from './usage-report-summary';
import type { ParseResult, Udi } from './types';

/** One `Communication Statistics` category (five lines on every agent seen). */
export interface CommStat {
  total: number;
  success: number;
  fail: number;
  ongoingFailureOverall: number;
  ongoingFailureCommunication: number;
  /** `OK`, `OK_POLL`, `NO REPLY`, `OK_TRY_AGAIN`, `NO DATA TO PROCESS`; null for `<none>`/empty. */
  lastResponse: string | null;
  lastResponseAt: string | null;
  failureReason: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
}

/** A trust line from `Other Info` (`Local Device: …` or `P:…,S:…: …`). */
export interface TrustDevice {
  pid: string;
  sn: string;
  /** `state[2]` → 2; null for `No Trust Data`. */
  state: number | null;
  installed: boolean;
  /** `Trust Data INSTALLED`, `NOT INSTALLED`, `No Trust Data`. */
  status: string;
  trustId: number | null;
}

/** One `Handle: N` block of the tech-support License Usage part. */
export interface LicenseHandle {
  handle: number;
  license: string | null;
  entitlementTag: string | null;
  description: string | null;
  count: number | null;
  /** As printed, e.g. `IN USE(15)`. */
  status: string | null;
  licenseType: string | null;
  enforcementType: string | null;
}

/** One line of the tech-support scheduled-jobs list. */
export interface ScheduledJob {
  name: string;
  /** Next run, ISO; null for `Expired Not Rescheduled`. */
  at: string | null;
  /** The text after the colon, as printed. */
  raw: string;
}

/** `show license tech support`: the status part plus the agent internals diagnosis reads. */
export interface ShowLicenseTechSupport {
  /** The status part (Transport, Usage Reporting, Trust Code Installed, …). */
  status: ShowLicenseStatus;
  licenseUsage: LicenseHandle[];
  udi: Udi | null;
  haUdiList: HaUdi[];
  agentVersion: string | null;
  /** `Upcoming Scheduled Jobs`: `Current time:` and the Utility / RUM timers. */
  currentTime: string | null;
  scheduledJobs: ScheduledJob[];
  communication: {
    levelAllowed: string | null;
    overallState: string | null;
    /** Keyed by category name as printed: `Trust Establishment`, `Trust Sync`, `Usage Reporting`, … */
    categories: Record<string, CommStat>;
  };
  productionCert: boolean | null;
  usageReportSummary: UsageReportSummary | null;
  trustDevices: TrustDevice[];
  /** `INSTALLED (2)`, `No ID`, as printed. */
  overallTrust: string | null;
  overallTrustInstalled: boolean | null;
  clockSyncedWithNtp: boolean | null;
  /** The `====` headings in the order printed (which parts the capture holds). */
  sections: string[];
  /** `License Certificates`: the line after `Production Cert`, e.g. `Not registered. No certificates installed`. */
  certificates: string | null;
  /** `HA Info` as printed: `{ "RP Role": "Active", "CF State": "Stateless", … }`. */
  haInfo: Record<string, string> | null;
  reservation: ReservationInfo | null;
  /** `Product Analytics Report Summary` (agent 6.3, 17.15+). */
  productAnalytics: ProductAnalytics | null;
  /** `Device Enforcement State:` then its value on the next line (17.15+), e.g. `NOT APPLICABLE`. */
  deviceEnforcementState: string | null;
  otherInfo: OtherInfo;
}

/** `Reservation Info`: whether SLR/PLR is on, and each unit's reservation status. */
export interface ReservationInfo {
  /** `License reservation: ENABLED|DISABLED`. */
  enabled: boolean | null;
  members: { role: string; pid: string; sn: string; status: string | null }[];
}

/** `Product Analytics Report Summary` (agent 6.3). */
export interface ProductAnalytics {
  /** `AVAILABLE`, … as printed. */
  status: string | null;
  notAvailableReason: string | null;
  totalReports: number | null;
}

/** The few `Other Info` lines worth reading among ~80 agent flags. */
export interface OtherInfo {
  softwareId: string | null;
  /** `authorized`, … as printed. */
  agentState: string | null;
  tsEnable: boolean | null;
  /** `agent.capabilities: UTILITY, DLC, …, TELEMETRY_POLICY` split. */
  capabilities: string[];
  eventLogMaxSizeKb: number | null;
  /** null also for `CALCULATING`. */
  eventLogCurrentSizeKb: number | null;
}

/** The categories IOS lists under `Communication Statistics`, in order (reference §3.6). */
export const COMM_CATEGORIES = [
  'Trust Establishment', 'Trust Acknowledgement', 'Usage Reporting', 'Result Polling', 'Authorization Request',
  'Authorization Confirmation', 'Authorization Return', 'Trust Sync', 'Hello Message', 'Telemetry Reporting',
] as const;
const COMM_SET: ReadonlySet<string> = new Set(COMM_CATEGORIES);

const ATTEMPTS_RE = /Attempts:\s*Total=(\d+),\s*Success=(\d+),\s*Fail=(\d+)\s+Ongoing Failure:\s*Overall=(\d+)\s+Communication=(\d+)/;
const TRUST_LINE_RE = /^(?:Local Device|P:[^,\s]+,S:[^:\s]+):\s+(?:P:([^,\s]+),S:([^,\s]+),\s*state\[(\d+)\],\s*(.+?)(?:\s+TrustId:(\d+))?|(No Trust Data))$/;
const TRUST_KEY_RE = /^P:([^,\s]+),S:([^:\s]+):/;
const HANDLE_RE = /^Handle:\s*(\d+)$/;
const HEAD_RE = /^([A-Za-z ]+):$/;

const bool = (v: string | undefined): boolean | null =>
  v === undefined ? null : /^true$/i.test(v.trim()) ? true : /^false$/i.test(v.trim()) ? false : null;

function newComm(): CommStat {
  return {
    total: 0, success: 0, fail: 0, ongoingFailureOverall: 0, ongoingFailureCommunication: 0, lastResponse: null,
    lastResponseAt: null, failureReason: null, lastSuccessAt: null, lastFailureAt: null,
  };
}

/** Splits the output at `Heading` / `=====` pairs; the status block comes first. */
function splitBlocks(lines: readonly string[]): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let name = '';
  let cur: string[] = [];
  blocks.set(name, cur);
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    if (next !== undefined && next.charCodeAt(0) === 61 && /^=+$/.test(next.trim()) && lines[i].trim() !== '' && !/^=+$/.test(lines[i].trim())) {
      name = lines[i].trim().replace(/:$/, '');
      cur = [];
      // A heading seen twice (never observed) appends to the first.
      if (blocks.has(name)) cur = blocks.get(name)!;
      else blocks.set(name, cur);
      i++;
      continue;
    }
    cur.push(lines[i]);
  }
  return blocks;
}

/** Mutable state of one pass over the lines. */
interface Cursor {
  block: string;
  comm: CommStat | null;
  handle: LicenseHandle | null;
  inSummary: boolean;
  /** The last `Role: PID:…,SN:…` of Reservation Info, for its `Reservation status` line. */
  reservationMember: ReservationInfo['members'][number] | null;
}

function emptyTechSupport(status: ShowLicenseStatus): ShowLicenseTechSupport {
  return {
    status, licenseUsage: [], udi: null, haUdiList: [], agentVersion: null, currentTime: null, scheduledJobs: [],
    communication: { levelAllowed: null, overallState: null, categories: {} }, productionCert: null,
    usageReportSummary: null, trustDevices: [], overallTrust: null, overallTrustInstalled: null, clockSyncedWithNtp: null,
    sections: [], certificates: null, haInfo: null, reservation: null, productAnalytics: null, deviceEnforcementState: null,
    otherInfo: { softwareId: null, agentState: null, tsEnable: null, capabilities: [], eventLogMaxSizeKb: null, eventLogCurrentSizeKb: null },
  };
}

/** A new `====` heading: resets what belongs to the previous block and opens the new one. */
function openBlock(out: ShowLicenseTechSupport, cur: Cursor, heading: string): void {
  cur.block = heading.replace(/:$/, '');
  cur.comm = null;
  cur.handle = null;
  cur.reservationMember = null;
  cur.inSummary = cur.block === 'Usage Report Summary';
  out.sections.push(cur.block);
  if (cur.inSummary) out.usageReportSummary = emptyUsageReportSummary();
  // A `====` block here, a status section in show license status.
  if (cur.block === 'Device Telemetry Report Summary') out.status.deviceTelemetry = { dataChannel: null, reportsOnDisk: null };
  if (cur.block === 'HA Info') out.haInfo = {};
  if (cur.block === 'Reservation Info') out.reservation = { enabled: null, members: [] };
  if (cur.block === 'Product Analytics Report Summary') out.productAnalytics = { status: null, notAvailableReason: null, totalReports: null };
}

/** One line of a communication category; false once the category has ended. */
function readCommLine(comm: CommStat, t: string, warnings: string[]): boolean {
  let m: RegExpExecArray | null;
  if (t.includes('Attempts:') && (m = ATTEMPTS_RE.exec(t))) {
    comm.total = +m[1]; comm.success = +m[2]; comm.fail = +m[3];
    comm.ongoingFailureOverall = +m[4]; comm.ongoingFailureCommunication = +m[5];
    return true;
  }
  const kv = splitKeyValue(t);
  switch (kv?.key) {
    case 'Last Response': {
      const r = /^(.*?)\s+on\s+(.+)$/.exec(kv.value);
      comm.lastResponse = nullIfEmpty(r ? r[1] : kv.value);
      comm.lastResponseAt = r ? isoOrNull(r[2], warnings, 'Last Response') : null;
      return true;
    }
    case 'Failure Reason': comm.failureReason = nullIfEmpty(kv.value); return true;
    case 'Last Success Time': comm.lastSuccessAt = isoOrNull(kv.value, warnings, 'Last Success Time'); return true;
    case 'Last Failure Time': comm.lastFailureAt = isoOrNull(kv.value, warnings, 'Last Failure Time'); return true;
    default: return false;
  }
}

/** A trust line of `Other Info`; null when the line is not one. */
function readTrustLine(t: string): TrustDevice | null {
  const m = TRUST_LINE_RE.exec(t);
  if (!m) return null;
  const key = TRUST_KEY_RE.exec(t);
  const statusText = m[6] ?? m[4];
  return {
    pid: m[1] ?? key?.[1] ?? '', sn: m[2] ?? key?.[2] ?? '', state: m[3] !== undefined ? Number(m[3]) : null,
    installed: /^(?:Trust Data )?INSTALLED$/.test(statusText), status: statusText, trustId: m[5] !== undefined ? Number(m[5]) : null,
  };
}

/** One line of the License Usage block (`Handle: N` then its fields). */
function readUsageLine(out: ShowLicenseTechSupport, cur: Cursor, line: string, t: string): void {
  let m: RegExpExecArray | null;
  if (t.startsWith('Handle:') && (m = HANDLE_RE.exec(t))) {
    cur.handle = { handle: +m[1], license: null, entitlementTag: null, description: null, count: null, status: null, licenseType: null, enforcementType: null };
    out.licenseUsage.push(cur.handle);
    return;
  }
  const kv = splitKeyValue(t);
  const h = cur.handle;
  if (!h || !kv || indentOf(line) > 2) return;
  switch (kv.key) {
    case 'License': h.license = nullIfEmpty(kv.value); break;
    case 'Entitlement Tag': h.entitlementTag = nullIfEmpty(kv.value); break;
    case 'Description': h.description = nullIfEmpty(kv.value); break;
    case 'Count': h.count = toInt(kv.value); break;
    case 'Status': h.status = nullIfEmpty(kv.value); break;
    case 'License type': h.licenseType = nullIfEmpty(kv.value); break;
    case 'Enforcement type': h.enforcementType = nullIfEmpty(kv.value); break;
  }
}

const kb = (v: string): number | null => {
  const m = /^(\d+)\s*KB$/.exec(v.trim());
  return m ? Number(m[1]) : null;
};

/** The blocks whose lines are read by block rather than by key (HA Info, Reservation, …). */
function readBlockLine(out: ShowLicenseTechSupport, cur: Cursor, t: string, kv: { key: string; value: string } | null): boolean {
  switch (cur.block) {
    case 'License Certificates':
      if (!kv && out.certificates === null) { out.certificates = t; return true; }
      return false;
    case 'HA Info':
      if (kv && out.haInfo) { out.haInfo[kv.key] = kv.value; return true; }
      return false;
    case 'Reservation Info': {
      const r = out.reservation!;
      if (kv?.key === 'License reservation') { r.enabled = /^ENABLED$/i.test(kv.value) ? true : /^DISABLED$/i.test(kv.value) ? false : null; return true; }
      const ha = kv && /^(Active|Standby|Member)$/.test(kv.key) ? parseHaUdi(t) : null;
      if (ha) { cur.reservationMember = { role: ha.role, pid: ha.pid, sn: ha.sn, status: null }; r.members.push(cur.reservationMember); return true; }
      if (kv?.key === 'Reservation status' && cur.reservationMember) { cur.reservationMember.status = nullIfEmpty(kv.value); return true; }
      return false;
    }
    case 'Product Analytics Report Summary': {
      const p = out.productAnalytics!;
      if (kv?.key === 'Product Analytics') { p.status = nullIfEmpty(kv.value); return true; }
      if (kv?.key === 'Not Available Reason') { p.notAvailableReason = nullIfEmpty(kv.value); return true; }
      if (kv?.key === 'Total current Product Analytics reports') { p.totalReports = toInt(kv.value); return true; }
      return false;
    }
    default:
      return false;
  }
}

/** Lines read wherever they sit (excerpts such as `| sec Trust` lose the block headings). */
function readKeyLine(out: ShowLicenseTechSupport, block: string, t: string, kv: { key: string; value: string }, warnings: string[]): void {
  const status = out.status;
  switch (kv.key) {
    case 'UDI': out.udi = parseUdi(kv.value); break;
    case 'Active': case 'Standby': case 'Member': {
      if (block !== 'Product Information') break;
      const ha = parseHaUdi(t);
      if (ha) out.haUdiList.push(ha);
      break;
    }
    case 'Smart Agent for Licensing': out.agentVersion = nullIfEmpty(kv.value); break;
    case 'Communication Level Allowed': out.communication.levelAllowed = nullIfEmpty(kv.value); break;
    case 'Overall State': out.communication.overallState = nullIfEmpty(kv.value); break;
    case 'Production Cert': out.productionCert = bool(kv.value); break;
    case 'Overall Trust':
      out.overallTrust = nullIfEmpty(kv.value);
      out.overallTrustInstalled = /^INSTALLED\b/.test(kv.value);
      break;
    case 'Clock sync-ed with NTP': out.clockSyncedWithNtp = bool(kv.value); break;
    case 'Data Channel':
      if (status.deviceTelemetry) status.deviceTelemetry.dataChannel = nullIfEmpty(kv.value);
      break;
    case 'Reports on disk':
      if (status.deviceTelemetry) status.deviceTelemetry.reportsOnDisk = toInt(kv.value);
      break;
    case 'Software ID': out.otherInfo.softwareId = nullIfEmpty(kv.value); break;
    case 'Agent State': out.otherInfo.agentState = nullIfEmpty(kv.value); break;
    case 'TS enable': out.otherInfo.tsEnable = bool(kv.value); break;
    case 'agent.capabilities': out.otherInfo.capabilities = kv.value.split(',').map((c) => c.trim()).filter(Boolean); break;
    case 'Event log max size': out.otherInfo.eventLogMaxSizeKb = kb(kv.value); break;
    case 'Event log current size': out.otherInfo.eventLogCurrentSizeKb = kb(kv.value); break;
    case 'Current time':
      if (block === 'Upcoming Scheduled Jobs' || block === '') out.currentTime = isoOrNull(kv.value, warnings, 'Current time');
      break;
    default:
      if (block === 'Upcoming Scheduled Jobs' || (block === '' && /Utility|RUM/.test(kv.key))) {
        const at = /^(.+?\d{4}(?:\s+[A-Za-z][\w+-]*)?)\s+\(.*remaining\)$/.exec(kv.value);
        out.scheduledJobs.push({ name: kv.key, at: at ? isoOrNull(at[1], warnings, kv.key) : null, raw: kv.value });
      }
  }
}

/**
 * Parses `show license tech support` (whole, or filtered such as `| sec Trust` / `| i Utility`),
 * agent 5.1 (17.6-era) to 6.3 (17.15+: Product Analytics, Device Enforcement State, IP Mode and
 * Trust Point in Transport). Single pass over lines; regexes are hoisted and run only behind a
 * cheap string test, as most lines match none of them.
 */
export function parseShowLicenseTechSupport(text: string): ParseResult<ShowLicenseTechSupport> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const lines = pre.lines;
  const statusLines = splitBlocks(lines).get('Smart Licensing Status') ?? [];
  // Only the status block goes to the status parser (it warns on lines it does not know). Its
  // trust code is re-read below from wherever the line sits.
  const status = parseLicenseStatusLines(statusLines, []);
  status.trustCode = null;
  const out = emptyTechSupport(status);
  const cur: Cursor = { block: '', comm: null, handle: null, inSummary: false, reservationMember: null };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (t === '') continue;
    const next = lines[i + 1];
    // Cheap first-character guards keep the per-line cost flat on 1 MB outputs.
    if (next !== undefined && next.charCodeAt(0) === 61 /* = */ && /^=+$/.test(next.trim()) && !/^=+$/.test(t)) {
      openBlock(out, cur, t);
      i++;
      continue;
    }
    // Trust Code Installed can sit outside the status block (tech-support golden 9): read it anywhere.
    if (t.startsWith('Trust Code Installed:') && indentOf(line) === 0) {
      const body: string[] = [];
      while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]) && !/^=+$/.test(lines[i + 1].trim())) body.push(lines[++i]);
      status.trustCode = parseTrustCode(t.slice('Trust Code Installed:'.length), body, warnings);
      continue;
    }
    // A communication category is a heading followed by an Attempts line; the status part's own
    // `Usage Reporting:` section is told apart by that second line.
    const head = t.charCodeAt(t.length - 1) === 58 /* : */ ? HEAD_RE.exec(t) : null;
    if (head && COMM_SET.has(head[1]) && next !== undefined && next.includes('Attempts:')) {
      cur.comm = newComm();
      out.communication.categories[head[1]] = cur.comm;
      continue;
    }
    if (cur.comm) {
      const read = readCommLine(cur.comm, t, warnings);
      // `Last Failure Time` is the fifth and last line of a category.
      if (!read || t.startsWith('Last Failure Time')) cur.comm = null;
      if (read) continue;
    }
    if (cur.inSummary && readUsageReportSummaryLine(t, out.usageReportSummary!)) continue;
    if (t.startsWith('P:') || t.startsWith('Local Device:')) {
      const trust = readTrustLine(t);
      if (trust) {
        out.trustDevices.push(trust);
        continue;
      }
    }
    if (cur.block === 'License Usage') {
      readUsageLine(out, cur, line, t);
      continue;
    }
    // `Device Enforcement State:` carries its value on the next line (17.15+).
    if (t === 'Device Enforcement State:' && next !== undefined && next.trim() !== '' && !next.includes(':')) {
      out.deviceEnforcementState = next.trim();
      i++;
      continue;
    }
    const kv = splitKeyValue(t);
    if (cur.block !== '' && readBlockLine(out, cur, t, kv)) continue;
    if (kv) readKeyLine(out, cur.block, t, kv, warnings);
  }
  if (statusLines.length === 0 && out.trustDevices.length === 0 && out.productionCert === null && Object.keys(out.communication.categories).length === 0 && lines.length > 0) {
    warnings.push('no tech support content recognised');
  }
  return { value: out, warnings, syslog: pre.syslog };
}
