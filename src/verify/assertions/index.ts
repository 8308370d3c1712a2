/** The `verify:` assertions by key (docs/contracts.md §2). */
import type { Assertion } from './assertion';
import { accountIs } from './account-is';
import { historyHasResponse } from './history-has-response';
import { lastAckWithinDays } from './last-ack-within-days';
import { noCommFailureSince } from './no-comm-failure-since';
import { reachable } from './reachable';
import { settingsAsDeclared } from './settings-as-declared';
import { trustInstalled } from './trust-installed';
import { trustSyncOk } from './trust-sync-ok';

export type { Assertion, AssertionContext, Verdict } from './assertion';

export const ASSERTIONS: Readonly<Record<string, Assertion<never>>> = {
  trust_installed: trustInstalled,
  trust_sync_ok: trustSyncOk,
  no_comm_failure_since: noCommFailureSince,
  last_ack_within_days: lastAckWithinDays,
  settings_as_declared: settingsAsDeclared,
  reachable: reachable,
  history_has_response: historyHasResponse,
  account_is: accountIs,
};
