import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as P from '../../src/parsers';
import { describeRequiring, requireShared, sharedPath } from '../helpers/requires';

/**
 * Real captures (../shared/real-outputs, beside the repo) checked against the facts read from them
 * by eye. Never copied into the project; without the folder the suite fails in CI and is skipped
 * with a note elsewhere (test/helpers/requires.ts).
 */
const ROOT = sharedPath('real-outputs');
type Facts = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const t = (s: string | null | undefined): string | null => (s == null || s === '<none>' || s === '<empty>' ? null : P.parseIosTime(s).iso);
const e = (s: string | null | undefined): string | null => (s == null || s === '<none>' || s === '<empty>' ? null : s);
const int = (s: unknown): number | null => (s == null || s === '<empty>' ? null : parseInt(String(s), 10));

function cases(folder: string): [string, string, Facts][] {
  const dir = join(ROOT, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(dir, f), 'utf8'), JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.facts.json')), 'utf8'))]);
}

/** The status facts shared by show license status / all / tech support. */
function statusView(s: P.ShowLicenseStatus, f: Facts): [unknown, unknown] {
  const got: Facts = {}, want: Facts = {};
  const put = (k: string, g: unknown, w: unknown): void => { got[k] = g; want[k] = w; };
  if ('policy_status' in f) put('policy_status', s.slpEnabled, f.policy_status === 'ENABLED');
  if ('utility_status' in f) put('utility_status', s.utilityEnabled, f.utility_status === 'ENABLED');
  if ('reporting_mode' in f) put('reporting_mode', s.reportingMode, f.reporting_mode);
  if ('smart_account' in f) put('smart_account', s.account?.smartAccount ?? null, e(f.smart_account));
  if ('smart_account_as_of' in f) put('smart_account_as_of', s.account?.smartAccountAsOf ?? null, t(f.smart_account_as_of));
  if ('virtual_account' in f) put('virtual_account', s.account?.virtualAccount ?? null, e(f.virtual_account));
  if ('transport_type' in f) put('transport_type', s.transport?.typeRaw ?? null, f.transport_type);
  if ('url' in f) put('url', s.transport?.url ?? null, f.url);
  if ('cslu_address' in f) put('cslu_address', s.transport?.csluAddress ?? null, e(f.cslu_address));
  if ('proxy_address' in f) put('proxy_address', s.transport?.proxyAddress ?? null, e(f.proxy_address));
  if ('proxy_port' in f) put('proxy_port', s.transport?.proxyPort ?? null, int(f.proxy_port));
  if ('vrf' in f) put('vrf', s.transport?.vrf ?? null, e(f.vrf));
  if ('server_identity_check' in f) put('server_identity_check', s.transport?.serverIdentityCheck ?? null, f.server_identity_check === 'True');
  if ('ip_mode' in f) put('ip_mode', s.transport?.ipMode ?? null, f.ip_mode);
  if ('trust_point' in f) put('trust_point', s.transport?.trustPoint ?? null, f.trust_point);
  if ('policy_in_use' in f) put('policy_in_use', s.policy?.inUse ?? null, f.policy_in_use);
  if ('policy_name' in f) put('policy_name', s.policy?.name ?? null, f.policy_name);
  if ('reporting_ack_required' in f) put('reporting_ack_required', [s.policy?.reportingAckRequired, s.policy?.source], [true, /\((.+)\)/.exec(f.reporting_ack_required)?.[1]]);
  for (const [k, g] of [['last_ack_received', 'lastAckReceived'], ['next_ack_deadline', 'nextAckDeadline'], ['next_ack_push_check', 'nextAckPushCheck'], ['next_report_push', 'nextReportPush'], ['last_report_push', 'lastReportPush'], ['last_report_file_write', 'lastReportFileWrite']] as const) {
    if (k in f) put(k, s.usageReporting?.[g] ?? null, t(f[k]));
  }
  if ('reporting_push_interval' in f) put('reporting_push_interval', [s.usageReporting?.reportingPushIntervalRaw, s.usageReporting?.reportingPushIntervalDays], [f.reporting_push_interval, parseInt(f.reporting_push_interval, 10)]);
  if (f.trust_code_installed !== undefined && f.trust_code_installed !== null) {
    if (typeof f.trust_code_installed === 'boolean') {
      put('trust_code_installed', [s.trustCode?.installed, s.trustCode?.installedAt ?? null], [f.trust_code_installed, t(f.trust_code_installed_at)]);
    } else {
      const members: Facts = {};
      for (const m of s.trustCode?.members ?? []) members[`${m.role} PID:${m.pid},SN:${m.sn}`] = [m.installed, m.installedAt];
      const wantMembers: Facts = {};
      for (const [k, v] of Object.entries(f.trust_code_installed)) wantMembers[k] = [v, t(f.trust_code_installed_at[k])];
      put('trust_code_installed', members, wantMembers);
    }
  }
  const tel = f.device_telemetry_report_summary ?? (f.device_telemetry_data_channel ? { data_channel: f.device_telemetry_data_channel, reports_on_disk: f.device_telemetry_reports_on_disk } : undefined);
  if (tel !== undefined) put('device_telemetry', s.deviceTelemetry, tel && { dataChannel: tel.data_channel, reportsOnDisk: tel.reports_on_disk });
  return [got, want];
}

const summaryView = (u: P.UsageReportSummary | null): unknown => u && [u.total, u.purged, u.totalAcknowledgedReceived, u.waitingForAck, u.availableToReport, u.collectingData];
const summaryFacts = (f: Facts | null): unknown => f && [f.total, int(f.purged), f.total_acknowledged_received, int(f.waiting_for_ack), f.available_to_report, f.collecting_data];

describeRequiring([requireShared('real-outputs')])('real outputs', () => {
  test.each(cases('show-license-status'))('show license status %s', (_f, text, f) => {
    const r = P.parseShowLicenseStatus(text);
    const [got, want] = statusView(r.value, f);
    expect(got).toEqual(want);
    expect(r.warnings).toEqual([]);
  });

  test.each(cases('show-license-all'))('show license all %s', (_f, text, f) => {
    const r = P.parseShowLicenseAll(text);
    const v = r.value;
    const [got, want] = statusView(v.status, f);
    expect(got).toEqual(want);
    expect(v.licenseUsage.map((u) => ({ license: u.license, entitlement: u.entitlement, count: u.count, status: u.status, license_type: u.licenseType }))).toEqual(f.license_usage);
    expect(v.udi && `PID:${v.udi.pid},SN:${v.udi.sn}`).toEqual(f.udi);
    expect(v.haUdiList.length ? v.haUdiList.map((h) => `${h.role}:PID:${h.pid},SN:${h.sn}`) : null).toEqual(f.ha_udi_list);
    expect(v.agentVersion).toBe(f.agent_version);
    expect(Object.fromEntries(v.authorizations.map((a) => [`${a.role} PID:${a.pid},SN:${a.sn}`, a.status]))).toEqual(f.license_authorizations_overall);
    expect(summaryView(v.usageReportSummary)).toEqual(summaryFacts(f.usage_report_summary));
  });

  test.each(cases('show-license-tech-support'))('show license tech support %s', (_f, text, f) => {
    const v = P.parseShowLicenseTechSupport(text).value;
    if (f.is_filtered_section) {
      expect(v.productionCert).toBe(f.production_cert === 'True');
      return;
    }
    const facts = { ...f };
    if (!f.trust_code_installed_line_present) delete facts.trust_code_installed;
    const [got, want] = statusView(v.status, facts);
    expect(got).toEqual(want);
    if (!f.trust_code_installed_line_present) expect(v.status.trustCode).toBeNull();
    expect(v.licenseUsage.map((h) => ({ handle: h.handle, license: h.license, count: h.count, status: h.status }))).toEqual(f.license_handles);
    expect(v.udi && `PID:${v.udi.pid},SN:${v.udi.sn}`).toEqual(f.udi);
    expect(v.haUdiList.length ? v.haUdiList.map((h) => `${h.role}:PID:${h.pid},SN:${h.sn}`) : null).toEqual(f.ha_udi_list);
    expect(v.agentVersion).toBe(f.agent_version);
    expect([v.communication.levelAllowed, v.communication.overallState]).toEqual([f.communication_level_allowed, e(f.overall_state)]);
    const stats = Object.fromEntries(Object.entries(v.communication.categories).map(([k, c]) => [k, [c.total, c.success, c.fail, c.ongoingFailureOverall, c.ongoingFailureCommunication]]));
    expect(stats).toEqual(f.comm_stats);
    const lastResponses = Object.fromEntries(Object.entries(v.communication.categories).filter(([, c]) => c.lastResponse).map(([k, c]) => [k, [c.lastResponse, c.lastResponseAt]]));
    const wantResponses = Object.fromEntries(Object.entries(f.comm_last_response_non_none as Record<string, string>).map(([k, s]) => {
      const m = /^(.*?) on (.+)$/.exec(s);
      return [k, m ? [m[1], t(m[2])] : [s, null]];
    }));
    expect(lastResponses).toEqual(wantResponses);
    expect(Object.fromEntries(Object.entries(v.communication.categories).filter(([, c]) => c.failureReason).map(([k, c]) => [k, c.failureReason]))).toEqual(f.comm_failure_reason_non_none);
    // Trust lines: the fact keys are the device id (or "Local Device"); values the state text.
    const installedFacts = Object.values(f.trust_data as Record<string, string>).map((s) => /^INSTALLED/.test(s));
    expect([...new Set(v.trustDevices.map((d) => d.installed))]).toEqual([...new Set(installedFacts)]);
    for (const key of Object.keys(f.trust_data)) if (key !== 'Local Device') expect(v.trustDevices.some((d) => `P:${d.pid},S:${d.sn}` === key)).toBe(true);
    expect(v.overallTrust).toBe(f.overall_trust);
    expect(v.clockSyncedWithNtp).toBe(f.clock_synced_with_ntp === 'True');
    expect(summaryView(v.usageReportSummary)).toEqual(summaryFacts(f.usage_report_summary));
  });

  // Parts added for issue 15, on every full capture: values the same on all of them (read by eye).
  test.each(cases('show-license-tech-support').filter(([, , f]) => !f.is_filtered_section))('tech support %s: agent state, event log, certificates, reservation', (_f, text, f) => {
    const v = P.parseShowLicenseTechSupport(text).value;
    expect([v.otherInfo.agentState, v.otherInfo.tsEnable, v.otherInfo.eventLogMaxSizeKb]).toEqual(['authorized', true, 5120]);
    expect(v.otherInfo.capabilities.slice(0, 3)).toEqual(['UTILITY', 'DLC', 'AppHA']);
    expect(v.certificates).toBe('Not registered. No certificates installed');
    expect(v.reservation?.enabled).toBe(false);
    // One reservation line per unit, all NOT INSTALLED (no SLR on any capture).
    const units = (f.ha_udi_list as string[] | null) ?? [f.udi];
    expect(v.reservation?.members.map((m) => m.status)).toEqual(units.map(() => 'NOT INSTALLED'));
    expect(v.haInfo?.['RP Role']).toBe('Active');
    expect(v.sections.slice(-1)).toEqual(['Platform Provided Mapping Table']);
  });

  test('tech support 17.15+ (agent 6.3.7, C9500 SVL): Product Analytics, Device Enforcement State', () => {
    const [[, text]] = cases('show-license-tech-support').filter(([name]) => name.startsWith('16-'));
    const r = P.parseShowLicenseTechSupport(text);
    const v = r.value;
    expect(r.warnings).toEqual([]);
    expect(v.sections).toEqual([
      'Smart Licensing Status', 'License Usage', 'Product Information', 'Agent Version', 'Upcoming Scheduled Jobs',
      'Communication Statistics', 'License Certificates', 'HA Info', 'Reservation Info', 'Usage Report Summary',
      'Product Analytics Report Summary', 'Other Info', 'Platform Provided Mapping Table',
    ]);
    expect(v.productAnalytics).toEqual({ status: 'AVAILABLE', notAvailableReason: null, totalReports: 0 });
    expect(v.deviceEnforcementState).toBe('NOT APPLICABLE');
    expect(v.reservation?.members.map((m) => [m.role, m.sn])).toEqual([['Active', 'CAT2209L0KS'], ['Standby', 'CAT2210L3GH']]);
    expect(v.otherInfo.eventLogCurrentSizeKb).toBe(1);
    expect(v.otherInfo.capabilities).toContain('PRODUCT-ANALYTICS');
    expect(v.status.deviceTelemetry).toBeNull();
  });

  test('tech support agent 5.1: an event log size still being calculated is unknown, not zero', () => {
    const [[, text]] = cases('show-license-tech-support').filter(([name]) => name.startsWith('02-'));
    expect(P.parseShowLicenseTechSupport(text).value.otherInfo.eventLogCurrentSizeKb).toBeNull();
  });

  test.each(cases('show-version'))('show version %s', (_f, text, f) => {
    const r = P.parseShowVersion(text);
    const v = r.value;
    expect([v.xeVersionRaw, v.iosVersionRaw, v.train, v.hostname, v.uptime, v.lastReloadReason, v.systemImageFile, v.smartLicensingStatus, v.platform, v.processorBoardId, v.configRegister])
      .toEqual([f.xe_version, f.ios_version, f.release_train, f.hostname, f.uptime, f.last_reload_reason, f.system_image, f.smart_licensing_status, f.platform, f.processor_board_id, f.config_register]);
    expect(v.licensePackages.map((p) => ({ current: p.current, type: p.type, next_reboot: p.nextReboot }))).toEqual(f.license_packages);
    expect(v.switches.length ? v.switches.map((s) => ({ active: s.active, switch: s.switchNumber, ports: s.ports, model: s.model, sw_version: s.swVersion, sw_image: s.swImage, mode: s.mode })) : null).toEqual(f.switch_table);
    expect(v.serial).toBe(f.system_serial_numbers[0]);
    if (v.switches.length) expect(v.switches.map((s) => s.serial)).toEqual(f.system_serial_numbers);
    // Every unit's model and serial (issue 15): the answering unit's block, then each member block.
    expect(v.members.map((m) => m.serial)).toEqual(f.system_serial_numbers);
    if (f.switch_table) expect(v.members.map((m) => m.model)).toEqual(f.switch_table.map((row: Facts) => row.model));
    expect(v.bootloaderVersion).toBe(f.bootldr_version);
    expect(v.rom).toBe('IOS-XE ROMMON');
    expect([v.airLicenseLevel, v.airLicenseLevelNextReload]).toEqual([f.air_license_level ?? null, f.next_reload_air_license_level ?? null]);
    expect(v.version?.major).toBe(17);
    expect(v.version?.minor).toBe(parseInt(f.ios_version.split('.')[1], 10));
    expect(r.warnings).toEqual([]);
  });

  test.each(cases('show-running-config'))('show running-config %s', (_f, text, f) => {
    const { slp } = P.parseShowRunningConfig(text).value;
    expect(slp.licenseSmartLines).toEqual(f.license_smart_lines);
    expect(slp.transport).toBe(f.license_smart_transport);
    if ('license_smart_url' in f) expect(slp.url).toBe(f.license_smart_url);
    if ('license_boot_level' in f) expect(slp.bootLevel).toEqual(f.license_boot_level && { level: f.license_boot_level, addon: f.license_boot_addon });
    if ('ip_http_client_source_interface' in f) expect(slp.httpClientSourceInterface).toBe(f.ip_http_client_source_interface);
    if ('ip_domain_name' in f) expect(slp.dns.domainNames[0]?.value ?? null).toBe(f.ip_domain_name);
    if ('ip_name_servers' in f) expect(slp.dns.nameServers.map((s) => s.value)).toEqual(f.ip_name_servers);
    if ('hostname' in f) expect(slp.hostname).toBe(f.hostname);
  });

  test.each(cases('show-license-summary'))('show license summary %s', (_f, text, f) => {
    const v = P.parseShowLicenseSummary(text).value;
    expect(v.licenses.map((l) => ({ license: l.license, entitlement_tag: l.entitlementTag, count: l.count, status: l.status }))).toEqual(f.license_rows);
    expect(v.account !== null).toBe(f.has_account_information_section);
    if (v.account) expect([v.account.smartAccount, v.account.smartAccountAsOf, v.account.virtualAccount]).toEqual([f.smart_account, t(f.smart_account_as_of), f.virtual_account]);
  });

  test.each(cases('show-license-udi'))('show license udi %s', (_f, text, f) => {
    const v = P.parseShowLicenseUdi(text).value;
    expect(v.udi).toEqual({ pid: f.udi_pid, sn: f.udi_sn });
    expect(v.members).toEqual(f.ha_udi_members);
  });

  test.each(cases('show-license-usage'))('show license usage %s', (_f, text, f) => {
    const v = P.parseShowLicenseUsage(text).value;
    expect(v.authorizationStatus).toBe(f.license_authorization_status);
    expect(v.licenses.map((l) => ({ header: `${l.license} (${l.entitlement})`, description: l.description, count: l.count, version: l.version, status: l.status, export_status: l.exportStatus, feature_name: l.featureName, enforcement_type: l.enforcementType, license_type: l.licenseType }))).toEqual(f.licenses);
  });

  test.each(cases('show-license-history-message'))('show license history message %s', (_f, text, f) => {
    const r = P.parseShowLicenseHistoryMessage(text);
    expect(r.value.categories).toEqual(f.message_types);
    expect(r.value.exchanges).toEqual([]);
    expect(r.value.imports.map((i) => i.type)).toEqual(f.import_types);
    expect(r.value.imports.filter((i) => i.lines.length > 0)).toEqual(f.import_types_with_history);
    expect(r.warnings).toEqual([]);
  });

  test.each(cases('syslog-smart-lic'))('show logging %s', (_f, text, f) => {
    const v = P.parseShowLogging(text).value;
    expect(v.messages).toHaveLength(f.syslog_message_line_count);
    expect(v.smartLic.map((m) => ({ timestamp: `${m.clockMarker}${m.timestamp}`, facility: m.facility, severity: m.severity, mnemonic: m.mnemonic }))).toEqual(f.smart_lic_messages);
    expect(new Set(v.smartLic.map((m) => `${m.target}|${m.reason}`))).toEqual(new Set([`${f.comm_failed_target}|${f.comm_failed_reason}`]));
  });
});
