/**
 * Ansible's per-host counters for the recap, summed over every play: each pipeline step is one
 * "task". ok counts every step that succeeded, changed ones included (as Ansible's ok does); a
 * host skipped for a whole play counts one skipped.
 */
import type { HostResult } from '../results/host-result';

/** One host's recap counters, as Ansible's PLAY RECAP prints them. */
export interface HostStats {
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
}

export const EMPTY_STATS: HostStats = { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0 };

export function hostStats(results: readonly HostResult[]): Map<string, HostStats> {
  const out = new Map<string, HostStats>();
  for (const r of results) {
    const s = out.get(r.host) ?? { ...EMPTY_STATS };
    if (r.status === 'skipped') s.skipped += 1;
    for (const step of r.steps) {
      if (step.status === 'ok' || step.status === 'changed') s.ok += 1;
      if (step.status === 'changed') s.changed += 1;
      if (step.status === 'unreachable') s.unreachable += 1;
      if (step.status === 'failed') s.failed += 1;
      if (step.status === 'skipped') s.skipped += 1;
    }
    out.set(r.host, s);
  }
  return out;
}
