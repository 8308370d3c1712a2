import { exchangeLine } from '../lines';
import type { Assertion } from './assertion';

/**
 * `history_has_response: true` — `show license history message` holds a REQUEST followed by a
 * non-empty RESPONSE (seed step 3: an empty line after `RESPONSE:` means CSSM did not answer).
 */
export const historyHasResponse: Assertion<boolean> = {
  key: 'history_has_response',
  needs: () => ['history'],
  evaluate: (_param, evidence) => {
    const exchanges = evidence.history?.exchanges ?? [];
    const answered = exchanges.filter((x) => x.responseRaw !== null && x.responseRaw.trim() !== '');
    const latest = (list: typeof exchanges) => [...list].sort((a, b) => (a.requestAt ?? '').localeCompare(b.requestAt ?? '')).slice(-3);
    if (answered.length > 0) {
      return { passed: true, message: `${answered.length} of ${exchanges.length} request(s) answered by CSSM`, evidence: latest(answered).map(exchangeLine) };
    }
    return {
      passed: false,
      message: exchanges.length === 0 ? 'no request in the message history' : `none of ${exchanges.length} request(s) got a response`,
      evidence: latest(exchanges).map(exchangeLine),
    };
  },
};
