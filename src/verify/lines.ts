/**
 * Evidence lines: what a report quotes to prove a verdict. Event-log and syslog lines are quoted
 * as the device printed them (the parsers keep `raw`); the other fields are written back in the
 * device's own labels (`Trust Establishment: Last Response: NO REPLY on …`), prefixed with the
 * command they came from so a reader can re-run it.
 */
import type { CommStat, LicenseEvent, ShowLicenseStatus, SyslogMessage, TrustCodeMember } from '../parsers';
import type { HistoryExchange } from '../parsers';

export function commStatLines(category: string, s: CommStat): string[] {
  const at = (v: string | null): string => v ?? '<none>';
  return [
    `show license tech support: ${category}: Attempts: Total=${s.total}, Success=${s.success}, Fail=${s.fail}  Ongoing Failure: Overall=${s.ongoingFailureOverall} Communication=${s.ongoingFailureCommunication}`,
    `show license tech support: ${category}: Last Response: ${s.lastResponse ?? '<none>'}${s.lastResponseAt ? ` on ${s.lastResponseAt}` : ''}; Failure Reason: ${s.failureReason ?? '<none>'}; Last Success Time: ${at(s.lastSuccessAt)}`,
  ];
}

export function eventLine(e: LicenseEvent): string {
  return `show license eventlog: ${e.raw}`;
}

export function syslogLine(m: SyslogMessage): string {
  return `show logging: ${m.raw}`;
}

export function transportLines(status: ShowLicenseStatus): string[] {
  const t = status.transport;
  if (!t) return ['show license status: Transport: (section missing)'];
  const proxy = t.proxyConfigured ? `Address: ${t.proxyAddress ?? '<empty>'} Port: ${t.proxyPort ?? '<empty>'}` : 'Not Configured';
  return [
    `show license status: Transport: Type: ${t.typeRaw ?? '<none>'}`,
    t.type === 'cslu' ? `show license status: Transport: Cslu address: ${t.csluAddress ?? '<empty>'}` : `show license status: Transport: URL: ${t.url ?? '<none>'}`,
    `show license status: Transport: Proxy: ${proxy}`,
    `show license status: Transport: VRF: ${t.vrf ?? '<empty>'}`,
  ];
}

export function memberTrustLine(m: TrustCodeMember): string {
  return `show license status: Trust Code Installed: ${m.role}: PID:${m.pid},SN:${m.sn} ${m.installed ? `INSTALLED on ${m.installedAt ?? '?'}` : 'NOT INSTALLED'}`;
}

export function trustCodeLine(status: ShowLicenseStatus): string {
  const tc = status.trustCode;
  if (!tc) return 'show license status: Trust Code Installed: (line missing)';
  if (tc.members.length === 0) return `show license status: Trust Code Installed: ${tc.installed ? tc.installedAt : '<none>'}`;
  return `show license status: Trust Code Installed: ${tc.members.filter((m) => m.installed).length} of ${tc.members.length} members`;
}

export function exchangeLine(x: HistoryExchange): string {
  const response = x.responseRaw === null || x.responseRaw.trim() === '' ? '(empty: no reply)' : `status_code ${x.statusCode ?? '?'}`;
  return `show license history message: ${x.category}: REQUEST: ${x.requestAt ?? '?'}${x.requestType ? ` (${x.requestType})` : ''} → RESPONSE: ${x.responseAt ?? '?'} ${response}`;
}
