/**
 * A revert timer must outlast everything that runs before `configure confirm`: the trust wait,
 * the sync wait and every `within:` of the verify list (they run one after the other). A shorter
 * timer would undo a good change by itself while the tool is still waiting, so such a play is
 * refused before any device is touched. Pure.
 */
import { DEFAULT_CONVERGE_TIMING } from '../converge/converge-host';
import type { Play } from '../schema/types.generated';
import { parseDuration } from '../verify/time';

export interface RevertBudget {
  trustMs: number;
  syncMs: number;
  withinMs: number;
  totalMs: number;
}

export interface BudgetTiming {
  trustTimeoutMs: number;
  syncTimeoutMs: number;
}

/** The longest a play can take from its config push to `configure confirm`. */
export function revertBudget(play: Pick<Play, 'slp' | 'verify'>, timing: BudgetTiming = DEFAULT_CONVERGE_TIMING): RevertBudget {
  const trustMs = play.slp.trust ? timing.trustTimeoutMs : 0;
  const syncMs = play.slp.sync ? timing.syncTimeoutMs : 0;
  const withinMs = (play.verify ?? []).reduce((sum, item) => sum + (item.within ? parseDuration(item.within) : 0), 0);
  return { trustMs, syncMs, withinMs, totalMs: trustMs + syncMs + withinMs };
}

const minutes = (ms: number): string => {
  const m = ms / 60_000;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} min`;
};

/** Why `revert_timer` (minutes) is too short for `budget`; undefined when it is long enough. */
export function revertTimerProblem(revertTimer: number, budget: RevertBudget): string | undefined {
  if (revertTimer * 60_000 >= budget.totalMs) return undefined;
  const parts = [
    budget.trustMs ? `trust wait ${minutes(budget.trustMs)}` : '',
    budget.syncMs ? `sync wait ${minutes(budget.syncMs)}` : '',
    budget.withinMs ? `verify within: ${minutes(budget.withinMs)}` : '',
  ].filter(Boolean);
  return (
    `revert_timer: ${revertTimer} min is shorter than the longest wait before "configure confirm" ` +
    `(${parts.join(' + ')} = ${minutes(budget.totalMs)}): the switch could undo a good change by itself; ` +
    `set revert_timer to at least ${Math.ceil(budget.totalMs / 60_000)}`
  );
}
