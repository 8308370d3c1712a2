import { createHash } from 'node:crypto';
import type { Device } from '../device/device';
import { ConfigError, DriftError, PlanMismatchError } from '../errors';
import { parseShowRunningConfig } from '../parsers/show-running-config';
import { StepRecorder } from '../steps/step-recorder';
import { emptyConvergeResult, executePlan, factsStep, planEnd, trustTimeoutFor, type ConvergeOptions, type HostConvergeResult } from './converge-host';
import type { DesiredSlp, PlaySettings } from './desired';
import { isOwnedCommand } from './owned-settings';
import { planSaveRule } from './save-rule';
import { planSlp, type Plan } from './plan';
import { readState } from './read-device';
import { ownedConfigLines } from './rollback-plan';
import { observeConfig } from './running-state-from-parsers';
import { emptyObservedConfig } from './running-state';

export const PLAN_FILE_VERSION = 2;
/** More config lines than any playbook can render for one host: refused unread. */
const MAX_PLAN_COMMANDS = 200;
const SYNC_COMMAND = 'license smart sync all';
const SAVE_COMMAND = 'write memory';

/**
 * One host's plan as `slp plan` writes it. The trust token is never written: `slp apply` reads the
 * playbook again (its digest must match) and takes the token from the source the playbook names.
 */
export interface HostPlan {
  host: string;
  play: string;
  /** 0-based position of the play in the playbook. */
  playIndex: number;
  plan: Plan;
  /** sha256 of the owned running-config lines (canonical) when the plan was made. */
  ownedConfigHash: string;
  /** Those lines, so a drift can be explained line by line. Owned lines hold no secrets. */
  ownedConfig: string[];
  revertTimer?: number;
}

/** A file the plan was made from, by path (as given) and content digest. */
export interface PlanSourceFile {
  path: string;
  sha256: string;
}

/** What the plan was made from: `slp apply` refuses a plan whose sources changed since. */
export interface PlanSource {
  playbook: PlanSourceFile;
  /** The inventory sources, in `-i` order, and the digest of what they resolve to. */
  inventory: { paths: string[]; sha256: string };
  limit?: string;
}

export interface PlanFile {
  version: typeof PLAN_FILE_VERSION;
  createdAt: string;
  source: PlanSource;
  hosts: HostPlan[];
}


export function hashOwnedConfig(lines: readonly string[]): string {
  return `sha256:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
}

export function hostPlanFrom(
  host: string,
  play: { name: string; index: number },
  plan: Plan,
  ownedConfig: readonly string[],
  extra: { revertTimer?: number } = {},
): HostPlan {
  return { host, play: play.name, playIndex: play.index, plan, ownedConfigHash: hashOwnedConfig(ownedConfig), ownedConfig: [...ownedConfig], ...extra };
}

/** Serialises plans as JSON; throws if a token value would end up in the text (belt and braces). */
export function serializePlanFile(source: PlanSource, hosts: HostPlan[], now: Date, secrets: readonly string[] = []): string {
  const file: PlanFile = { version: PLAN_FILE_VERSION, createdAt: now.toISOString(), source, hosts };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (secrets.some((s) => s.length >= 4 && text.includes(s))) throw new Error('plan file would contain a secret');
  return text;
}

export function parsePlanFile(text: string, file = 'plan.json'): PlanFile {
  const bad = (message: string): ConfigError => new ConfigError([{ file, line: 1, column: 1, path: '', message }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw bad(`not JSON: ${(error as Error).message}`);
  }
  const f = data as Partial<PlanFile>;
  if (!f || f.version !== PLAN_FILE_VERSION || !Array.isArray(f.hosts)) {
    const older = f && typeof f.version === 'number' && f.version < PLAN_FILE_VERSION ? ' (an older version: make it again with `slp plan`)' : '';
    throw bad(`not a slp plan file (version ${PLAN_FILE_VERSION} with hosts[])${older}`);
  }
  const inventory = f.source?.inventory;
  const inventoryOk = Array.isArray(inventory?.paths) && inventory.paths.every((p) => typeof p === 'string') && isSourceFile({ path: '', sha256: inventory.sha256 });
  if (!isSourceFile(f.source?.playbook) || !inventoryOk || (f.source!.limit !== undefined && typeof f.source!.limit !== 'string')) {
    throw bad('source.playbook (path, sha256) and source.inventory (paths, sha256) are required');
  }
  const seen = new Set<string>();
  for (const [i, h] of f.hosts.entries()) {
    if (typeof h?.host !== 'string' || typeof h.ownedConfigHash !== 'string' || !Array.isArray(h.plan?.commands)) {
      throw bad(`hosts[${i}]: host, ownedConfigHash and plan.commands are required`);
    }
    if (seen.has(h.host)) throw bad(`hosts[${i}] (${h.host}): the host is planned twice`);
    seen.add(h.host);
    const problems = hostPlanProblems(h);
    if (problems.length) throw bad(problems.map((p) => `hosts[${i}] (${h.host}): ${p}`).join('; '));
  }
  return f as PlanFile;
}

/**
 * What `slp apply` would send that `slp plan` could not have written: the file is pushed as is,
 * so every config line must be an owned setting and every exec action the tool's own command.
 */
const HOST_PLAN_KEYS = new Set(['host', 'play', 'playIndex', 'plan', 'ownedConfigHash', 'ownedConfig', 'revertTimer']);

function isSourceFile(f: unknown): f is PlanSourceFile {
  const s = f as Partial<PlanSourceFile> | undefined;
  return typeof s?.path === 'string' && typeof s.sha256 === 'string' && /^sha256:[0-9a-f]{64}$/.test(s.sha256);
}

function hostPlanProblems(h: HostPlan): string[] {
  const out: string[] = [];
  const p = h.plan;
  // Anything else would be read by nobody, or (an old tokenRef) name a token source the playbook
  // does not: the token comes from the playbook only.
  for (const k of Object.keys(h)) if (!HOST_PLAN_KEYS.has(k)) out.push(`${k} is not a plan field${k === 'tokenRef' ? ' (the token is taken from the playbook)' : ''}`);
  if (typeof h.play !== 'string' || !Number.isInteger(h.playIndex) || h.playIndex < 0) out.push('play (name) and playIndex are required');
  if (p.commands.length > MAX_PLAN_COMMANDS) out.push(`plan.commands has ${p.commands.length} lines, more than any playbook renders (${MAX_PLAN_COMMANDS})`);
  if (!Array.isArray(h.ownedConfig) || !h.ownedConfig.every((l) => typeof l === 'string')) out.push('ownedConfig must be a list of lines');
  p.commands.forEach((c: unknown, j) => {
    if (typeof c !== 'string' || !isOwnedCommand(c)) out.push(`plan.commands[${j}] ${JSON.stringify(c)} is not an SLP setting this tool owns`);
  });
  const lines = Array.isArray(p.lines) ? p.lines.map((l) => l?.line) : [];
  if (lines.join('\n') !== p.commands.join('\n')) out.push('plan.lines and plan.commands differ');
  if (p.sync?.command !== SYNC_COMMAND || !['run', 'skip'].includes(p.sync.action)) out.push(`plan.sync must be "${SYNC_COMMAND}" (run or skip)`);
  if (p.save?.command !== SAVE_COMMAND || !['run', 'skip'].includes(p.save.action)) out.push(`plan.save must be "${SAVE_COMMAND}" (run or skip)`);
  if (p.trust !== undefined) {
    const t = p.trust;
    if (!['install', 'skip'].includes(t?.action) || !['all', 'local'].includes(t?.scope) || typeof t?.force !== 'boolean') {
      out.push('plan.trust needs action install|skip, scope all|local and force true|false');
    }
  }
  if (h.revertTimer !== undefined && !(Number.isInteger(h.revertTimer) && h.revertTimer >= 1 && h.revertTimer <= 120)) {
    out.push('revertTimer must be whole minutes 1–120');
  }
  return out;
}

/** The drift guard: what changed in the owned config since the plan, or [] when nothing did. */
export function driftChanges(hostPlan: HostPlan, ownedNow: readonly string[]): string[] {
  if (hashOwnedConfig(ownedNow) === hostPlan.ownedConfigHash) return [];
  const gone = hostPlan.ownedConfig.filter((l) => !ownedNow.includes(l)).map((l) => `removed "${l}"`);
  const added = ownedNow.filter((l) => !hostPlan.ownedConfig.includes(l)).map((l) => `added "${l}"`);
  const changes = [...gone, ...added];
  return changes.length ? changes : ['owned lines reordered'];
}

/**
 * Config lines a plan for `desired` can hold on a host whose owned config was `ownedConfig`: what
 * the desired state renders, and the removals of what it does not declare. Checked before any
 * host is contacted, so an edited line (a redirected URL or proxy) is refused unsent.
 */
export function renderableLines(desired: DesiredSlp, ownedConfig: readonly string[]): Set<string> {
  const owned = observeConfig(parseShowRunningConfig(ownedConfig.join('\n')).value);
  return new Set([
    ...planSlp(desired, { config: emptyObservedConfig(), trust: [] }).commands,
    ...planSlp(desired, { config: owned, trust: [] }).commands,
  ]);
}

/** Why a host's recorded plan is not one this playbook can produce, or [] when it is. */
export function planAgainstPlaybook(hostPlan: HostPlan, desired: DesiredSlp): string[] {
  const allowed = renderableLines(desired, hostPlan.ownedConfig);
  const out = hostPlan.plan.commands.filter((c) => !allowed.has(c)).map((c) => `"${c}" is not a line the playbook renders for this host`);
  if (hostPlan.plan.trust?.action === 'install' && !desired.trust) out.push('plan installs a trust code the playbook does not declare');
  return out;
}

/** The parts of a plan that must be the same when made again on the host at apply time. */
function planShape(p: Plan): string {
  return JSON.stringify({ commands: p.commands, trust: p.trust?.action ?? null, sync: p.sync.action, save: p.save.action });
}

/**
 * `slp apply plan.json`, one host: gate, re-read, refuse on drift (DriftError in `error`), plan
 * again from the playbook's desired state and refuse a recorded plan that differs (an edited or
 * stale file: PlanMismatchError), then push exactly the planned lines and actions.
 */
export async function applyHostPlan(
  device: Device,
  hostPlan: HostPlan,
  desired: DesiredSlp,
  options: ConvergeOptions & { play?: PlaySettings } = {},
): Promise<HostConvergeResult> {
  const steps = options.steps ?? new StepRecorder();
  const result = emptyConvergeResult(hostPlan.host, steps);
  try {
    result.facts = await factsStep(device, hostPlan.host, steps);
    const play = { ...options.play, ...(hostPlan.revertTimer ? { revert_timer: hostPlan.revertTimer } : {}) };
    const state = await steps.run('plan', async () => {
      const state = await readState(device);
      const refuse = (error: Error): never => {
        result.plan = hostPlan.plan;
        result.before = ownedConfigLines(state.observed.config);
        result.after = result.before;
        throw error;
      };
      const changes = driftChanges(hostPlan, ownedConfigLines(state.observed.config));
      if (changes.length) refuse(new DriftError(hostPlan.host, changes));
      const again = await planSaveRule(device, planSlp(desired, state.observed, play), state.observed.config, play);
      if (planShape(again) !== planShape(hostPlan.plan)) refuse(new PlanMismatchError(hostPlan.host, hostPlan.plan.commands, again.commands));
      return state;
    }, () => planEnd(hostPlan.plan));
    return await executePlan(device, hostPlan.plan, state, result, { ...options, steps, host: hostPlan.host, play, trustTimeoutMs: trustTimeoutFor(desired, options) });
  } catch (error) {
    result.error = error as Error;
    return result;
  }
}
