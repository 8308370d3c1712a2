import type { Account } from '../../schema/types.generated';
import type { Assertion } from './assertion';

/**
 * `account_is: {smart_account, virtual_account}` — `show license status` → Account Information
 * names the expected Smart Account and Virtual Account (given ones only; reference §3.1: shown after
 * trust, `<none>` before). A token from another Virtual Account puts the switch in the wrong one.
 */
export const accountIs: Assertion<Account> = {
  key: 'account_is',
  needs: () => ['status'],
  evaluate: (param, evidence) => {
    const a = evidence.status?.account;
    if (!a) return { passed: false, message: 'show license status has no Account Information section', evidence: [] };
    const line = `show license status: Smart Account: ${a.smartAccount ?? '<none>'}; Virtual Account: ${a.virtualAccount ?? '<none>'}`;
    const wrong: string[] = [];
    if (param.smart_account !== undefined && a.smartAccount !== param.smart_account) wrong.push(`Smart Account is ${a.smartAccount ?? '<none>'}, expected ${param.smart_account}`);
    if (param.virtual_account !== undefined && a.virtualAccount !== param.virtual_account) wrong.push(`Virtual Account is ${a.virtualAccount ?? '<none>'}, expected ${param.virtual_account}`);
    return wrong.length
      ? { passed: false, message: wrong.join('; '), evidence: [line] }
      : { passed: true, message: `reports to ${a.smartAccount ?? '<none>'} / ${a.virtualAccount ?? '<none>'}`, evidence: [line] };
  },
};
