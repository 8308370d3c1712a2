import type { DesiredSlp, PlaySettings } from './desired';
import { desiredLines, observedLines, shownValues, type OwnedLine } from './lines';
import type { ObservedSlp } from './running-state';
import { isHiddenDefaultIn } from '../settings/equivalences';
import { slotKey } from '../settings/owned-line';
import { mayRemoveUndeclared, type SettingRow, type SettingsTable } from '../settings/setting-row';
import { SETTINGS } from '../settings/settings-table';
import { planTrust, type TrustAction } from './plan-trust';
import { statusMismatches } from './status-check';
import { listChanges } from './list-changes';

/** One config line to push, and the playbook field that caused it. */
export interface PlanLine {
  line: string;
  kind: 'add' | 'remove';
  cause: string;
}

/** An exec step after the config session (sync, save), and why it runs or not. */
export interface ExecAction {
  action: 'run' | 'skip';
  command: string;
  cause: string;
}

/**
 * What converging one host takes: config lines in push order (removals first), then trust,
 * sync and save. `changed` is true when anything would be changed on the device.
 */
export interface Plan {
  state: 'replaced' | 'merged';
  lines: PlanLine[];
  /** Just the line texts, in push order. */
  commands: string[];
  /** Absent when the playbook declares no trust. */
  trust?: TrustAction;
  sync: ExecAction;
  save: ExecAction;
  changed: boolean;
}

export interface PlanOptions extends PlaySettings {
  /** Overrides `desired.state`; default replaced. */
  state?: 'replaced' | 'merged';
  /** The settings table to plan with; default the production one (tests pass their own). */
  settings?: SettingsTable;
}

/** A plan line with the slot it fills, while planning. */
type Planned = PlanLine & { key: string };

/**
 * Pure planner: desired state × observed state → Plan. Only owned settings are compared (the
 * settings table, settings/settings-table.ts; docs/converge.md for replaced/merged); equal
 * renderings are equal (equivalences.ts); settings with a status field must also be confirmed by
 * `show license status` when it was read.
 */
export function planSlp(desired: DesiredSlp, observed: ObservedSlp, options: PlanOptions = {}): Plan {
  const table = options.settings ?? SETTINGS;
  const state = options.state ?? desired.state ?? 'replaced';
  const replaced = state === 'replaced';
  const all = desiredLines({ ...desired, state }, table);
  const want = all.filter((l) => l.row.shape !== 'list');
  const have = new Map(
    observedLines(observed.config, table)
      .filter((l) => l.row.shape !== 'list')
      .map((l) => [l.key, l] as const),
  );
  const adds: Planned[] = [];
  const removes: Planned[] = [];

  for (const w of want) {
    const h = have.get(w.key);
    const same = h ? h.canonical === w.canonical : isHiddenDefaultIn(w.canonical, table);
    if (!same) adds.push({ line: w.line, kind: 'add', cause: w.cause, key: w.key });
  }
  if (replaced) {
    const wanted = new Set(want.map((w) => w.key));
    for (const h of have.values()) {
      const field = h.row.removeWhenAbsent;
      if (field && !wanted.has(h.key) && !isHiddenDefaultIn(h.canonical, table) && mayRemoveUndeclared(h.row, desired, h.vrf)) {
        removes.push({ line: h.row.remove(h.value, h.vrf), kind: 'remove', cause: `${field} (absent)`, key: h.key });
      }
    }
  }
  for (const row of table.filter((r) => r.shape === 'list')) {
    const items = planList(row, observed, replaced && mayRemoveUndeclared(row, desired, desired.vrf), desired.vrf, all);
    removes.push(...items.removes);
    adds.push(...items.adds);
  }

  if (observed.status) {
    for (const miss of statusMismatches(desired, observed.status, replaced, table)) {
      if ([...adds, ...removes].some((p) => p.key === miss.key)) continue;
      const cause = `show license status ${miss.shown}`;
      if (miss.removal) {
        removes.push({ line: miss.removal, kind: 'remove', cause: `${miss.row.removeWhenAbsent} (absent); ${cause}`, key: miss.key });
      } else {
        const w = want.find((l) => l.key === miss.key);
        if (w) adds.push({ line: w.line, kind: 'add', cause: `${w.cause}; ${cause}`, key: w.key });
      }
    }
  }

  const lines = [...removes, ...sortAdds(adds, all)].map(({ key: _key, ...line }) => line);
  const trust = desired.trust ? planTrust(desired.trust, observed.trust) : undefined;
  const configChanged = lines.length > 0;
  const trustChanged = trust?.action === 'install';
  const sync: ExecAction =
    desired.sync && (configChanged || trustChanged)
      ? { action: 'run', command: 'license smart sync all', cause: 'slp.sync' }
      : { action: 'skip', command: 'license smart sync all', cause: desired.sync ? 'slp.sync: nothing changed' : 'slp.sync not set' };
  const saveWanted = options.save !== false;
  const save: ExecAction =
    saveWanted && configChanged
      ? { action: 'run', command: 'write memory', cause: 'save' }
      : { action: 'skip', command: 'write memory', cause: saveWanted ? 'save: config unchanged' : 'save: false' };
  return {
    state,
    lines,
    commands: lines.map((l) => l.line),
    ...(trust ? { trust } : {}),
    sync,
    save,
    changed: configChanged || trustChanged || sync.action === 'run',
  };
}

/** Adds keep the desired order (transport, url, vrf, proxy, …, DNS) whatever found them. */
function sortAdds(adds: Planned[], want: OwnedLine[]): Planned[] {
  const rank = (p: PlanLine): number => {
    const i = want.findIndex((w) => w.line === p.line);
    return i < 0 ? want.length : i;
  };
  return adds
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * A list setting (name servers) in the play's VRF, item by item (list-changes.ts). Without `owned`
 * (merged, or a shared list not in `slp.purge`) only missing items are appended; an owned list is
 * made exactly the declared one: unlisted items removed, listed ones re-added to fix the order, and
 * an owned list the play leaves empty is emptied.
 */
function planList(
  row: SettingRow,
  observed: ObservedSlp,
  owned: boolean,
  playVrf: string | undefined,
  all: OwnedLine[],
): { adds: Planned[]; removes: Planned[] } {
  const declared = all.filter((l) => l.row === row);
  if (declared.length === 0 && !owned) return { adds: [], removes: [] };
  const vrf = declared[0]?.vrf ?? (playVrf || undefined);
  const want = declared.map((l) => l.value);
  const have = shownValues(row, observed.config).filter((v) => v.vrf === vrf).map((v) => v.value);
  const cause = (s: string): string => declared.find((l) => l.value === s)!.cause;
  const add = (s: string): Planned => ({ line: row.render(s, vrf), kind: 'add', cause: cause(s), key: slotKey(row, { value: s, vrf }) });
  if (!owned) return { adds: want.filter((s) => !have.includes(s)).map(add), removes: [] };
  const changes = listChanges(want, have);
  return {
    removes: changes.remove.map((s) => ({
      line: row.remove(s, vrf),
      kind: 'remove',
      cause: want.includes(s) ? `${cause(s)} (reordered)` : `${row.field} (not listed; slp.purge)`,
      key: slotKey(row, { value: s, vrf }),
    })),
    adds: changes.add.map(add),
  };
}
