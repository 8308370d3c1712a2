/** The `verify:` assertions by key (docs/contracts.md §2). */
import type { Assertion } from './assertion';
import { historyHasResponse } from './history-has-response';
import { lastAckWithinDays } from './last-ack-within-days';
import { noCommFailureSince } from './no-comm-failure-since';
import { reachable } from './reachable';
import { settingsAsDeclared } from './settings-as-declared';
import { trustInstalled } from './trust-installed';
import { trustSyncOk } from './trust-sync-ok';

export type { Assertion, AssertionContext, Verdict } from './assertion';

export const ASSERTIONS: Readonly<Record<string, Assertion<never>>> = {
  trust_installed: trustInstalled as Assertion<never>,
  trust_sync_ok: trustSyncOk as Assertion<never>,
  no_comm_failure_since: noCommFailureSince as Assertion<never>,
  last_ack_within_days: lastAckWithinDays as Assertion<never>,
  settings_as_declared: settingsAsDeclared as Assertion<never>,
  reachable: reachable as Assertion<never>,
  history_has_response: historyHasResponse as Assertion<never>,
};
