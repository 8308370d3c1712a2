import { parseIosXeVersion, type IosXeVersion } from './ios-xe-version';
import { preprocess, splitKeyValue } from './preprocess';
import type { ParseResult } from './types';

/** One member row of the `Switch Ports Model …` table of a stack. */
export interface SwitchTableRow {
  switchNumber: number;
  /** The `*` row: the active member. */
  active: boolean;
  ports: number | null;
  model: string;
  swVersion: string;
  swImage: string | null;
  mode: string | null;
  /** From the main block (active) or its `Switch 0N` block; null when not shown. */
  serial: string | null;
}

/** `show version`: release, platform and stack members, for the version gate and facts. */
export interface ShowVersion {
  /**
   * The release for the version gate: from `Cisco IOS XE Software, Version …`, else the second
   * line's `Version …`, else the active switch's SW Version. null when none is numeric.
   */
  version: IosXeVersion | null;
  /** `Cisco IOS XE Software, Version X` as printed (may be a build label like `S2C`). */
  xeVersionRaw: string | null;
  /** `… Version 17.9.5, RELEASE SOFTWARE` / `Experimental Version 17.10.2022…` as printed. */
  iosVersionRaw: string | null;
  /** `[Cupertino]`, `[Dublin]`, `[IOSXE]`; '' when printed as `[]`. */
  train: string | null;
  releaseType: string | null;
  /** `CAT9K_IOSXE`, `CAT9K_LITE_IOSXE`. */
  image: string | null;
  hostname: string | null;
  uptime: string | null;
  uptimeSeconds: number | null;
  lastReloadReason: string | null;
  systemImageFile: string | null;
  smartLicensingStatus: string | null;
  /** PID of the active unit (`cisco C9300-24P (X86) processor…`, else Model Number). */
  platform: string | null;
  processorBoardId: string | null;
  /** `System Serial Number` of the active unit. */
  serial: string | null;
  licensePackages: { current: string; type: string; nextReboot: string }[];
  switches: SwitchTableRow[];
  configRegister: string | null;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  year: 31_536_000, week: 604_800, day: 86_400, hour: 3_600, minute: 60, second: 1,
};

/** `1 day, 1 hour, 11 minutes` → seconds; null when no unit is recognised. */
export function uptimeToSeconds(text: string): number | null {
  let total = 0;
  let any = false;
  for (const m of text.matchAll(/(\d+)\s+(year|week|day|hour|minute|second)s?/g)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]];
    any = true;
  }
  return any ? total : null;
}

const SWITCH_ROW_RE = /^(\*?)\s*(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)?\s*(\S+)?$/;

/** Parses `show version` of a Catalyst 9000 (standalone, stack, dual-sup), 17.3 → 17.18. */
export function parseShowVersion(text: string): ParseResult<ShowVersion> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const v: ShowVersion = {
    version: null, xeVersionRaw: null, iosVersionRaw: null, train: null, releaseType: null, image: null,
    hostname: null, uptime: null, uptimeSeconds: null, lastReloadReason: null, systemImageFile: null,
    smartLicensingStatus: null, platform: null, processorBoardId: null, serial: null, licensePackages: [],
    switches: [], configRegister: null,
  };
  const lines = pre.lines;
  let modelNumber: string | null = null;
  let inSwitchTable = false;
  let inLicenseTable = false;
  let memberBlock: number | null = null;
  const memberSerials = new Map<number, string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    let m: RegExpExecArray | null;
    if (t === '') {
      inSwitchTable = false;
      inLicenseTable = false;
      continue;
    }
    if ((m = /^Cisco IOS XE Software, Version (\S+)/.exec(t))) {
      v.xeVersionRaw = m[1];
    } else if ((m = /^Cisco IOS Software \[([^\]]*)\], .*?\((\w+)\), (?:(Experimental) )?Version ([^,\s]+)(?:, (.+))?/.exec(t))) {
      v.train = m[1];
      v.image = m[2];
      v.iosVersionRaw = m[4];
      v.releaseType = m[3] ?? m[5] ?? null;
    } else if ((m = /^(\S+) uptime is (.+)$/.exec(t))) {
      v.hostname = m[1];
      v.uptime = m[2];
      v.uptimeSeconds = uptimeToSeconds(m[2]);
    } else if ((m = /^Last reload reason: (.+)$/.exec(t)) && memberBlock === null) {
      v.lastReloadReason = m[1];
    } else if ((m = /^System image file is "([^"]*)"/.exec(t))) {
      v.systemImageFile = m[1];
    } else if ((m = /^Smart Licensing Status: (.+)$/.exec(t))) {
      v.smartLicensingStatus = m[1];
    } else if ((m = /^cisco (\S+) \(.*\) processor/.exec(t))) {
      v.platform = m[1];
    } else if ((m = /^Processor board ID (\S+)/.exec(t))) {
      v.processorBoardId = m[1];
    } else if ((m = /^Configuration register is (\S+)/.exec(t))) {
      v.configRegister = m[1];
    } else if (/^Technology-package\s+Technology-package/.test(t)) {
      inLicenseTable = true;
    } else if (inLicenseTable && /^-+$/.test(t)) {
      // separator lines inside the licence table
    } else if (inLicenseTable && /^Current\s+Type/.test(t)) {
      // second header line
    } else if (inLicenseTable && !t.includes(':')) {
      // Columns: padding then a TAB on most releases (reference §3.9); only spaces on a 17.4 capture.
      const cols = (line.includes('\t') ? line.split('\t') : t.split(/\s{2,}/)).map((c) => c.trim());
      if (cols.length >= 3) v.licensePackages.push({ current: cols[0], type: cols[1], nextReboot: cols[2] });
      else warnings.push(`licence table: unrecognised "${t}"`);
    } else if (/^Switch Ports Model\s+SW Version/.test(t)) {
      inLicenseTable = false;
      inSwitchTable = true;
    } else if (inSwitchTable && /^[-\s]+$/.test(t)) {
      // underline
    } else if (inSwitchTable && (m = SWITCH_ROW_RE.exec(t))) {
      v.switches.push({
        switchNumber: Number(m[2]), active: m[1] === '*', ports: Number(m[3]), model: m[4], swVersion: m[5],
        swImage: m[6] ?? null, mode: m[7] ?? null, serial: null,
      });
    } else if ((m = /^Switch (\d+)$/.exec(t)) && lines[i + 1]?.trim().startsWith('---')) {
      memberBlock = Number(m[1]);
      inSwitchTable = false;
      i++;
    } else {
      inLicenseTable = inLicenseTable && !/^(AIR|Next reload|Smart Licensing)/.test(t);
      const kv = splitKeyValue(t);
      if (kv && kv.key === 'System Serial Number') {
        if (memberBlock === null) v.serial = kv.value || null;
        else if (kv.value) memberSerials.set(memberBlock, kv.value);
      } else if (kv && kv.key === 'Model Number' && memberBlock === null) {
        modelNumber = kv.value || null;
      }
    }
  }
  v.platform ??= modelNumber;
  for (const row of v.switches) {
    row.serial = row.active ? v.serial : memberSerials.get(row.switchNumber) ?? null;
  }
  const active = v.switches.find((s) => s.active);
  v.version =
    (v.xeVersionRaw ? parseIosXeVersion(v.xeVersionRaw) : null) ??
    (v.iosVersionRaw ? parseIosXeVersion(v.iosVersionRaw) : null) ??
    (active ? parseIosXeVersion(active.swVersion) : null);
  // Engineering builds: the XE line is a label and the IOS line's third field is a date;
  // the switch table then gives the real rebuild (17.10.01).
  if (v.version && v.version.rebuild === null && active) {
    const fromTable = parseIosXeVersion(active.swVersion);
    if (fromTable && fromTable.major === v.version.major && fromTable.minor === v.version.minor) v.version = fromTable;
  }
  if (!v.version) warnings.push('no IOS XE version found');
  if (!v.platform) warnings.push('no platform (PID) found');
  return { value: v, warnings, syslog: pre.syslog };
}
