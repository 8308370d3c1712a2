/**
 * `show license tech support` (reference §3.6): status part, license usage, product information,
 * scheduler, communication statistics, HA, other info with the trust lines, mapping table.
 */
import type { SimDevice } from '../sim-device';
import { licenseDate, remaining } from '../format-time';
import { DEFAULT_SMART_URL } from '../network-model';
import { softwareTag } from '../history-json';
import { communicationStatistics, statusUsageAndProduct, trustLines } from './license-blocks';

export function renderShowLicenseTechSupport(d: SimDevice): string {
  const now = d.clock.now();
  const job = (name: string, at: number | undefined): string =>
    at === undefined || at <= now ? `${name}: Expired Not Rescheduled` : `${name}: ${licenseDate(at)} (${remaining(at - now)} remaining)`;
  const nextDaily = now + 86_400_000 - ((now - d.bootTime) % 86_400_000);
  const t = d.running.license.transport ?? 'cslu';
  return [
    'Smart Licensing Tech Support info',
    '',
    ...statusUsageAndProduct(d, true),
    'Upcoming Scheduled Jobs',
    '=======================',
    `Current time: ${licenseDate(now)}`,
    `Daily: ${licenseDate(nextDaily)} (${remaining(nextDaily - now)} remaining)`,
    'Init Flag Check: Expired Not Rescheduled',
    'Reservation configuration mismatch between nodes in HA mode: Expired Not Rescheduled',
    'Retrieve data processing result: Expired Not Rescheduled',
    job('Start Utility Measurements', now + 900_000 - ((now - d.bootTime) % 900_000)),
    job('Send Utility RUM reports', d.licensing.usage.nextReportPush),
    job('Save unreported RUM Reports', now + 3_600_000 - ((now - d.bootTime) % 3_600_000)),
    job('Process Utility RUM reports', nextDaily + 360_000),
    'Authorization Code Process: Expired Not Rescheduled',
    'Data Synchronization: Expired Not Rescheduled',
    '',
    ...communicationStatistics(d),
    'License Certificates',
    '====================',
    'Production Cert: True',
    'Not registered. No certificates installed',
    '',
    'HA Info',
    '==========',
    'RP Role: Active',
    'Chassis Role: Active',
    'Behavior Role: Active',
    'RMF: True',
    'CF: True',
    'CF State: Stateless',
    'Message Flow Allowed: False',
    '',
    'Reservation Info',
    '================',
    'License reservation: DISABLED',
    '',
    'Usage Report Summary:',
    '=====================',
    `Total: ${d.licensing.stats['Usage Reporting'].total},  Purged: 0(0)`,
    `Total Acknowledged Received: ${d.licensing.stats['Usage Reporting'].success},  Waiting for Ack: 0(0)`,
    'Available to Report: 0  Collecting Data: 2',
    'Maximum Display: 0  In Storage: 0,  MIA: 0(0)',
    'Report Module Status: Ready',
    '',
    'Other Info',
    '==========',
    `Software ID: ${softwareTag(d.platform.softwareIdFamily)}`,
    `Agent State: ${d.licensing.trust[0].state === 'installed' ? 'authorized' : 'unidentified'}`,
    'TS enable: True',
    `Transport: ${t === 'smart' ? 'Smart' : t === 'cslu' ? 'cslu' : t}`,
    `  Default URL: ${DEFAULT_SMART_URL}`,
    'Locale: en_US.UTF-8',
    'Trusted Store Interface: True',
    ...trustLines(d),
    `Clock sync-ed with NTP: ${d.clockUnsynced() ? 'False' : 'True'}`,
    '',
  ].join('\n');
}
