import type { CommStat } from '../../parsers';
import { commStatLines } from '../lines';
import type { Assertion } from './assertion';

/** Responses that mean CSSM answered and accepted (reference §3.6: `OK`, `OK_POLL`). */
export const OK_RESPONSES: ReadonlySet<string> = new Set(['OK', 'OK_POLL']);

function problem(name: string, s: CommStat | undefined): string | null {
  if (!s) return `${name}: not shown`;
  if (s.success === 0) return `${name}: never succeeded (Total=${s.total}, Fail=${s.fail})`;
  if (!s.lastResponse || !OK_RESPONSES.has(s.lastResponse)) return `${name}: last response ${s.lastResponse ?? '<none>'}`;
  if (s.ongoingFailureOverall > 0) return `${name}: ${s.ongoingFailureOverall} ongoing failure(s)`;
  return null;
}

/**
 * `trust_sync_ok: true` — `show license tech support` Communication Statistics: Trust
 * Establishment and Trust Sync each succeeded at least once, their last response is OK and no
 * failure is ongoing (seed troubleshooting steps 3–4).
 */
export const trustSyncOk: Assertion<boolean> = {
  key: 'trust_sync_ok',
  needs: () => ['techSupport'],
  evaluate: (_param, evidence) => {
    const cats = evidence.techSupport?.communication.categories ?? {};
    const names = ['Trust Establishment', 'Trust Sync'];
    const lines = names.flatMap((n) => (cats[n] ? commStatLines(n, cats[n]!) : [`show license tech support: ${n}: (not shown)`]));
    const problems = names.map((n) => problem(n, cats[n])).filter((p): p is string => p !== null);
    return problems.length === 0
      ? { passed: true, message: `trust establishment and trust sync OK (last sync ${cats['Trust Sync']!.lastResponseAt ?? '?'})`, evidence: lines }
      : { passed: false, message: problems.join('; '), evidence: lines };
  },
};
