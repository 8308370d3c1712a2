import { isoOrNull } from './ios-time';
import { nullIfEmpty, preprocess, splitKeyValue, toInt } from './preprocess';
import { parseUdi } from './udi';
import type { ParseResult, Udi } from './types';

/**
 * One RUM (usage) report. `show license rum id all` fills id, state, flag and feature name; the
 * detail layout (`show license rum id detail`, `… id <n>`) fills the rest. Fields a layout does
 * not print stay null.
 */
export interface RumReport {
  id: number;
  /** `OPEN`, `CLOSED`, `ACK`, `DELETED`, … as printed. */
  state: string | null;
  /** The table's `Flag` column (`N`, `Y`…); meaning not documented. */
  flag: string | null;
  featureName: string | null;
  /** `ENTITLEMENT`, `TELEMETRY`. */
  metricName: string | null;
  /** The entitlement tag for ENTITLEMENT reports. */
  metricValue: string | null;
  udi: Udi | null;
  previousReportId: number | null;
  nextReportId: number | null;
  /** `State Change Reason: ACKED`. */
  stateChangeReason: string | null;
  /** `Close Reason: SMART`. */
  closeReason: string | null;
  startTime: string | null;
  endTime: string | null;
  storageState: string | null;
  transactionId: string | null;
  transactionMessage: string | null;
}

/** `show license rum id all` / `show license rum id detail`. */
export interface ShowLicenseRum {
  reports: RumReport[];
  /** Reports per state, e.g. `{ ACK: 2, OPEN: 1 }` (how many wait for an ACK at a glance). */
  byState: Record<string, number>;
}

// `1629870048          CLOSED    N     network-premier_2.5G` (feature name may be absent).
const ROW_RE = /^(\d+)\s+([A-Z][A-Z_]*)\s+(\S+)(?:\s+(\S.*))?$/;
// Detail lines pack two fields: `Previous Report Id: 0,    Next Report Id: 1634211155`.
const PAIR_SPLIT_RE = /,\s{2,}(?=[A-Z][\w ]*:)/;

function newReport(id: number): RumReport {
  return {
    id, state: null, flag: null, featureName: null, metricName: null, metricValue: null, udi: null,
    previousReportId: null, nextReportId: null, stateChangeReason: null, closeReason: null, startTime: null,
    endTime: null, storageState: null, transactionId: null, transactionMessage: null,
  };
}

/** Sets one detail field; false when the key is not one of the documented ones. */
function readDetailField(r: RumReport, key: string, value: string, warnings: string[]): boolean {
  switch (key) {
    case 'Metric Name': r.metricName = nullIfEmpty(value); return true;
    case 'Feature Name': r.featureName = nullIfEmpty(value); return true;
    case 'Metric Value': r.metricValue = nullIfEmpty(value); return true;
    case 'UDI': r.udi = parseUdi(value); return true;
    case 'Previous Report Id': r.previousReportId = toInt(value); return true;
    case 'Next Report Id': r.nextReportId = toInt(value); return true;
    case 'State': r.state = nullIfEmpty(value); return true;
    case 'State Change Reason': r.stateChangeReason = nullIfEmpty(value); return true;
    case 'Close Reason': r.closeReason = nullIfEmpty(value); return true;
    case 'Start Time': r.startTime = isoOrNull(value, warnings, `report ${r.id} Start Time`); return true;
    case 'End Time': r.endTime = isoOrNull(value, warnings, `report ${r.id} End Time`); return true;
    case 'Storage State': r.storageState = nullIfEmpty(value); return true;
    case 'Transaction ID': r.transactionId = nullIfEmpty(value); return true;
    case 'Transaction Message': r.transactionMessage = nullIfEmpty(value); return true;
    default: return false;
  }
}

/**
 * Parses `show license rum id all` (one row per report) and the detail layout (one `Report Id: N`
 * block per report). Both layouts come from genieparser's captures (C9300 17.x, C9800 2023);
 * the reference only shows the table. Lines of neither layout become warnings.
 */
export function parseShowLicenseRum(text: string): ParseResult<ShowLicenseRum> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const reports: RumReport[] = [];
  let cur: RumReport | null = null;
  for (const line of pre.lines) {
    const t = line.trim();
    if (t === '' || /^=+$/.test(t) || /^Smart Licensing Usage Report( Detail)?:$/.test(t) || /^Report Id,\s+State,/.test(t)) continue;
    let m: RegExpExecArray | null;
    if ((m = /^Report Id:\s*(\d+)$/.exec(t))) {
      cur = newReport(Number(m[1]));
      reports.push(cur);
      continue;
    }
    if ((m = ROW_RE.exec(t))) {
      cur = null;
      reports.push({ ...newReport(Number(m[1])), state: m[2], flag: m[3], featureName: m[4]?.trim() ?? null });
      continue;
    }
    if (cur) {
      const unknown = t.split(PAIR_SPLIT_RE).filter((part) => {
        const kv = splitKeyValue(part);
        return !kv || !readDetailField(cur!, kv.key, kv.value, warnings);
      });
      if (unknown.length === 0) continue;
    }
    warnings.push(`unrecognised line "${t}"`);
  }
  const byState: Record<string, number> = {};
  for (const r of reports) if (r.state) byState[r.state] = (byState[r.state] ?? 0) + 1;
  if (reports.length === 0 && pre.lines.some((l) => l.trim() !== '')) warnings.push('no RUM report found');
  return { value: { reports, byState }, warnings, syslog: pre.syslog };
}
