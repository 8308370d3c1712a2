/**
 * Sections shared by `show license status`, `show license all` and `show license tech support`
 * (reference §3.1, §3.6, §3.8; real captures show-license-status/04, show-license-all/01).
 * Each returns lines; the command renderers put them in their own order.
 */
import type { SimDevice } from '../sim-device';
import { licenseDate } from '../format-time';
import { DEFAULT_SMART_URL } from '../network-model';
import { COMM_CATEGORIES, type CommStats } from '../licensing-state';
import { licenceNames, licenceDescriptions } from '../platforms';

const d8 = (ms: number | undefined): string => (ms === undefined ? '<none>' : licenseDate(ms));

export function utilityAndSlp(withMode: boolean): string[] {
  const out = ['Utility:', '  Status: DISABLED', '', 'Smart Licensing Using Policy:', '  Status: ENABLED'];
  if (withMode) out.push('  Reporting Mode: STANDARD');
  return [...out, ''];
}

export function account(d: SimDevice): string[] {
  const a = d.licensing.account;
  return ['Account Information:', `  Smart Account: ${a ? `${a.smart} As of ${licenseDate(a.asOf)}` : '<none>'}`, `  Virtual Account: ${a ? a.virtual : '<none>'}`, ''];
}

export function dataPrivacy(): string[] {
  return ['Data Privacy:', '  Sending Hostname: yes', '    Callhome hostname privacy: DISABLED', '    Smart Licensing hostname privacy: DISABLED', '  Version privacy: DISABLED', ''];
}

const TRANSPORT_NAMES: Record<string, string> = { smart: 'Smart', cslu: 'cslu', callhome: 'Callhome', off: 'Off', automatic: 'Automatic' };

export function transport(d: SimDevice, serverIdentityCheck: boolean): string[] {
  const l = d.running.license;
  const t = l.transport ?? 'cslu';
  const out = ['Transport:', `  Type: ${TRANSPORT_NAMES[t]}`];
  if (t === 'smart') out.push(`  URL: ${l.smartUrl ?? l.legacyUrl ?? DEFAULT_SMART_URL}`);
  else if (t === 'cslu') out.push(`  Cslu address: ${l.csluUrl ?? '<empty>'}`);
  if (t === 'smart' || t === 'cslu') {
    out.push('  Proxy:');
    if (l.proxyAddress || l.proxyPort !== undefined) {
      out.push(`    Address: ${l.proxyAddress ?? '<empty>'}`, `    Port: ${l.proxyPort ?? '<empty>'}`, '    Username: <empty>', '    Password: <empty>');
    } else out.push('    Not Configured');
  }
  if (serverIdentityCheck) out.push('  Server Identity Check: True');
  out.push(`  VRF: ${l.vrf ?? '<empty>'}`, '');
  return out;
}

export function policy(d: SimDevice): string[] {
  const p = d.licensing.policy;
  const src = p.customer ? '(Customer Policy)' : '(CISCO default)';
  const groups: Array<[string, [number, number, number], [number, number, number]]> = [
    ['Unenforced/Non-Export Perpetual Attributes:', [365, 0, 90], [60, 60, 60]],
    ['Unenforced/Non-Export Subscription Attributes:', [90, 90, 90], [60, 60, 60]],
    ['Enforced (Perpetual/Subscription) License Attributes:', [0, 0, 0], [0, 0, 0]],
    ['Export (Perpetual/Subscription) License Attributes:', [0, 0, 0], [0, 0, 0]],
  ];
  const out = ['Policy:'];
  if (p.customer) out.push(`  Policy in use: Installed On ${licenseDate(p.installedAt!)}`, '  Policy name: SLE Policy');
  else out.push('  Policy in use: Merged from multiple sources.');
  out.push(`  Reporting ACK required: yes ${src}`);
  for (const [title, def, cust] of groups) {
    const v = p.customer ? cust : def;
    out.push(`  ${title}`, `    First report requirement (days): ${v[0]} ${src}`, `    Reporting frequency (days): ${v[1]} ${src}`, `    Report on change (days): ${v[2]} ${src}`);
  }
  return [...out, ''];
}

export function miscellaneous(): string[] {
  return ['Miscellaneous:', '  Custom Id: <empty>', ''];
}

export function usageReporting(d: SimDevice, techSupport: boolean): string[] {
  const u = d.licensing.usage;
  const interval = d.running.license.usageInterval ?? 30;
  const state = d.licensing.policy.customer ? ` State(4) InPolicy(60)` : ` State(2) InPolicy(90)`;
  return [
    'Usage Reporting:',
    `  Last ACK received: ${d8(u.lastAck)}`,
    `  Next ACK deadline: ${d8(u.nextAckDeadline)}`,
    `  Reporting push interval: ${interval}  days${techSupport ? state : ''}`,
    '  Next ACK push check: <none>',
    `  Next report push: ${d8(u.nextReportPush)}`,
    `  Last report push: ${d8(u.lastReportPush)}`,
    '  Last report file write: <none>',
    '',
  ];
}

export const ROLE = (i: number): string => (i === 0 ? 'Active' : i === 1 ? 'Standby' : 'Member');

export function trustCodeInstalled(d: SimDevice): string[] {
  const t = d.licensing.trust;
  if (d.members.length === 1) return [`Trust Code Installed: ${t[0].state === 'installed' ? licenseDate(t[0].installedAt!) : '<none>'}`];
  if (t.every((m) => m.state !== 'installed')) return ['Trust Code Installed: <none>'];
  const out = ['Trust Code Installed:'];
  d.members.forEach((m, i) => {
    out.push(`  ${ROLE(i)}: PID:${m.pid},SN:${m.serial}`, t[i].state === 'installed' ? `    INSTALLED on ${licenseDate(t[i].installedAt!)}` : '    NOT INSTALLED');
  });
  return out;
}

export function licenseUsageBlocks(d: SimDevice): string[] {
  const names = licenceNames(d.platform);
  const desc = licenceDescriptions(d.platform);
  const out: string[] = [];
  for (const [name, description, type] of [[names.network, desc.network, 'Perpetual'], [names.dna, desc.dna, 'Subscription']] as const) {
    out.push(
      `${name} (${description}):`,
      `  Description: ${description}`,
      `  Count: ${d.members.length}`,
      '  Version: 1.0',
      '  Status: IN USE',
      '  Export status: NOT RESTRICTED',
      `  Feature Name: ${name}`,
      `  Feature Description: ${description}`,
      '  Enforcement type: NOT ENFORCED',
      `  License type: ${type}`,
      '',
    );
  }
  return out;
}

export function udiLines(d: SimDevice): string[] {
  const a = d.members[0];
  const out = [`UDI: PID:${a.pid},SN:${a.serial}`];
  if (d.members.length > 1) {
    out.push('', 'HA UDI List:');
    d.members.forEach((m, i) => out.push(`    ${ROLE(i)}:PID:${m.pid},SN:${m.serial}`));
  }
  return out;
}

function commStatsBlock(name: string, s: CommStats): string[] {
  const resp = s.lastResponse ? `${s.lastResponse.token}${s.lastResponse.at !== undefined ? ` on ${licenseDate(s.lastResponse.at)}` : ''}` : '<none>';
  return [
    `${name}:`,
    `  Attempts: Total=${s.total}, Success=${s.success}, Fail=${s.fail}  Ongoing Failure: Overall=${s.ongoingOverall} Communication=${s.ongoingComm}`,
    `  Last Response: ${resp}`,
    `    Failure Reason: ${s.failureReason ?? '<none>'}`,
    `  Last Success Time: ${d8(s.lastSuccess)}`,
    `  Last Failure Time: ${d8(s.lastFailure)}`,
  ];
}

export function communicationStatistics(d: SimDevice): string[] {
  const trusted = d.licensing.trust[0].state === 'installed';
  const smart = (d.running.license.transport ?? 'cslu') === 'smart';
  const out = [
    'Communication Statistics:',
    '=======================',
    `Communication Level Allowed: ${trusted && smart ? 'DIRECT' : 'INDIRECT'}`,
    `Overall State: ${smart && !trusted ? 'Insufficient trust for direct communication' : '<empty>'}`,
  ];
  for (const c of COMM_CATEGORIES) out.push(...commStatsBlock(c, d.licensing.stats[c]));
  return [...out, ''];
}

/** `Local Device:` / per-member lines and `Overall Trust:` in Other Info (reference §3.6 table). */
export function trustLines(d: SimDevice): string[] {
  const t = d.licensing.trust;
  const line = (i: number): string => {
    const m = d.members[i];
    if (t[i].state === 'installed') return `P:${m.pid},S:${m.serial}, state[2], Trust Data INSTALLED  TrustId:${t[i].trustId}`;
    if (t[i].state === 'requested') return `P:${m.pid},S:${m.serial}, state[1], NOT INSTALLED TrustId:${t[i].trustId}`;
    return 'No Trust Data';
  };
  const out: string[] = [];
  if (d.members.length === 1) out.push(`Local Device: ${line(0)}`);
  else d.members.forEach((m, i) => out.push(`P:${m.pid},S:${m.serial}: ${line(i)}`));
  out.push(`Overall Trust: ${t.every((m) => m.state === 'installed') ? 'INSTALLED (2)' : t.some((m) => m.state === 'installed') ? 'INSTALLED (1)' : 'No ID'}`);
  return out;
}

/**
 * The opening `show license all` and `show license tech support` share (reference §3.6, §3.8):
 * the status part with Miscellaneous before Policy, license usage, product information and the
 * agent version. Tech support adds the server identity check and the report counters, and prints
 * no blank line under the License Usage rule.
 */
export function statusUsageAndProduct(d: SimDevice, techSupport: boolean): string[] {
  return [
    'Smart Licensing Status',
    '======================',
    '',
    'Smart Licensing is ENABLED',
    '',
    'License Conversion:',
    '  Automatic Conversion Enabled: False',
    '  Last Data Push: <none>',
    '  Last File Export: <none>',
    '',
    'Export Authorization Key:',
    '  Features Authorized:',
    '    <none>',
    '',
    ...utilityAndSlp(true),
    ...account(d),
    ...dataPrivacy(),
    ...transport(d, techSupport),
    ...miscellaneous(),
    ...policy(d),
    ...usageReporting(d, techSupport),
    ...trustCodeInstalled(d),
    '',
    'License Usage',
    '=============',
    ...(techSupport ? [] : ['']),
    ...licenseUsageBlocks(d),
    'Product Information',
    '===================',
    ...udiLines(d),
    '',
    'Agent Version',
    '=============',
    'Smart Agent for Licensing: 5.5.29_rel/114',
    '',
  ];
}
