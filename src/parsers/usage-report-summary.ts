/** `Usage Report Summary:` counters (show license all / tech support). `(n)` parts kept apart. */
export interface UsageReportSummary {
  total: number | null;
  purged: number | null;
  totalAcknowledgedReceived: number | null;
  waitingForAck: number | null;
  availableToReport: number | null;
  collectingData: number | null;
  maximumDisplay: number | null;
  inStorage: number | null;
  mia: number | null;
  reportModuleStatus: string | null;
}

export function emptyUsageReportSummary(): UsageReportSummary {
  return {
    total: null, purged: null, totalAcknowledgedReceived: null, waitingForAck: null, availableToReport: null,
    collectingData: null, maximumDisplay: null, inStorage: null, mia: null, reportModuleStatus: null,
  };
}

const FIELDS: ReadonlyMap<string, keyof UsageReportSummary> = new Map([
  ['Total Acknowledged Received', 'totalAcknowledgedReceived'],
  ['Waiting for Ack', 'waitingForAck'],
  ['Available to Report', 'availableToReport'],
  ['Collecting Data', 'collectingData'],
  ['Maximum Display', 'maximumDisplay'],
  ['In Storage', 'inStorage'],
  ['Purged', 'purged'],
  ['Total', 'total'],
  ['MIA', 'mia'],
]);
const STATUS_RE = /^Report Module Status:\s*(.*)$/;
const FIELD_RE = /([A-Za-z][A-Za-z ]*?):\s*(\d+)/g;

/**
 * Reads one summary line, e.g. `Total: 56,  Purged: 0(0)` or `Available to Report: 4  Collecting Data: 2`,
 * into `into`. Returns false when the line holds none of the fields.
 */
export function readUsageReportSummaryLine(line: string, into: UsageReportSummary): boolean {
  const t = line.trim();
  const status = t.startsWith('Report Module Status:') ? STATUS_RE.exec(t) : null;
  if (status) {
    into.reportModuleStatus = status[1] || null;
    return true;
  }
  let found = false;
  // One shared global regex (exec loop from lastIndex 0) rather than a new one per line.
  FIELD_RE.lastIndex = 0;
  for (let m = FIELD_RE.exec(t); m !== null; m = FIELD_RE.exec(t)) {
    const field = FIELDS.get(m[1].trim());
    if (field) {
      (into as unknown as Record<string, number>)[field] = Number(m[2]);
      found = true;
    }
  }
  return found;
}
