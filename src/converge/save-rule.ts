/**
 * The save rule: a run saves when the owned lines of startup-config differ from running-config,
 * not only when it pushed something. Lines pushed by an earlier run whose `write memory` never
 * happened (the save failed, the session was lost) would otherwise stay unsaved for good: the
 * rerun finds running-config converged and a reload loses them.
 */
import type { Device } from '../device/device';
import { parseShowRunningConfig } from '../parsers/show-running-config';
import { SETTINGS } from '../settings/settings-table';
import type { SettingsTable } from '../settings/setting-row';
import type { Plan } from './plan';
import type { ObservedConfig } from './running-state';
import { observeConfig } from './running-state-from-parsers';
import { ownedConfigLines } from './rollback-plan';

/** Owned lines that differ between running and startup (either side), running's first. */
export function unsavedOwnedLines(running: ObservedConfig, startup: ObservedConfig, table: SettingsTable = SETTINGS): string[] {
  const run = ownedConfigLines(running, table);
  const start = ownedConfigLines(startup, table);
  if (run.join('\n') === start.join('\n')) return [];
  const differ = [...run.filter((l) => !start.includes(l)), ...start.filter((l) => !run.includes(l)).map((l) => `(startup only) ${l}`)];
  // Same lines in another order (name servers): the order is what differs.
  return differ.length ? differ : ['(order of the owned lines)'];
}

/**
 * The plan with its save turned on when startup-config lacks what running-config holds. Pure.
 * Only a plan that pushes nothing needs it (a push is saved anyway), and never with `save: false`.
 */
export function withUnsavedSave(plan: Plan, unsaved: readonly string[], saveWanted = true): Plan {
  if (plan.commands.length > 0 || !saveWanted || unsaved.length === 0) return plan;
  const n = unsaved.length;
  const cause = `save: startup-config differs from running-config in ${n} owned line${n === 1 ? '' : 's'} (${unsaved.join('; ')})`;
  return { ...plan, save: { action: 'run', command: plan.save.command, cause }, changed: true };
}

/** The owned settings in `show startup-config`; none when the switch has no startup-config. */
export async function readStartupOwned(device: Device, table: SettingsTable = SETTINGS): Promise<ObservedConfig> {
  const reply = await device.run('show startup-config');
  // A switch that was never saved answers `startup-config is not present` or `%Error opening
  // nvram:/startup-config …` [I]: nothing is saved, so every owned line counts as unsaved.
  const text = reply.failed ? '' : reply.output;
  return observeConfig(parseShowRunningConfig(text).value, table);
}

/**
 * The save rule applied to a freshly made plan: reads startup-config only when the plan pushes
 * nothing and saving is allowed (otherwise the answer cannot change the plan).
 */
export async function planSaveRule(
  device: Device,
  plan: Plan,
  running: ObservedConfig,
  play: { save?: boolean } = {},
  table: SettingsTable = SETTINGS,
): Promise<Plan> {
  if (plan.commands.length > 0 || play.save === false) return plan;
  return withUnsavedSave(plan, unsavedOwnedLines(running, await readStartupOwned(device, table), table));
}
