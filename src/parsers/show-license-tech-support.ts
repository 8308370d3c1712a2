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

/**
 * Parses `show license tech support` (whole, or filtered such as `| sec Trust` / `| i Utility`).
 * Single pass over lines; regexes are hoisted and run only behind a cheap string test, as most
 * lines match none of them (1 MB: about 15 ms best, 27 ms median on the 2-core dev machine).
 */
export function parseShowLicenseTechSupport(text: string): ParseResult<ShowLicenseTechSupport> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const lines = pre.lines;
  const blocks = splitBlocks(lines);
  const statusLines = blocks.get('Smart Licensing Status') ?? [];
  // Only the status block goes to the status parser (it warns on lines it does not know). Its
  // trust code is re-read below from wherever the line sits.
  const status = parseLicenseStatusLines(statusLines, []);
  status.trustCode = null;
  const out: ShowLicenseTechSupport = {
    status,
    licenseUsage: [],
    udi: null,
    haUdiList: [],
    agentVersion: null,
    currentTime: null,
    scheduledJobs: [],
    communication: { levelAllowed: null, overallState: null, categories: {} },
    productionCert: null,
    usageReportSummary: null,
    trustDevices: [],
    overallTrust: null,
    overallTrustInstalled: null,
    clockSyncedWithNtp: null,
  };

  let comm: CommStat | null = null;
  let handle: LicenseHandle | null = null;
  let block = '';
  let inSummary = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (t === '') continue;
    const next = lines[i + 1];
    // Cheap first-character guards keep the per-line cost flat on 1 MB outputs.
    if (next !== undefined && next.charCodeAt(0) === 61 /* = */ && /^=+$/.test(next.trim()) && !/^=+$/.test(t)) {
      block = t.replace(/:$/, '');
      inSummary = block === 'Usage Report Summary';
      if (inSummary) out.usageReportSummary = emptyUsageReportSummary();
      // A `====` block here, a status section in show license status.
      if (block === 'Device Telemetry Report Summary') status.deviceTelemetry = { dataChannel: null, reportsOnDisk: null };
      comm = null;
      handle = null;
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
      comm = newComm();
      out.communication.categories[head[1]] = comm;
      continue;
    }
    if (comm) {
      let m: RegExpExecArray | null;
      if (t.includes('Attempts:') && (m = ATTEMPTS_RE.exec(t))) {
        comm.total = +m[1]; comm.success = +m[2]; comm.fail = +m[3];
        comm.ongoingFailureOverall = +m[4]; comm.ongoingFailureCommunication = +m[5];
        continue;
      }
      const kv = splitKeyValue(t);
      if (kv?.key === 'Last Response') {
        const r = /^(.*?)\s+on\s+(.+)$/.exec(kv.value);
        comm.lastResponse = nullIfEmpty(r ? r[1] : kv.value);
        comm.lastResponseAt = r ? isoOrNull(r[2], warnings, 'Last Response') : null;
        continue;
      }
      if (kv?.key === 'Failure Reason') { comm.failureReason = nullIfEmpty(kv.value); continue; }
      if (kv?.key === 'Last Success Time') { comm.lastSuccessAt = isoOrNull(kv.value, warnings, 'Last Success Time'); continue; }
      if (kv?.key === 'Last Failure Time') {
        comm.lastFailureAt = isoOrNull(kv.value, warnings, 'Last Failure Time');
        comm = null; // the fifth and last line of a category
        continue;
      }
      comm = null;
    }
    if (inSummary && readUsageReportSummaryLine(t, out.usageReportSummary!)) continue;
    let m: RegExpExecArray | null;
    if ((t.startsWith('P:') || t.startsWith('Local Device:')) && (m = TRUST_LINE_RE.exec(t))) {
      const key = TRUST_KEY_RE.exec(t);
      const pid = m[1] ?? key?.[1] ?? '';
      const sn = m[2] ?? key?.[2] ?? '';
      const statusText = m[6] ?? m[4];
      out.trustDevices.push({
        pid, sn, state: m[3] !== undefined ? Number(m[3]) : null,
        installed: /^(?:Trust Data )?INSTALLED$/.test(statusText),
        status: statusText, trustId: m[5] !== undefined ? Number(m[5]) : null,
      });
      continue;
    }
    if (block === 'License Usage') {
      if (t.startsWith('Handle:') && (m = HANDLE_RE.exec(t))) {
        handle = { handle: +m[1], license: null, entitlementTag: null, description: null, count: null, status: null, licenseType: null, enforcementType: null };
        out.licenseUsage.push(handle);
        continue;
      }
      const kv = splitKeyValue(t);
      if (handle && kv && indentOf(line) <= 2) {
        switch (kv.key) {
          case 'License': handle.license = nullIfEmpty(kv.value); break;
          case 'Entitlement Tag': handle.entitlementTag = nullIfEmpty(kv.value); break;
          case 'Description': handle.description = nullIfEmpty(kv.value); break;
          case 'Count': handle.count = toInt(kv.value); break;
          case 'Status': handle.status = nullIfEmpty(kv.value); break;
          case 'License type': handle.licenseType = nullIfEmpty(kv.value); break;
          case 'Enforcement type': handle.enforcementType = nullIfEmpty(kv.value); break;
        }
      }
      continue;
    }
    const kv = splitKeyValue(t);
    if (!kv) continue;
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
  if (statusLines.length === 0 && out.trustDevices.length === 0 && out.productionCert === null && Object.keys(out.communication.categories).length === 0 && lines.length > 0) {
    warnings.push('no tech support content recognised');
  }
  return { value: out, warnings, syslog: pre.syslog };
}
