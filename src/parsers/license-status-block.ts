import { isoOrNull } from './ios-time';
import { indentOf, nullIfEmpty, splitKeyValue, toInt } from './preprocess';
import { parseTrustCode, type TrustCodeInstalled } from './trust-code';

// The trust-code block is read in its own module; re-exported so importers keep one entry point.
export { parseTrustCode, type TrustCodeInstalled, type TrustCodeMember } from './trust-code';

/** Transport type as `show license status` prints it, normalised (`Transport Off` → off). */
export type LicenseTransportType = 'smart' | 'cslu' | 'callhome' | 'off' | 'automatic';

/** One `<license> Attributes:` group under Policy; days as printed, null when absent. */
export interface PolicyAttributes {
  firstReportRequirementDays: number | null;
  reportingFrequencyDays: number | null;
  reportOnChangeDays: number | null;
}

/** `show license status` (and the status part of `show license all` / `tech support`). */
export interface ShowLicenseStatus {
  /** Sections actually present, in output order (for "missing section" checks). */
  sections: string[];
  utilityEnabled: boolean | null;
  slpEnabled: boolean | null;
  /** `Reporting Mode: STANDARD` (agent 5.11+). */
  reportingMode: string | null;
  account: { smartAccount: string | null; smartAccountAsOf: string | null; virtualAccount: string | null } | null;
  dataPrivacy: {
    sendingHostname: boolean | null;
    callhomeHostnamePrivacy: boolean | null;
    smartLicensingHostnamePrivacy: boolean | null;
    versionPrivacy: boolean | null;
  } | null;
  transport: {
    type: LicenseTransportType | null;
    /** As printed: `Smart`, `cslu`, `Callhome`, `Transport Off`. */
    typeRaw: string | null;
    url: string | null;
    csluAddress: string | null;
    /** False when `Not Configured` or the address is `<empty>`. */
    proxyConfigured: boolean;
    proxyAddress: string | null;
    proxyPort: number | null;
    proxyUsername: string | null;
    vrf: string | null;
    serverIdentityCheck: boolean | null;
    ipMode: string | null;
    trustPoint: string | null;
  } | null;
  customId: string | null;
  policy: {
    /** `Merged from multiple sources.` or `Installed On <date>` as printed. */
    inUse: string | null;
    installedOn: string | null;
    name: string | null;
    reportingAckRequired: boolean | null;
    /** `CISCO default`, `Customer Policy`, … (the parenthesised source of the ACK line). */
    source: string | null;
    attributes: Record<string, PolicyAttributes>;
  } | null;
  usageReporting: {
    lastAckReceived: string | null;
    nextAckDeadline: string | null;
    /** Days; 0 for `0 (no reporting)`. */
    reportingPushIntervalDays: number | null;
    /** As printed, e.g. `30  days State(4) InPolicy(60)`. */
    reportingPushIntervalRaw: string | null;
    nextAckPushCheck: string | null;
    nextReportPush: string | null;
    lastReportPush: string | null;
    lastReportFileWrite: string | null;
  } | null;
  /** null when no `Trust Code Installed` line was present. */
  trustCode: TrustCodeInstalled | null;
  deviceTelemetry: { dataChannel: string | null; reportsOnDisk: number | null } | null;
}

/** Top-level section headers of the status block (names as printed, without the colon). */
export const STATUS_SECTIONS = [
  'Utility',
  'Smart Licensing Using Policy',
  'Account Information',
  'Data Privacy',
  'Transport',
  'Miscellaneous',
  'Policy',
  'Usage Reporting',
  'Trust Code Installed',
  'Device Telemetry Report Summary',
  'License Conversion',
  'Export Authorization Key',
] as const;
const SECTION_SET: ReadonlySet<string> = new Set(STATUS_SECTIONS);

export function emptyLicenseStatus(): ShowLicenseStatus {
  return {
    sections: [],
    utilityEnabled: null,
    slpEnabled: null,
    reportingMode: null,
    account: null,
    dataPrivacy: null,
    transport: null,
    customId: null,
    policy: null,
    usageReporting: null,
    trustCode: null,
    deviceTelemetry: null,
  };
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['enabled', 'yes', 'true', 'available']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['disabled', 'no', 'false']);

const bool = (v: string): boolean | null => {
  const s = v.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
};

type DataPrivacy = NonNullable<ShowLicenseStatus['dataPrivacy']>;
type UsageReporting = NonNullable<ShowLicenseStatus['usageReporting']>;

// Keys whose value is read the same way for every row of a section, key as printed → field.
// Maps rather than object literals, so a line keyed `constructor` stays an unrecognised line.
const DATA_PRIVACY_FLAGS: ReadonlyMap<string, keyof DataPrivacy> = new Map([
  ['Sending Hostname', 'sendingHostname'],
  ['Callhome hostname privacy', 'callhomeHostnamePrivacy'],
  ['Smart Licensing hostname privacy', 'smartLicensingHostnamePrivacy'],
  ['Version privacy', 'versionPrivacy'],
]);
const TRANSPORT_TEXTS: ReadonlyMap<string, 'url' | 'csluAddress' | 'proxyUsername' | 'ipMode' | 'trustPoint'> = new Map([
  ['URL', 'url'],
  ['Cslu address', 'csluAddress'],
  ['Username', 'proxyUsername'],
  ['IP Mode', 'ipMode'],
  ['Trust Point', 'trustPoint'],
] as const);
const USAGE_REPORTING_TIMES: ReadonlyMap<string, Exclude<keyof UsageReporting, 'reportingPushIntervalDays' | 'reportingPushIntervalRaw'>> = new Map([
  ['Last ACK received', 'lastAckReceived'],
  ['Next ACK deadline', 'nextAckDeadline'],
  ['Next ACK push check', 'nextAckPushCheck'],
  ['Next report push', 'nextReportPush'],
  ['Last report push', 'lastReportPush'],
  ['Last report file write', 'lastReportFileWrite'],
] as const);

/** A `=====` underline; the first-character test spares a regex run on every other line. */
const isRule = (t: string): boolean => t.charCodeAt(0) === 61 /* = */ && /^=+$/.test(t);

function transportType(raw: string): LicenseTransportType | null {
  const s = raw.trim().toLowerCase();
  if (s === 'smart') return 'smart';
  if (s === 'cslu') return 'cslu';
  if (s === 'callhome' || s === 'call home' || s === 'call-home') return 'callhome';
  if (s === 'transport off' || s === 'off') return 'off';
  if (s === 'automatic') return 'automatic';
  return null;
}

/** What a line of one section is read with: the status so far, the sub-heading, the line. */
interface LineContext {
  s: ShowLicenseStatus;
  /** Proxy / VRF under Transport; the attribute group under Policy. */
  sub: string;
  trustBody: string[];
  warnings: string[];
  line: string;
  /** The line trimmed. */
  t: string;
  kv: ReturnType<typeof splitKeyValue>;
  unknown: () => void;
}

/** What a section heading creates, so a section shown empty still reads as present. */
const SECTION_OPENS: Readonly<Record<string, (s: ShowLicenseStatus) => void>> = {
  'Account Information': (s) => void (s.account ??= { smartAccount: null, smartAccountAsOf: null, virtualAccount: null }),
  'Data Privacy': (s) => void (s.dataPrivacy ??= { sendingHostname: null, callhomeHostnamePrivacy: null, smartLicensingHostnamePrivacy: null, versionPrivacy: null }),
  Transport: (s) => void (s.transport ??= {
    type: null, typeRaw: null, url: null, csluAddress: null, proxyConfigured: false, proxyAddress: null,
    proxyPort: null, proxyUsername: null, vrf: null, serverIdentityCheck: null, ipMode: null, trustPoint: null,
  }),
  Policy: (s) => void (s.policy ??= { inUse: null, installedOn: null, name: null, reportingAckRequired: null, source: null, attributes: {} }),
  'Usage Reporting': (s) => void (s.usageReporting ??= {
    lastAckReceived: null, nextAckDeadline: null, reportingPushIntervalDays: null, reportingPushIntervalRaw: null,
    nextAckPushCheck: null, nextReportPush: null, lastReportPush: null, lastReportFileWrite: null,
  }),
  'Device Telemetry Report Summary': (s) => void (s.deviceTelemetry ??= { dataChannel: null, reportsOnDisk: null }),
};

function transportLine(c: LineContext): void {
  const tr = c.s.transport!;
  if (c.t === 'Not Configured') {
    if (c.sub === 'VRF') tr.vrf = null;
    // Proxy: Not Configured — nothing to record.
    return;
  }
  const kv = c.kv;
  if (!kv) return c.unknown();
  const text = TRANSPORT_TEXTS.get(kv.key);
  if (text) {
    tr[text] = nullIfEmpty(kv.value);
    return;
  }
  switch (kv.key) {
    case 'Type':
      tr.typeRaw = kv.value;
      tr.type = transportType(kv.value);
      if (!tr.type) c.warnings.push(`Transport: unknown type "${kv.value}"`);
      return;
    case 'Proxy':
      c.sub = 'Proxy';
      return;
    case 'Address':
      tr.proxyAddress = nullIfEmpty(kv.value);
      tr.proxyConfigured = tr.proxyAddress !== null;
      return;
    case 'Port':
      tr.proxyPort = toInt(nullIfEmpty(kv.value) ?? undefined);
      return;
    case 'Password':
      return; // never kept: it would be a secret
    case 'VRF':
      c.sub = 'VRF';
      tr.vrf = nullIfEmpty(kv.value);
      return;
    case 'Server Identity Check':
      tr.serverIdentityCheck = bool(kv.value);
      return;
    default:
      c.unknown();
  }
}

function policyLine(c: LineContext): void {
  const p = c.s.policy!;
  if (/Attributes:$/.test(c.t)) {
    c.sub = c.t.slice(0, -1).replace(/\s+Attributes$/, '').replace(/\s+License$/, '');
    p.attributes[c.sub] = { firstReportRequirementDays: null, reportingFrequencyDays: null, reportOnChangeDays: null };
    return;
  }
  const kv = c.kv;
  if (!kv) return c.unknown();
  if (kv.key === 'Policy in use') {
    p.inUse = nullIfEmpty(kv.value);
    const m = /^Installed On (.+)$/.exec(kv.value);
    p.installedOn = m ? isoOrNull(m[1], c.warnings, 'Policy in use') : null;
  } else if (kv.key === 'Policy name') p.name = nullIfEmpty(kv.value);
  else if (kv.key === 'Reporting ACK required') {
    const m = /^(\S+)(?:\s+\((.+)\))?$/.exec(kv.value);
    p.reportingAckRequired = m ? bool(m[1]) : null;
    p.source = m?.[2] ?? null;
  } else if (c.sub && p.attributes[c.sub]) {
    const days = toInt(/^(\d+)/.exec(kv.value)?.[1]);
    const attr = p.attributes[c.sub];
    if (kv.key === 'First report requirement (days)') attr.firstReportRequirementDays = days;
    else if (kv.key === 'Reporting frequency (days)') attr.reportingFrequencyDays = days;
    else if (kv.key === 'Report on change (days)') attr.reportOnChangeDays = days;
    else c.unknown();
  } else c.unknown();
}

function usageReportingLine(c: LineContext): void {
  const u = c.s.usageReporting!;
  const kv = c.kv;
  if (!kv) return c.unknown();
  const time = USAGE_REPORTING_TIMES.get(kv.key);
  if (time) u[time] = isoOrNull(kv.value, c.warnings, `Usage Reporting: ${kv.key}`);
  else if (kv.key === 'Reporting push interval') {
    u.reportingPushIntervalRaw = kv.value;
    u.reportingPushIntervalDays = toInt(/^(\d+)/.exec(kv.value)?.[1]);
  } else c.unknown();
}

/** How each section's lines are read; a section not listed here reads none (everything warns). */
const SECTION_LINES: Readonly<Record<string, (c: LineContext) => void>> = {
  Utility: (c) => (c.kv?.key === 'Status' ? void (c.s.utilityEnabled = bool(c.kv.value)) : c.unknown()),
  'Smart Licensing Using Policy': (c) => {
    if (c.kv?.key === 'Status') c.s.slpEnabled = bool(c.kv.value);
    else if (c.kv?.key === 'Reporting Mode') c.s.reportingMode = nullIfEmpty(c.kv.value);
    else c.unknown();
  },
  'Account Information': (c) => {
    const a = c.s.account!;
    const kv = c.kv;
    if (kv?.key === 'Smart Account') {
      const m = /^(.*?)\s+As of\s+(.+)$/.exec(kv.value);
      a.smartAccount = nullIfEmpty(m ? m[1] : kv.value);
      a.smartAccountAsOf = m ? isoOrNull(m[2], c.warnings, 'Smart Account As of') : null;
    } else if (kv?.key === 'Virtual Account') a.virtualAccount = nullIfEmpty(kv.value);
    else c.unknown();
  },
  'Data Privacy': (c) => {
    const field = c.kv && DATA_PRIVACY_FLAGS.get(c.kv.key);
    if (field) c.s.dataPrivacy![field] = bool(c.kv!.value);
    else c.unknown();
  },
  Transport: transportLine,
  Miscellaneous: (c) => (c.kv?.key === 'Custom Id' ? void (c.s.customId = nullIfEmpty(c.kv.value)) : c.unknown()),
  Policy: policyLine,
  'Usage Reporting': usageReportingLine,
  'Trust Code Installed': (c) => void c.trustBody.push(c.line),
  'Device Telemetry Report Summary': (c) => {
    const d = c.s.deviceTelemetry!;
    if (c.kv?.key === 'Data Channel') d.dataChannel = nullIfEmpty(c.kv.value);
    else if (c.kv?.key === 'Reports on disk') d.reportsOnDisk = toInt(c.kv.value);
    else c.unknown();
  },
  // Shown by newer agents; not used by slp-runner.
  'License Conversion': () => undefined,
  'Export Authorization Key': () => undefined,
};

/** Lines before any section: the titles are expected, anything else is not. */
function topLine(c: LineContext): void {
  if (c.t !== 'Smart Licensing Status' && !/^Smart Licensing is /.test(c.t)) c.unknown();
}

/**
 * Parses the status sections from cleaned lines. Keys are matched by name rather than by exact
 * indentation: a real 17.x capture (tech-support golden 7) prints `Address:` under `Proxy:` with
 * no indent, and the seed's failure sample lost all indentation.
 */
export function parseLicenseStatusLines(lines: readonly string[], warnings: string[]): ShowLicenseStatus {
  const s = emptyLicenseStatus();
  let section = '';
  let trustHeader: string | null = null;
  const c: LineContext = { s, sub: '', trustBody: [], warnings, line: '', t: '', kv: null, unknown: () => undefined };
  c.unknown = (): void => void warnings.push(`${section || 'top'}: unrecognised line "${c.t}"`);
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || isRule(t)) continue;
    const kv = splitKeyValue(t);
    if (indentOf(line) === 0 && kv && SECTION_SET.has(kv.key)) {
      section = kv.key;
      c.sub = '';
      s.sections.push(section);
      if (section === 'Trust Code Installed') trustHeader = kv.value;
      SECTION_OPENS[section]?.(s);
      continue;
    }
    c.line = line;
    c.t = t;
    c.kv = kv;
    (section ? SECTION_LINES[section] ?? topLine : topLine)(c);
  }
  if (trustHeader !== null) s.trustCode = parseTrustCode(trustHeader, c.trustBody, warnings);
  return s;
}
