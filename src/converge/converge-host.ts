import type { Device } from '../device/device';
import { Redactor } from '../redact';
import { applyPlan, archiveToAdd, type ApplyOutcome } from './apply';
import { writeBackup } from './backup';
import { SYSTEM_CLOCK, type Clock } from '../clock';
import type { DesiredSlp, PlaySettings } from './desired';
import { ownedConfigDiff } from './diff';
import { assertSupported } from './gate';
import { planSlp, type Plan } from './plan';
import { planSaveRule } from './save-rule';
import { predictOwnedLines } from './predict';
import type { Reconnect } from './recover-push';
import { readConfig, readFacts, readState, type DeviceState, type HostFacts } from './read-device';
import type { ObservedConfig } from './running-state';
import { ownedConfigLines } from './rollback-plan';
import { lineCount, type StepEnd, type StepResult } from '../steps/step-result';
import { StepRecorder } from '../steps/step-recorder';
import { parseDuration } from '../duration';

export interface ConvergeOptions {
  /** Inventory name; defaults to the device's host. */
  host?: string;
  /** `--check`: read and plan only; nothing is changed. */
  check?: boolean;
  /** `--diff`: include a unified diff of the owned running-config. */
  diff?: boolean;
  play?: PlaySettings;
  /** The trust token, resolved by the caller (env / file); else `desired.trust.token`. */
  token?: string;
  /** Where backups go: `<backupDir>/<host>/<timestamp>.cfg`. Default `backups`. */
  backupDir?: string;
  redactor?: Redactor;
  clock?: Clock;
  trustTimeoutMs?: number;
  syncTimeoutMs?: number;
  pollMs?: number;
  /**
   * Opens a fresh session to the same host. Used when the session is lost in the middle of a push
   * (dropped, or a line never answered): the rollback runs on the new session. Without it such a
   * push ends in a RollbackError naming the lines that may remain.
   */
  reconnect?: Reconnect;
  /**
   * Where each step (facts, plan, apply, trust, sync, and confirm after a rollback) reports as it
   * runs; the runner passes one wired to its events. Default: one that only collects.
   */
  steps?: StepRecorder;
}

/** executePlan's options: the recorder of the converge it continues. */
export type ExecuteOptions = ConvergeOptions & { steps: StepRecorder };

export const DEFAULT_CONVERGE_TIMING = { trustTimeoutMs: 120_000, syncTimeoutMs: 60_000, pollMs: 2_000 };

/** The trust wait's budget: the caller's (API, demo), else the play's `slp.trust.timeout`, else 120 s. */
export function trustTimeoutFor(desired: DesiredSlp, options: ConvergeOptions): number {
  if (options.trustTimeoutMs !== undefined) return options.trustTimeoutMs;
  return desired.trust?.timeout ? parseDuration(desired.trust.timeout) : DEFAULT_CONVERGE_TIMING.trustTimeoutMs;
}

/**
 * Everything one host's converge did, shaped like an Ansible resource module's return
 * (`before`, `after`, `commands`, `changed`). `error` is set when the host failed; it is an
 * SlpError subclass (UnsupportedDeviceError, CommandRejectedError, RollbackError, DriftError, …)
 * or whatever the device layer threw.
 */
export interface HostConvergeResult {
  host: string;
  facts?: HostFacts;
  plan?: Plan;
  /** Commands sent to change the device, in order (token shown as ***). */
  applied: string[];
  trust?: ApplyOutcome['trust'];
  sync?: ApplyOutcome['sync'];
  saved: boolean;
  changed: boolean;
  /** Owned running-config lines (canonical) before and after. */
  before: string[];
  after: string[];
  diff?: string;
  backupPath?: string;
  rollback?: string[];
  /** A revert timer is running: call confirmChanges(device, plan) once verification passed. */
  revertPending: boolean;
  /** The push added the archive the revert timer needs; confirmChanges removes it again. */
  archiveAdded?: boolean;
  /** The steps as they ran (the recorder's list): which one failed is read here, not guessed. */
  steps: StepResult[];
  error?: Error;
}

/** A converge result before anything ran. */
export function emptyConvergeResult(host: string, steps: StepRecorder): HostConvergeResult {
  return { host, applied: [], saved: false, changed: false, before: [], after: [], revertPending: false, steps: steps.steps };
}

/** The facts step: `show version`, then the release gate (UnsupportedDeviceError). */
export async function factsStep(device: Device, host: string, steps: StepRecorder): Promise<HostFacts> {
  return steps.run('facts', async () => {
    const facts = await readFacts(device);
    assertSupported(host, facts);
    return facts;
  }, (v) => ({ status: 'ok', detail: `${v.platform ?? '?'} IOS XE ${v.version?.raw ?? '?'}` }));
}

/** How the plan step ended, from the plan. */
export function planEnd(plan: Plan): StepEnd {
  const n = plan.commands.length;
  const saveOnly = !n && plan.save.action === 'run';
  return { status: 'ok', detail: !plan.changed ? 'nothing to change' : n ? `${lineCount('', n).trim()} to change` : saveOnly ? 'unsaved: startup-config differs' : 'no config change' };
}

/**
 * In check mode, or when nothing is to change, apply, trust and sync send nothing: each is
 * recorded with what it would do (Ansible's "changed" = would change).
 */
export function recordUnapplied(steps: StepRecorder, plan: Plan, check: boolean): void {
  const n = plan.commands.length;
  if (check) {
    const save = plan.save.action === 'run' ? { status: 'changed' as const, detail: `would save (${plan.save.cause})` } : { status: 'ok' as const, detail: 'nothing to push' };
    steps.record('apply', n ? { status: 'changed', detail: lineCount('would push', n) } : save);
    const install = plan.trust?.action === 'install';
    steps.record('trust', install ? { status: 'changed', detail: 'would install' } : plan.trust ? { status: 'ok', detail: 'installed' } : { status: 'skipped', detail: 'not declared' });
    steps.record('sync', plan.sync.action === 'run' ? { status: 'ok', detail: 'would sync' } : { status: 'skipped', detail: 'not needed' });
    return;
  }
  steps.record('apply', { status: 'ok', detail: 'nothing to push' });
  steps.record('trust', plan.trust ? { status: 'ok', detail: 'already installed' } : { status: 'skipped', detail: 'not declared' });
  steps.record('sync', { status: 'skipped', detail: 'not needed' });
}

/** Reads, gates, plans and (unless check) applies the desired state on one host. */
export async function convergeHost(
  device: Device,
  desired: DesiredSlp,
  options: ConvergeOptions = {},
): Promise<HostConvergeResult> {
  const host = options.host ?? device.info.host;
  const steps = options.steps ?? new StepRecorder();
  const result = emptyConvergeResult(host, steps);
  try {
    result.facts = await factsStep(device, host, steps);
    const { state, plan } = await steps.run('plan', async () => {
      const state = await readState(device);
      const planned = planSlp(desired, state.observed, { ...options.play });
      return { state, plan: await planSaveRule(device, planned, state.observed.config, { ...options.play }) };
    }, ({ plan }) => planEnd(plan));
    return await executePlan(device, plan, state, result, { ...options, steps, token: options.token ?? desired.trust?.token, trustTimeoutMs: trustTimeoutFor(desired, options) });
  } catch (error) {
    result.error = error as Error;
    return result;
  }
}

/**
 * The apply half, shared by convergeHost and applyHostPlan (plan files): backup, push, trust,
 * sync, save, re-read. In check mode only `before`, the predicted `after` and the diff are filled.
 */
export async function executePlan(
  device: Device,
  plan: Plan,
  state: DeviceState,
  result: HostConvergeResult,
  options: ExecuteOptions,
): Promise<HostConvergeResult> {
  const steps = options.steps;
  const redactor = options.redactor ?? new Redactor();
  redactor.add(options.token);
  const clock = options.clock ?? SYSTEM_CLOCK;
  result.plan = plan;
  result.before = ownedConfigLines(state.observed.config);
  // The archive a revert timer needs is no owned setting, but the tool adds it: the diff shows it
  // (as the switch is while the timer runs; `no archive` after the confirm is in the commands).
  const archive = archiveToAdd(plan, state.observed.config, options.play?.revert_timer);
  if (options.check || !plan.changed) {
    result.after = predictOwnedLines(result.before, plan);
    result.changed = plan.changed;
    if (options.diff) result.diff = ownedConfigDiff(result.host, result.before, [...result.after, ...archive], redactor);
    recordUnapplied(steps, plan, Boolean(options.check));
    return result;
  }
  const outcome = await applyPlan(device, plan, {
    beforePush: async () => {
      result.backupPath = await writeBackup(options.backupDir ?? 'backups', result.host, state.runningConfig, redactor, clock.now());
    },
    host: result.host,
    before: state.observed.config,
    ...(options.token ? { token: options.token } : {}),
    ...(options.play?.revert_timer ? { revertTimerMinutes: options.play.revert_timer } : {}),
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
    clock,
    trustTimeoutMs: options.trustTimeoutMs ?? DEFAULT_CONVERGE_TIMING.trustTimeoutMs,
    syncTimeoutMs: options.syncTimeoutMs ?? DEFAULT_CONVERGE_TIMING.syncTimeoutMs,
    pollMs: options.pollMs ?? DEFAULT_CONVERGE_TIMING.pollMs,
  }, steps);
  result.applied = outcome.applied;
  result.saved = outcome.saved;
  result.revertPending = outcome.revertPending;
  if (outcome.archiveAdded) result.archiveAdded = true;
  if (outcome.trust) result.trust = outcome.trust;
  if (outcome.sync) result.sync = outcome.sync;
  if (outcome.rollback) result.rollback = outcome.rollback;
  if (outcome.error) result.error = outcome.error;
  result.changed = outcome.applied.length > 0 && !outcome.rollback;
  try {
    // A lost session was replaced for the rollback and closed: its re-read is the one to keep.
    // The re-read closes the apply step: if it fails on a host that had no error, apply failed.
    const reread = (): Promise<ObservedConfig> => readConfig(device);
    result.after = outcome.after ?? ownedConfigLines(await (result.error ? reread() : steps.extend('apply', reread, () => [])));
  } catch (error) {
    // After a failed push (e.g. the session dropped) the re-read fails too: keep the push's own
    // error (a RollbackError says the switch needs a person), not the re-read's.
    if (!result.error) throw error;
  }
  if (options.diff) result.diff = ownedConfigDiff(result.host, result.before, [...result.after, ...(outcome.archiveAdded ? archive : [])], redactor);
  return result;
}
