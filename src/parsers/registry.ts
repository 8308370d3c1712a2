import { parsePing } from './ping';
import { parseShowClock } from './show-clock';
import { parseShowIpArp } from './show-ip-arp';
import { parseShowIpCef } from './show-ip-cef';
import { parseShowIpInterfaceBrief } from './show-ip-interface-brief';
import { parseShowLicenseAll } from './show-license-all';
import { parseShowLicenseEventlog } from './show-license-eventlog';
import { parseShowLicenseHistoryMessage } from './show-license-history-message';
import { parseShowLicenseRum } from './show-license-rum';
import { parseShowLicenseStatus } from './show-license-status';
import { parseShowLicenseSummary } from './show-license-summary';
import { parseShowLicenseTechSupport } from './show-license-tech-support';
import { parseShowLicenseUdi } from './show-license-udi';
import { parseShowLicenseUsage } from './show-license-usage';
import { parseShowLogging } from './show-logging';
import { parseShowMacAddressTable } from './show-mac-address-table';
import { parseShowNtpStatus } from './show-ntp-status';
import { parseShowRunningConfig } from './show-running-config';
import { parseShowVersion } from './show-version';
import { parseTelnet } from './telnet';
import type { Parser } from './types';

/** Every parser by its full command name (arguments such as an address are not part of the name). */
export const PARSERS: Readonly<Record<string, Parser<unknown>>> = {
  'show running-config': parseShowRunningConfig,
  'show version': parseShowVersion,
  'show license status': parseShowLicenseStatus,
  'show license summary': parseShowLicenseSummary,
  'show license usage': parseShowLicenseUsage,
  'show license udi': parseShowLicenseUdi,
  'show license all': parseShowLicenseAll,
  'show license eventlog': parseShowLicenseEventlog,
  'show license tech support': parseShowLicenseTechSupport,
  'show license history message': parseShowLicenseHistoryMessage,
  'show license rum': parseShowLicenseRum,
  'show ip interface brief': parseShowIpInterfaceBrief,
  'show ip cef': parseShowIpCef,
  'show ip arp': parseShowIpArp,
  'show mac address-table': parseShowMacAddressTable,
  'show logging': parseShowLogging,
  'show clock': parseShowClock,
  'show ntp status': parseShowNtpStatus,
  ping: parsePing,
  telnet: parseTelnet,
};

/** What `resolveParser` matched a typed command to. */
export interface ResolvedCommand {
  /** The full name, a key of PARSERS. */
  name: string;
  parser: Parser<unknown>;
}

/**
 * Resolves what a user typed (`sh lic stat`, `show run | section license`, `sh ip cef 10.1.1.1`)
 * to a parser, the way IOS accepts unique abbreviations: each typed word must be a prefix of the
 * command's word; words after the command name (arguments) and any `| filter` are ignored.
 * Returns null when nothing, or more than one command equally well, matches.
 */
export function resolveParser(input: string): ResolvedCommand | null {
  const words = input.split('|')[0].trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  let best: string[] = [];
  let bestLen = 0;
  for (const name of Object.keys(PARSERS)) {
    const parts = name.split(' ');
    if (words.length < parts.length) continue;
    if (parts.every((p, i) => p.startsWith(words[i]))) {
      if (parts.length > bestLen) {
        best = [name];
        bestLen = parts.length;
      } else if (parts.length === bestLen) best.push(name);
    }
  }
  // `sh lic stat` must not also match a shorter command through its arguments; ties are ambiguous.
  if (best.length !== 1) return null;
  return { name: best[0], parser: PARSERS[best[0]] };
}
