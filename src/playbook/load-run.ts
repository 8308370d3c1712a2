/**
 * The one entry point the runner calls: inventory + playbook (+ --limit) → per play, the hosts it
 * runs on and each host's desired state. Everything is validated here, before any device is
 * touched; every problem found is thrown at once as a ConfigError.
 */
import { dirname } from 'path';
import { ConfigError, type ConfigIssue } from '../errors';
import type { Templated } from '../schema/check-document';
import { HostIssues } from '../schema/host-issues';
import { sortIssues } from '../schema/schema-issues';
import type { Play } from '../schema/types.generated';
import { issueAt, locateOffset, type YamlSource } from '../schema/yaml-source';
import { matchHosts, type PatternScope } from '../inventory/host-pattern';
import type { Inventory, InventoryHost } from '../inventory/inventory';
import { collectInventory } from '../inventory/load-inventory';
import type { VaultSecret } from '../inventory/vault';
import { collectPlaybook } from './load-playbook';
import { renderPlay } from './render-play';
import { revertBudget, revertTimerProblem } from './revert-budget';
import type { Env } from '../template/template';
import { selectShard, type Shard } from '../inventory/shard';

/** The files and filters a run is loaded from: inventory, playbook, `--limit`, … */
export interface LoadRunOptions {
  /** One inventory source or several, merged in order. */
  inventoryFile: string | readonly string[];
  playbookFile: string;
  /** Vault passwords for `!vault` values and encrypted inventory files. */
  vault?: readonly VaultSecret[];
  /** Ansible host pattern from --limit. */
  limit?: string;
  /** Defaults to process.env. */
  env?: Env;
  /** Keep only this shard's hosts (src/inventory/shard.ts), after --limit. */
  shard?: Pick<Shard, 'index' | 'total' | 'by'>;
}

/** Play keywords that apply to the whole play (never templated). */
export interface PlayHeader {
  /** 0-based position in the playbook. */
  index: number;
  name: string;
  /** The `hosts:` pattern as written. */
  pattern: string;
  serial?: number | string;
  max_fail_percentage?: number;
  revert_timer?: number;
  /** Default true. */
  save: boolean;
}

/** One host of a play, with the play rendered for it. */
export interface RunHost {
  host: InventoryHost;
  /** The play rendered for this host and schema-checked. */
  desired: Play;
}

/** One play and the hosts it targets. */
export interface RunPlay {
  play: PlayHeader;
  /** In inventory order; empty when --limit leaves none of the play's hosts. */
  hosts: RunHost[];
}

/** Inventory and playbook loaded, every play rendered per host and checked: ready to run. */
export interface LoadedRun {
  inventory: Inventory;
  playbookFile: string;
  plays: RunPlay[];
  /** Per play, every host it targets before sharding: `slp report merge` checks none is lost. */
  fleetHosts: string[][];
}

/** What `slp validate` reports: the matched hosts, even where an unset env var left a gap. */
export interface CheckedRun {
  inventory: Inventory;
  playbookFile: string;
  plays: { play: PlayHeader; hosts: { host: InventoryHost; desired?: Play }[] }[];
  /** Per play, every host it targets before sharding. */
  fleetHosts: string[][];
  /** Unset environment variables: fine for validation, needed by `slp run`. */
  warnings: ConfigIssue[];
}

/** Throws ConfigError with every problem; an unset env var is one of them. */
export function loadRun(options: LoadRunOptions): LoadedRun {
  const checked = checkRun(options, 'error');
  const plays = checked.plays.map(({ play, hosts }) => ({
    play,
    // In 'error' mode every host without a desired state produced an issue, thrown above.
    hosts: hosts.flatMap(({ host, desired }) => (desired ? [{ host, desired }] : [])),
  }));
  return { inventory: checked.inventory, playbookFile: checked.playbookFile, plays, fleetHosts: checked.fleetHosts };
}

/** As loadRun; with missingEnv 'defer', unset env vars are returned as warnings instead. */
export function checkRun(options: LoadRunOptions, missingEnv: 'error' | 'defer' = 'defer'): CheckedRun {
  const env = options.env ?? process.env;
  const inv = collectInventory(options.inventoryFile, env, missingEnv, { playbookDir: dirname(options.playbookFile), ...(options.vault ? { vault: options.vault } : {}) });
  const pb = collectPlaybook(options.playbookFile);
  const issues: ConfigIssue[] = [...inv.issues, ...pb.issues];
  if (!inv.inventory || !pb.playbook) {
    // Every problem at once: a structurally wrong playbook still has its `hosts:` patterns checked.
    if (inv.inventory && pb.source && Array.isArray(pb.source.data)) {
      const scope: PatternScope = { hosts: [...inv.inventory.hosts.keys()], groups: inv.inventory.groups };
      pb.source.data.forEach((play: unknown, index) => {
        const pattern = (play as { hosts?: unknown } | null)?.hosts;
        const schemaSaidSo = issues.some((i) => i.file === pb.source!.file && i.path === `${index}.hosts`);
        if (typeof pattern === 'string' && !schemaSaidSo) issues.push(...patternIssues(pb.source!, index, pattern, scope).issues);
      });
    }
    throw new ConfigError(sortIssues(issues));
  }
  const { inventory } = inv;
  const { source, plays } = pb.playbook;

  const scope: PatternScope = { hosts: [...inventory.hosts.keys()], groups: inventory.groups };
  let limited: Set<string> | undefined;
  if (options.limit !== undefined) {
    const m = matchHosts(options.limit, scope);
    const at = (offset: number, message: string): ConfigIssue => ({ file: '--limit', line: 1, column: offset + 1, path: '', message });
    issues.push(...m.problems.map((p) => at(p.offset, p.message)));
    if (m.problems.length === 0 && m.hosts.length === 0) issues.push(at(0, `--limit "${options.limit}" matches no host`));
    limited = new Set(m.hosts);
  }

  const hostIssues = new HostIssues();
  const hostWarnings = new HostIssues();
  const result: CheckedRun['plays'] = [];
  const fleetHosts: string[][] = [];
  const { shard } = options;
  plays.forEach((raw, index) => {
    const { matched: m, issues: found } = patternIssues(source, index, String(raw.hosts), scope);
    issues.push(...found);
    const hosts: CheckedRun['plays'][number]['hosts'] = [];
    const fleet = m.hosts.filter((h) => !limited || limited.has(h));
    fleetHosts.push(fleet);
    const mine = shard ? selectShard(fleet, shard, (h) => inventory.hosts.get(h)!.groups) : fleet;
    for (const name of mine) {
      const host = inventory.hosts.get(name)!;
      const rendered = renderPlay(source, index, raw, host.vars, env, missingEnv);
      rendered.issues.forEach((issue) => hostIssues.add(issue, name));
      rendered.warnings.forEach((issue) => hostWarnings.add(issue, name));
      if (rendered.desired && typeof raw.revert_timer === 'number') {
        const tooShort = revertTimerProblem(raw.revert_timer, revertBudget(rendered.desired));
        if (tooShort) hostIssues.add(issueAt(source, [index, 'revert_timer'], tooShort), name);
      }
      hosts.push(rendered.desired ? { host, desired: rendered.desired } : { host });
    }
    result.push({ play: header(index, raw), hosts });
  });
  issues.push(...hostIssues.toIssues());
  if (limited && limited.size > 0 && issues.length === 0 && fleetHosts.every((p) => p.length === 0)) {
    issues.push({ file: '--limit', line: 1, column: 1, path: '', message: `--limit "${options.limit}" matches none of the playbook's hosts` });
  }
  const warnings = sortIssues([...inv.warnings, ...hostWarnings.toIssues()]);
  if (missingEnv === 'error') issues.push(...warnings);
  if (issues.length > 0) throw new ConfigError(sortIssues(issues));
  return { inventory, playbookFile: options.playbookFile, plays: result, fleetHosts, warnings };
}

/** A play's `hosts:` pattern matched against the inventory, with its problems located. */
function patternIssues(source: YamlSource, index: number, pattern: string, scope: PatternScope): { matched: ReturnType<typeof matchHosts>; issues: ConfigIssue[] } {
  const matched = matchHosts(pattern, scope);
  const issues: ConfigIssue[] = matched.problems.map((p) => {
    const { line, column } = locateOffset(source, [index, 'hosts'], p.offset);
    return { file: source.file, line, column, path: `${index}.hosts`, message: `hosts: ${p.message}` };
  });
  if (matched.problems.length === 0 && matched.hosts.length === 0) {
    issues.push(issueAt(source, [index, 'hosts'], `hosts: pattern "${pattern}" matches no host in the inventory`));
  }
  return { matched, issues };
}

/** The schema already checked these keys and forbade templates in them; this only narrows. */
function header(index: number, raw: Templated<Play>): PlayHeader {
  const h: PlayHeader = { index, name: String(raw.name), pattern: String(raw.hosts), save: raw.save !== false };
  if (typeof raw.serial === 'number' || typeof raw.serial === 'string') h.serial = raw.serial;
  if (typeof raw.max_fail_percentage === 'number') h.max_fail_percentage = raw.max_fail_percentage;
  if (typeof raw.revert_timer === 'number') h.revert_timer = raw.revert_timer;
  return h;
}
