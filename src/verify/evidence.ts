/**
 * The evidence verify and diagnose reason over: the show commands the guide reads (reference §4.2),
 * each parsed by src/parsers, gathered once per look. Only the parts a caller asks for are run, so
 * an assertion that needs `show license status` does not pay for `show license tech support`.
 */
import type { Device } from '../device/device';
import {
  parseShowClock,
  parseShowIpInterfaceBrief,
  parseShowLicenseEventlog,
  parseShowLicenseHistoryMessage,
  parseShowLicenseStatus,
  parseShowLicenseTechSupport,
  parseShowLicenseUdi,
  parseShowLogging,
  parseShowNtpStatus,
  parseShowRunningConfig,
  parseShowVersion,
  type ShowClock,
  type ShowLicenseEventlog,
  type ShowLicenseHistoryMessage,
  type ShowLicenseStatus,
  type ShowLicenseTechSupport,
  type ShowLicenseUdi,
  type ShowLogging,
  type ShowNtpStatus,
  type ShowVersion,
  type SlpConfigView,
} from '../parsers';
import type { ConfigLine } from '../parsers/config-tree';
import type { InterfaceBriefRow } from '../parsers/show-ip-interface-brief';
import type { Probe } from './probes';

/** The parsed outputs, each present only when it was gathered. */
export interface Evidence {
  version?: ShowVersion;
  status?: ShowLicenseStatus;
  techSupport?: ShowLicenseTechSupport;
  eventlog?: ShowLicenseEventlog;
  history?: ShowLicenseHistoryMessage;
  logging?: ShowLogging;
  clock?: ShowClock;
  /** The SLP-related view of `show running-config`. */
  config?: SlpConfigView;
  udi?: ShowLicenseUdi;
  /** `show clock detail`: the clock with its time source (diagnosis; `clock` is plain `show clock`). */
  clockDetail?: ShowClock;
  /** `show ntp status`; absent when the switch refused it (`%NTP is not enabled.`). */
  ntp?: ShowNtpStatus;
  /** `show ip interface brief` (seed troubleshooting: the source interface is up and addressed). */
  interfaces?: InterfaceBriefRow[];
  /** The whole `show running-config` tree (read with `config`), for lines outside the licensing view. */
  configTree?: ConfigLine[];
  /** Active probes (ping, telnet) toward CSSM or the proxy, in the order they were run. */
  probes?: Probe[];
}

export type EvidencePart = Exclude<keyof Evidence, 'probes' | 'configTree'>;

/** Days of event log read by default: a week covers a failure that started before a weekend. */
export const DEFAULT_EVENTLOG_DAYS = 7;

interface PartSource {
  command: (o: GatherOptions) => string;
  /** The evidence the output gives: its part, and any other it carries (the config tree). */
  read: (text: string) => Partial<Evidence>;
  /**
   * A switch may refuse the command without anything being wrong (`show ntp status` with NTP off
   * prints `%NTP is not enabled.`): the part is then left out instead of failing the look.
   */
  optional?: boolean;
}

/** Which command fills which part (the guide's commands, reference §3 / seed steps 1–4). */
export const EVIDENCE_SOURCES: Readonly<Record<EvidencePart, PartSource>> = {
  version: { command: () => 'show version', read: (t) => ({ version: parseShowVersion(t).value }) },
  status: { command: () => 'show license status', read: (t) => ({ status: parseShowLicenseStatus(t).value }) },
  techSupport: { command: () => 'show license tech support', read: (t) => ({ techSupport: parseShowLicenseTechSupport(t).value }) },
  eventlog: {
    command: (o) => `show license eventlog ${Math.min(365, Math.max(1, o.eventlogDays ?? DEFAULT_EVENTLOG_DAYS))}`,
    read: (t) => ({ eventlog: parseShowLicenseEventlog(t).value }),
  },
  history: { command: () => 'show license history message', read: (t) => ({ history: parseShowLicenseHistoryMessage(t).value }) },
  logging: { command: () => 'show logging', read: (t) => ({ logging: parseShowLogging(t).value }) },
  clock: { command: () => 'show clock', read: (t) => ({ clock: parseShowClock(t).value }) },
  config: {
    command: () => 'show running-config',
    // One parse gives both the licensing view and the whole tree.
    read: (t) => {
      const { slp, tree } = parseShowRunningConfig(t).value;
      return { config: slp, configTree: tree };
    },
  },
  udi: { command: () => 'show license udi', read: (t) => ({ udi: parseShowLicenseUdi(t).value }) },
  clockDetail: { command: () => 'show clock detail', read: (t) => ({ clockDetail: parseShowClock(t).value }), optional: true },
  ntp: { command: () => 'show ntp status', read: (t) => ({ ntp: parseShowNtpStatus(t).value }), optional: true },
  interfaces: { command: () => 'show ip interface brief', read: (t) => ({ interfaces: parseShowIpInterfaceBrief(t).value.interfaces }), optional: true },
};

/**
 * What one look at the switch has read, by command: the evidence each output gave (null: an
 * optional command the switch refused). Passed from look to look, a command is sent once.
 */
export type Readings = Map<string, Partial<Evidence> | null>;

export interface GatherOptions {
  eventlogDays?: number;
  /** Called with each command before it is sent (for the diagnosis `steps`). */
  onCommand?: (command: string) => void;
  /** Outputs already read in this look: used instead of asking again; new reads are added. */
  readings?: Readings;
}

/** Runs the commands for `parts` (each once, in the order given) and returns their parsed values. */
export async function gatherEvidence(device: Device, parts: Iterable<EvidencePart>, options: GatherOptions = {}): Promise<Evidence> {
  const evidence: Evidence = {};
  for (const part of new Set(parts)) {
    const source = EVIDENCE_SOURCES[part];
    const command = source.command(options);
    let read = options.readings?.get(command);
    if (read === undefined) {
      options.onCommand?.(command);
      const result = await device.run(command);
      if (result.failed && source.optional) {
        read = null;
      } else {
        read = source.read(result.throwIfFailed().output);
      }
      options.readings?.set(command, read);
    }
    if (read) Object.assign(evidence, read);
  }
  return evidence;
}
