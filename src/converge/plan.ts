import type { DesiredSlp, PlaySettings } from './desired';
import { desiredLines, observedLines, vrfWord, type OwnedLine } from './lines';
import { GLOBAL_VRF, type ObservedSlp } from './running-state';
import { isHiddenDefault, canonicalLine } from '../settings/equivalences';
import { removalLine } from './owned-settings';
import { planTrust, type TrustAction } from './plan-trust';
import { statusMismatches } from './status-check';
import { nameServerChanges } from './name-servers';

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
}

/** Licensing settings owned whole under `replaced`: absent from the playbook → removed. */
const REPLACED_KEYS: Record<string, string> = {
  'license smart transport': 'slp.transport',
  'license smart url': 'slp.url',
  'license smart proxy address': 'slp.proxy',
  'license smart proxy port': 'slp.proxy',
  'license smart vrf': 'slp.vrf',
  'license smart usage interval': 'slp.usage_interval',
  'ip http client source-interface': 'slp.http_client_source_interface',
};

/**
 * Pure planner: desired state × observed state → Plan. Only owned settings are compared (see
 * docs/converge.md for replaced/merged); equal renderings are equal (equivalences.ts); licensing
 * settings must also be confirmed by `show license status` when it was read.
 */
export function planSlp(desired: DesiredSlp, observed: ObservedSlp, options: PlanOptions = {}): Plan {
  const state = options.state ?? desired.state ?? 'replaced';
  const replaced = state === 'replaced';
  const all = desiredLines({ ...desired, state });
  const want = all.filter((l) => !l.key.startsWith('ip name-server'));
  const have = new Map(
    observedLines(observed.config)
      .filter((l) => !l.key.startsWith('ip name-server'))
      .map((l) => [l.key, l] as const),
  );
  const adds: PlanLine[] = [];
  const removes: PlanLine[] = [];

  for (const w of want) {
    const h = have.get(w.key);
    const same = h ? h.canonical === w.canonical : isHiddenDefault(w.canonical);
    if (!same) adds.push({ line: w.line, kind: 'add', cause: w.cause });
  }
  if (replaced) {
    const wanted = new Set(want.map((w) => w.key));
    for (const h of have.values()) {
      const field = REPLACED_KEYS[h.key];
      if (field && !wanted.has(h.key) && !isHiddenDefault(h.canonical)) {
        removes.push({ line: removalLine(h.canonical), kind: 'remove', cause: `${field} (absent)` });
      }
    }
  }
  const servers = planNameServers(desired, observed, replaced);
  removes.push(...servers.removes);
  adds.push(...servers.adds);

  if (observed.status) {
    for (const miss of statusMismatches(desired, observed.status, replaced)) {
      if ([...adds, ...removes].some((p) => lineKeyIs(p.line, miss.key))) continue;
      const cause = `show license status ${miss.shown}`;
      if (miss.removal) {
        removes.push({ line: miss.removal, kind: 'remove', cause: `${REPLACED_KEYS[miss.key]} (absent); ${cause}` });
      } else {
        const w = want.find((l) => l.key === miss.key);
        if (w) adds.push({ line: w.line, kind: 'add', cause: `${w.cause}; ${cause}` });
      }
    }
  }

  const lines = [...removes, ...sortAdds(adds, all)];
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

function lineKeyIs(line: string, key: string): boolean {
  const c = canonicalLine(line.replace(/^no /, ''));
  return c.startsWith(key);
}

/** Adds keep the desired order (transport, url, vrf, proxy, …, DNS) whatever found them. */
function sortAdds(adds: PlanLine[], want: OwnedLine[]): PlanLine[] {
  const rank = (p: PlanLine): number => {
    const i = want.findIndex((w) => w.line === p.line);
    return i < 0 ? want.length : i;
  };
  return adds
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** Name servers of the play's VRF (name-servers.ts); `merged` only appends missing ones. */
function planNameServers(
  desired: DesiredSlp,
  observed: ObservedSlp,
  replaced: boolean,
): { adds: PlanLine[]; removes: PlanLine[] } {
  const want = desired.dns?.servers;
  if (!want) return { adds: [], removes: [] };
  const vrf = desired.vrf ?? GLOBAL_VRF;
  const v = vrfWord(desired.vrf);
  const have = observed.config.nameServers[vrf] ?? [];
  const cause = (s: string): string => `slp.dns.servers[${want.indexOf(s)}]`;
  if (!replaced) {
    const adds = want.filter((s) => !have.includes(s));
    return { adds: adds.map((s) => ({ line: `ip name-server ${v}${s}`, kind: 'add', cause: cause(s) })), removes: [] };
  }
  const { remove: gone, add } = nameServerChanges(want, have);
  return {
    removes: gone.map((s) => ({
      line: `no ip name-server ${v}${s}`,
      kind: 'remove',
      cause: want.includes(s) ? `${cause(s)} (reordered)` : 'slp.dns.servers (not listed)',
    })),
    adds: add.map((s) => ({ line: `ip name-server ${v}${s}`, kind: 'add', cause: cause(s) })),
  };
}
