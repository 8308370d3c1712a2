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

/**
 * One unit as the hardware blocks print it: the unnamed block of the unit answering (normally the
 * active), then one `Switch NN` / `----` block per other stack, SVL or supervisor member, merged with
 * its row of the switch table when there is one.
 */
export interface VersionMember {
  /** From the `Switch NN` heading or the table; null for the main block when no table names it. */
  switchNumber: number | null;
  /**
   * The unit the session is on: its block comes first and it is the `*` row of the table. Usually
   * the active, but a capture taken on a standby supervisor answers as the standby.
   */
  answering: boolean;
  /** `Model Number`, else the table's Model. */
  model: string | null;
  /** `System Serial Number`. */
  serial: string | null;
  motherboardSerial: string | null;
  baseMac: string | null;
  modelRevision: string | null;
  /** `Switch uptime` of a member block; null for the main block (see `uptime`). */
  uptime: string | null;
  lastReloadReason: string | null;
  /** From the switch table; null when the platform prints none (C9400, C9500 standalone). */
  ports: number | null;
  swVersion: string | null;
  swImage: string | null;
  mode: string | null;
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
  /** `ROM: IOS-XE ROMMON` → `IOS-XE ROMMON`. */
  rom: string | null;
  /** `BOOTLDR: System Bootstrap, Version 17.10.1r, RELEASE SOFTWARE (P)`, after the colon. */
  bootloader: string | null;
  /** `17.10.1r`, `17.3.1r[FC2]`, `17.7.0.12` as printed. */
  bootloaderVersion: string | null;
  /** `AIR License Level:` / `Next reload AIR license Level:` (absent on platforms without AIR). */
  airLicenseLevel: string | null;
  airLicenseLevelNextReload: string | null;
  /** Every unit with its model and serial: the answering unit first, then each member block. */
  members: VersionMember[];
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

const ROM_RE = /^ROM:\s*(.*?)(?:BOOTLDR:\s*(.*))?$/;

function readBootloader(v: ShowVersion, text: string): void {
  v.bootloader = text.trim() || null;
  v.bootloaderVersion = /\bVersion ([^,\s]+)/.exec(text)?.[1] ?? null;
}

function newMember(switchNumber: number | null): VersionMember {
  return {
    switchNumber, answering: false, model: null, serial: null, motherboardSerial: null, baseMac: null, modelRevision: null,
    uptime: null, lastReloadReason: null, ports: null, swVersion: null, swImage: null, mode: null,
  };
}

/** The `Key : value` lines of a hardware block that name the unit. */
function readMemberField(m: VersionMember, key: string, value: string): void {
  const val = value.trim() || null;
  switch (key) {
    case 'Model Number': m.model = val; break;
    case 'System Serial Number': m.serial = val; break;
    case 'Motherboard Serial Number': m.motherboardSerial = val; break;
    case 'Base Ethernet MAC Address': m.baseMac = val; break;
    case 'Model Revision Number': m.modelRevision = val; break;
    case 'Switch uptime': m.uptime = val; break;
    case 'Last reload reason': m.lastReloadReason = val; break;
  }
}

/**
 * The answering unit's block, then the member blocks in number order; table rows fill ports,
 * version, image and mode, and a row with no block of its own (never seen) still lists its model.
 */
function mergeMembers(main: VersionMember, blocks: Map<number, VersionMember>, rows: readonly SwitchTableRow[]): VersionMember[] {
  const active = rows.find((r) => r.active);
  if (active) main.switchNumber = active.switchNumber;
  const out = [main, ...[...blocks.values()].sort((a, b) => (a.switchNumber ?? 0) - (b.switchNumber ?? 0))];
  for (const row of rows) {
    let m = out.find((x) => x.switchNumber === row.switchNumber);
    if (!m) {
      m = newMember(row.switchNumber);
      out.push(m);
    }
    m.model ??= row.model;
    Object.assign(m, { ports: row.ports, swVersion: row.swVersion, swImage: row.swImage, mode: row.mode });
  }
  // A main block with nothing in it (an excerpt without the hardware part) is not a unit.
  return out.filter((x) => x !== main || x.model !== null || x.serial !== null);
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
    switches: [], configRegister: null, rom: null, bootloader: null, bootloaderVersion: null, airLicenseLevel: null,
    airLicenseLevelNextReload: null, members: [],
  };
  const lines = pre.lines;
  let modelNumber: string | null = null;
  let inSwitchTable = false;
  let inLicenseTable = false;
  let memberBlock: number | null = null;
  const main = newMember(null);
  const blocks = new Map<number, VersionMember>();
  const cur = (): VersionMember => (memberBlock === null ? main : blocks.get(memberBlock)!);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    let m: RegExpExecArray | null;
    if (t === '') {
      inSwitchTable = false;
      inLicenseTable = false;
      continue;
    }
    if ((m = ROM_RE.exec(t))) {
      // 17.10 prints `ROM: IOS-XE ROMMONBOOTLDR: …` on one line (real capture).
      v.rom = m[1].trim() || null;
      if (m[2] !== undefined) readBootloader(v, m[2]);
    } else if (t.startsWith('BOOTLDR:')) {
      readBootloader(v, t.slice('BOOTLDR:'.length));
    } else if ((m = /^Cisco IOS XE Software, Version (\S+)/.exec(t))) {
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
      if (!blocks.has(memberBlock)) blocks.set(memberBlock, newMember(memberBlock));
      inSwitchTable = false;
      i++;
    } else {
      inLicenseTable = inLicenseTable && !/^(AIR|Next reload|Smart Licensing)/.test(t);
      const kv = splitKeyValue(t);
      if (kv) readMemberField(cur(), kv.key, kv.value);
      if (kv?.key === 'AIR License Level') v.airLicenseLevel = kv.value || null;
      else if (kv?.key === 'Next reload AIR license Level') v.airLicenseLevelNextReload = kv.value || null;
    }
  }
  v.serial = main.serial;
  main.lastReloadReason ??= v.lastReloadReason;
  modelNumber = main.model;
  v.platform ??= modelNumber;
  main.answering = true;
  for (const row of v.switches) {
    row.serial = row.active ? v.serial : blocks.get(row.switchNumber)?.serial ?? null;
  }
  v.members = mergeMembers(main, blocks, v.switches);
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
