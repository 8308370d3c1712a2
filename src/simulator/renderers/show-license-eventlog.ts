/**
 * `show license eventlog [days]` (reference §3.5; seed sample). The boot sequence is derived from
 * the boot time (not stored, to keep idle devices small); later events come from the agent.
 */
import type { SimDevice } from '../sim-device';
import { eventLogDate } from '../format-time';
import { licenceNames } from '../platforms';

function bootEvents(d: SimDevice): Array<{ at: number; text: string }> {
  const t = d.bootTime;
  const a = d.members[0];
  const udi = `PID:${a.pid},SN:${a.serial}`;
  const lic = licenceNames(d.platform);
  const seq: Array<[number, string]> = [
    [0, 'SAEVT_INIT_START version="5.5.29_rel/114"'],
    [22, 'SAEVT_INIT_CRYPTO success="False" error="Crypto Initialization has not been completed"'],
    [3720, 'SAEVT_READY'],
    [3721, 'SAEVT_ENABLED'],
    [3765, 'SAEVT_EXPORT_FLAG exportAllowed="False"'],
    [3842, `SAEVT_PLATFORM eventSource="INFRA_SL" eventName="INFRA_SL_EVLOG_LICENSE_REQUEST" MSG="License ${lic.network}, dev ${a.pid.replace(/-/g, '_')}, count 1, reslt 0, alt 0"`],
    [3868, `SAEVT_PLATFORM eventSource="INFRA_SL" eventName="INFRA_SL_EVLOG_LICENSE_REQUEST" MSG="License ${lic.dna}, dev ${a.pid.replace(/-/g, '_')}, count 1, reslt 0, alt 0"`],
    [6531, `SAEVT_HA_CHASSIS_ROLE udi="${udi}"`],
    [14075, `SAEVT_HA_ROLE udi="${udi}" haRole="Active"`],
    [14162, 'SAEVT_INIT_CONFIG_READ_BEGIN'],
    [16984, 'SAEVT_HOSTNAME_CHANGE'],
    [18508, 'SAEVT_INIT_CONFIG_READ_DONE'],
    [18631, 'SAEVT_HA_CONFIG'],
    [18631, `SAEVT_HA_UDI udi="${udi}" haRole="Active"`],
    [19240, 'SAEVT_INIT_SYSTEM_INIT'],
    [50243, 'SAEVT_INIT_CRYPTO success="True"'],
    [50276, 'SAEVT_INIT_COMPLETE'],
    [110245, 'SAEVT_PRIVACY_CHANGED enabled="True"'],
  ];
  return seq.map(([ms, text]) => ({ at: t + ms, text }));
}

export function renderShowLicenseEventlog(d: SimDevice, days?: number): string {
  const since = days === undefined || days === 0 ? -Infinity : d.clock.now() - days * 86_400_000;
  const events = [...bootEvents(d), ...d.licensing.events].filter((e) => e.at >= since);
  if (events.length === 0) return ' No EventLog Found.    \n';
  return ['', '**** Event Log ****', '', ...events.map((e) => `${eventLogDate(e.at)} ${e.text}`), ''].join('\n');
}
