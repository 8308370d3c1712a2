import type { ReachableCheck } from '../../schema/types.generated';
import { probeLine, probeTarget } from '../probes';
import type { Assertion } from './assertion';

/**
 * `reachable: {host, port}` — seed troubleshooting step 2: ping from the licensing source interface
 * (in the licensing VRF), then a TCP connection with `telnet HOST PORT /ipv4 /source-interface IF`.
 * With a proxy configured both go to the proxy's address and port instead. The TCP test decides:
 * ICMP is often filtered where HTTPS is allowed, so a failed ping alone is reported, not failed.
 */
export const reachable: Assertion<ReachableCheck> = {
  key: 'reachable',
  needs: () => ['status', 'config'],
  probe: (param, evidence) => probeTarget(evidence.status, evidence.config, { host: param.host, port: param.port }),
  evaluate: (_param, evidence) => {
    const probes = evidence.probes ?? [];
    const lines = probes.flatMap((p) => [probeLine(p), ...(p.cleanup?.lines ?? [])]);
    const telnet = probes.find((p) => p.kind === 'telnet');
    const ping = probes.find((p) => p.kind === 'ping');
    // `transport output none|ssh` on the vty refuses the probe: the path is untested, not proven.
    if (telnet?.untested) return { passed: false, message: telnet.untested, evidence: lines };
    if (!telnet?.telnet) return { passed: false, message: 'TCP test did not run', evidence: lines };
    const t = telnet.target;
    const where = `${t.via === 'proxy' ? 'proxy ' : ''}${t.host}:${t.port}${t.sourceInterface ? ` from ${t.sourceInterface}` : ''}${t.vrf ? ` in VRF ${t.vrf}` : ''}`;
    if (telnet.telnet.outcome === 'open') {
      const pingNote = ping?.ping && ping.ping.outcome !== 'ok' ? ' (ping failed: ICMP may be filtered)' : '';
      return { passed: true, message: `TCP ${where} open${pingNote}`, evidence: lines };
    }
    return { passed: false, message: `TCP ${where}: ${telnet.telnet.error ?? telnet.telnet.outcome}`, evidence: lines };
  },
};
