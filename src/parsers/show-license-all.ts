import { readLicenseUsageBlocks, type LicenseUsageEntry } from './license-usage-blocks';
import { parseLicenseStatusLines, type ShowLicenseStatus } from './license-status-block';
import { preprocess, splitKeyValue } from './preprocess';
import { parseHaUdi, parseUdi, type HaUdi } from './udi';
import { emptyUsageReportSummary, readUsageReportSummaryLine, type UsageReportSummary } from './usage-report-summary';
import type { MemberRole, ParseResult, Udi } from './types';

/** `show license all`: the status part plus usage, UDIs, agent version and authorisations. */
export interface ShowLicenseAll {
  status: ShowLicenseStatus;
  licenseUsage: LicenseUsageEntry[];
  udi: Udi | null;
  haUdiList: HaUdi[];
  agentVersion: string | null;
  /** `License Authorizations` → `Overall status:` per member. */
  authorizations: { role: MemberRole; pid: string; sn: string; status: string | null }[];
  usageReportSummary: UsageReportSummary | null;
}

/** Parses `show license all`: the status part, License Usage, Product Information, … */
export function parseShowLicenseAll(text: string): ParseResult<ShowLicenseAll> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const lines = pre.lines;
  const blocks: Record<string, string[]> = { '': [] };
  let name = '';
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    if (next !== undefined && /^=+$/.test(next.trim()) && lines[i].trim() !== '') {
      name = lines[i].trim().replace(/:$/, '');
      blocks[name] ??= [];
      i++;
      continue;
    }
    blocks[name].push(lines[i]);
  }
  // Device Telemetry Report Summary is a `====` block here but a status section for the parser.
  const statusLines = [...(blocks['Smart Licensing Status'] ?? blocks['']), ...(blocks['Device Telemetry Report Summary'] ? ['Device Telemetry Report Summary:', ...blocks['Device Telemetry Report Summary']] : [])];
  const status = parseLicenseStatusLines(statusLines, warnings);
  const usage = readLicenseUsageBlocks(blocks['License Usage'] ?? []);
  const value: ShowLicenseAll = {
    status, licenseUsage: usage.entries, udi: null, haUdiList: [], agentVersion: null, authorizations: [],
    usageReportSummary: null,
  };
  for (const line of blocks['Product Information'] ?? []) {
    const t = line.trim();
    const m = /^UDI:\s*(.+)$/.exec(t);
    if (m) value.udi = parseUdi(m[1]);
    const ha = parseHaUdi(t);
    if (ha) value.haUdiList.push(ha);
  }
  for (const line of blocks['Agent Version'] ?? []) {
    const kv = splitKeyValue(line.trim());
    if (kv?.key === 'Smart Agent for Licensing') value.agentVersion = kv.value || null;
  }
  for (const line of blocks['License Authorizations'] ?? []) {
    const t = line.trim();
    const m = /^(Active|Standby|Member):\s*PID:([^,\s]+),SN:(\S+)$/.exec(t);
    if (m) value.authorizations.push({ role: m[1] as MemberRole, pid: m[2], sn: m[3], status: null });
    const s = /^Status:\s*(.+)$/.exec(t);
    if (s && value.authorizations.length > 0) value.authorizations[value.authorizations.length - 1].status = s[1];
  }
  if (blocks['Usage Report Summary']) {
    value.usageReportSummary = emptyUsageReportSummary();
    for (const line of blocks['Usage Report Summary']) readUsageReportSummaryLine(line, value.usageReportSummary);
  }
  if (value.status.sections.length === 0 && lines.length > 0) warnings.push('no status part found');
  return { value, warnings, syslog: pre.syslog };
}
