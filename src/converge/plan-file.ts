import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Device } from '../device/device';
import { ConfigError, DriftError } from '../errors';
import { emptyConvergeResult, executePlan, factsStep, planEnd, type ConvergeOptions, type HostConvergeResult } from './converge-host';
import { isOwnedCommand } from './owned-settings';
import type { Plan } from './plan';
import { readState } from './read-device';
import { ownedConfigLines } from './rollback-plan';
import { StepRecorder } from '../results/step-recorder';

export const PLAN_FILE_VERSION = 1;
const SYNC_COMMAND = 'license smart sync all';
const SAVE_COMMAND = 'write memory';

/**
 * One host's plan as `slp plan` writes it. The trust token is never written: `tokenRef` says
 * where `slp apply` reads it again (`env:SLP_IDTOKEN`, `file:/path/token.txt`).
 */
export interface HostPlan {
  host: string;
  play: string;
  plan: Plan;
  /** sha256 of the owned running-config lines (canonical) when the plan was made. */
  ownedConfigHash: string;
  /** Those lines, so a drift can be explained line by line. Owned lines hold no secrets. */
  ownedConfig: string[];
  tokenRef?: string;
  revertTimer?: number;
}

export interface PlanFile {
  version: typeof PLAN_FILE_VERSION;
  createdAt: string;
  hosts: HostPlan[];
}

export function hashOwnedConfig(lines: readonly string[]): string {
  return `sha256:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
}

export function hostPlanFrom(
  host: string,
  play: string,
  plan: Plan,
  ownedConfig: readonly string[],
  extra: { tokenRef?: string; revertTimer?: number } = {},
): HostPlan {
  return { host, play, plan, ownedConfigHash: hashOwnedConfig(ownedConfig), ownedConfig: [...ownedConfig], ...extra };
}

/** Serialises plans as JSON; throws if a token value would end up in the text (belt and braces). */
export function serializePlanFile(hosts: HostPlan[], now: Date, secrets: readonly string[] = []): string {
  const file: PlanFile = { version: PLAN_FILE_VERSION, createdAt: now.toISOString(), hosts };
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
    throw bad(`not a slp plan file (version ${PLAN_FILE_VERSION} with hosts[])`);
  }
  for (const [i, h] of f.hosts.entries()) {
    if (typeof h?.host !== 'string' || typeof h.ownedConfigHash !== 'string' || !Array.isArray(h.plan?.commands)) {
      throw bad(`hosts[${i}]: host, ownedConfigHash and plan.commands are required`);
    }
    const problems = hostPlanProblems(h);
    if (problems.length) throw bad(problems.map((p) => `hosts[${i}] (${h.host}): ${p}`).join('; '));
  }
  return f as PlanFile;
}

/**
 * What `slp apply` would send that `slp plan` could not have written: the file is pushed as is,
 * so every config line must be an owned setting and every exec action the tool's own command.
 */
function hostPlanProblems(h: HostPlan): string[] {
  const out: string[] = [];
  const p = h.plan;
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

/** Where a token comes from, without its value: `env:NAME` or `file:path`. */
export function resolveTokenRef(
  ref: string,
  env: NodeJS.ProcessEnv = process.env,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
  baseDir = '.',
): string {
  const m = /^(env|file):(.+)$/.exec(ref);
  if (!m) throw new Error(`token reference must be env:NAME or file:PATH, got "${ref}"`);
  const value = m[1] === 'env' ? env[m[2]!] : read(path.resolve(baseDir, m[2]!)).trim();
  if (!value) throw new Error(`token reference ${ref} is empty`);
  return value;
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
 * `slp apply plan.json`, one host: gate, re-read, refuse on drift (DriftError in `error`), then
 * push exactly the planned lines and actions.
 */
export async function applyHostPlan(
  device: Device,
  hostPlan: HostPlan,
  options: ConvergeOptions = {},
): Promise<HostConvergeResult> {
  const steps = options.steps ?? new StepRecorder();
  const result = emptyConvergeResult(hostPlan.host, steps);
  try {
    result.facts = await factsStep(device, hostPlan.host, steps);
    const state = await steps.run('plan', async () => {
      const state = await readState(device);
      const changes = driftChanges(hostPlan, ownedConfigLines(state.observed.config));
      if (changes.length) {
        result.plan = hostPlan.plan;
        result.before = ownedConfigLines(state.observed.config);
        result.after = result.before;
        throw new DriftError(hostPlan.host, changes);
      }
      return state;
    }, () => planEnd(hostPlan.plan));
    const play = { ...options.play, ...(hostPlan.revertTimer ? { revert_timer: hostPlan.revertTimer } : {}) };
    return await executePlan(device, hostPlan.plan, state, result, { ...options, steps, host: hostPlan.host, play });
  } catch (error) {
    result.error = error as Error;
    return result;
  }
}
