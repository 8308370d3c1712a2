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

/**
 * Parses the status sections from cleaned lines. Keys are matched by name rather than by exact
 * indentation: a real 17.x capture (tech-support golden 7) prints `Address:` under `Proxy:` with
 * no indent, and the seed's failure sample lost all indentation.
 */
export function parseLicenseStatusLines(lines: readonly string[], warnings: string[]): ShowLicenseStatus {
  const s = emptyLicenseStatus();
  let section = '';
  let sub = ''; // Proxy / VRF under Transport; attribute group under Policy
  let trustHeader: string | null = null;
  const trustBody: string[] = [];
  const unknown = (line: string): void => {
    warnings.push(`${section || 'top'}: unrecognised line "${line.trim()}"`);
  };
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || isRule(t)) continue;
    const kv = splitKeyValue(t);
    if (indentOf(line) === 0 && kv && SECTION_SET.has(kv.key)) {
      section = kv.key;
      sub = '';
      s.sections.push(section);
      if (section === 'Trust Code Installed') trustHeader = kv.value;
      if (section === 'Account Information') s.account ??= { smartAccount: null, smartAccountAsOf: null, virtualAccount: null };
      if (section === 'Data Privacy') s.dataPrivacy ??= { sendingHostname: null, callhomeHostnamePrivacy: null, smartLicensingHostnamePrivacy: null, versionPrivacy: null };
      if (section === 'Transport') {
        s.transport ??= {
          type: null, typeRaw: null, url: null, csluAddress: null, proxyConfigured: false, proxyAddress: null,
          proxyPort: null, proxyUsername: null, vrf: null, serverIdentityCheck: null, ipMode: null, trustPoint: null,
        };
      }
      if (section === 'Policy') s.policy ??= { inUse: null, installedOn: null, name: null, reportingAckRequired: null, source: null, attributes: {} };
      if (section === 'Usage Reporting') {
        s.usageReporting ??= {
          lastAckReceived: null, nextAckDeadline: null, reportingPushIntervalDays: null, reportingPushIntervalRaw: null,
          nextAckPushCheck: null, nextReportPush: null, lastReportPush: null, lastReportFileWrite: null,
        };
      }
      if (section === 'Device Telemetry Report Summary') s.deviceTelemetry ??= { dataChannel: null, reportsOnDisk: null };
      continue;
    }
    switch (section) {
      case 'Utility':
        if (kv?.key === 'Status') s.utilityEnabled = bool(kv.value);
        else unknown(line);
        break;
      case 'Smart Licensing Using Policy':
        if (kv?.key === 'Status') s.slpEnabled = bool(kv.value);
        else if (kv?.key === 'Reporting Mode') s.reportingMode = nullIfEmpty(kv.value);
        else unknown(line);
        break;
      case 'Account Information': {
        const a = s.account!;
        if (kv?.key === 'Smart Account') {
          const m = /^(.*?)\s+As of\s+(.+)$/.exec(kv.value);
          a.smartAccount = nullIfEmpty(m ? m[1] : kv.value);
          a.smartAccountAsOf = m ? isoOrNull(m[2], warnings, 'Smart Account As of') : null;
        } else if (kv?.key === 'Virtual Account') a.virtualAccount = nullIfEmpty(kv.value);
        else unknown(line);
        break;
      }
      case 'Data Privacy': {
        const field = kv && DATA_PRIVACY_FLAGS.get(kv.key);
        if (field) s.dataPrivacy![field] = bool(kv.value);
        else unknown(line);
        break;
      }
      case 'Transport': {
        const tr = s.transport!;
        if (t === 'Not Configured') {
          if (sub === 'VRF') tr.vrf = null;
          // Proxy: Not Configured — nothing to record.
          break;
        }
        if (!kv) {
          unknown(line);
          break;
        }
        const text = TRANSPORT_TEXTS.get(kv.key);
        if (text) {
          tr[text] = nullIfEmpty(kv.value);
          break;
        }
        switch (kv.key) {
          case 'Type':
            tr.typeRaw = kv.value;
            tr.type = transportType(kv.value);
            if (!tr.type) warnings.push(`Transport: unknown type "${kv.value}"`);
            break;
          case 'Proxy':
            sub = 'Proxy';
            break;
          case 'Address':
            tr.proxyAddress = nullIfEmpty(kv.value);
            tr.proxyConfigured = tr.proxyAddress !== null;
            break;
          case 'Port':
            tr.proxyPort = toInt(nullIfEmpty(kv.value) ?? undefined);
            break;
          case 'Password':
            break; // never kept: it would be a secret
          case 'VRF':
            sub = 'VRF';
            tr.vrf = nullIfEmpty(kv.value);
            break;
          case 'Server Identity Check':
            tr.serverIdentityCheck = bool(kv.value);
            break;
          default:
            unknown(line);
        }
        break;
      }
      case 'Miscellaneous':
        if (kv?.key === 'Custom Id') s.customId = nullIfEmpty(kv.value);
        else unknown(line);
        break;
      case 'Policy': {
        const p = s.policy!;
        if (/Attributes:$/.test(t)) {
          sub = t.slice(0, -1).replace(/\s+Attributes$/, '').replace(/\s+License$/, '');
          p.attributes[sub] = { firstReportRequirementDays: null, reportingFrequencyDays: null, reportOnChangeDays: null };
          break;
        }
        if (!kv) {
          unknown(line);
          break;
        }
        if (kv.key === 'Policy in use') {
          p.inUse = nullIfEmpty(kv.value);
          const m = /^Installed On (.+)$/.exec(kv.value);
          p.installedOn = m ? isoOrNull(m[1], warnings, 'Policy in use') : null;
        } else if (kv.key === 'Policy name') p.name = nullIfEmpty(kv.value);
        else if (kv.key === 'Reporting ACK required') {
          const m = /^(\S+)(?:\s+\((.+)\))?$/.exec(kv.value);
          p.reportingAckRequired = m ? bool(m[1]) : null;
          p.source = m?.[2] ?? null;
        } else if (sub && p.attributes[sub]) {
          const days = toInt(/^(\d+)/.exec(kv.value)?.[1]);
          const attr = p.attributes[sub];
          if (kv.key === 'First report requirement (days)') attr.firstReportRequirementDays = days;
          else if (kv.key === 'Reporting frequency (days)') attr.reportingFrequencyDays = days;
          else if (kv.key === 'Report on change (days)') attr.reportOnChangeDays = days;
          else unknown(line);
        } else unknown(line);
        break;
      }
      case 'Usage Reporting': {
        const u = s.usageReporting!;
        if (!kv) {
          unknown(line);
          break;
        }
        const time = USAGE_REPORTING_TIMES.get(kv.key);
        if (time) u[time] = isoOrNull(kv.value, warnings, `Usage Reporting: ${kv.key}`);
        else if (kv.key === 'Reporting push interval') {
          u.reportingPushIntervalRaw = kv.value;
          u.reportingPushIntervalDays = toInt(/^(\d+)/.exec(kv.value)?.[1]);
        } else unknown(line);
        break;
      }
      case 'Trust Code Installed':
        trustBody.push(line);
        break;
      case 'Device Telemetry Report Summary': {
        const d = s.deviceTelemetry!;
        if (kv?.key === 'Data Channel') d.dataChannel = nullIfEmpty(kv.value);
        else if (kv?.key === 'Reports on disk') d.reportsOnDisk = toInt(kv.value);
        else unknown(line);
        break;
      }
      case 'License Conversion':
      case 'Export Authorization Key':
        break; // shown by newer agents; not used by slp-runner
      default:
        if (t !== 'Smart Licensing Status' && !/^Smart Licensing is /.test(t)) unknown(line);
    }
  }
  if (trustHeader !== null) s.trustCode = parseTrustCode(trustHeader, trustBody, warnings);
  return s;
}
