import type { Device } from '../device/device';
import { Redactor } from '../redact';
import { applyPlan, type ApplyOutcome } from './apply';
import { writeBackup } from './backup';
import { SYSTEM_CLOCK, type Clock } from '../clock';
import type { DesiredSlp, PlaySettings } from './desired';
import { ownedConfigDiff } from './diff';
import { assertSupported } from './gate';
import { planSlp, type Plan } from './plan';
import { predictOwnedLines } from './predict';
import type { Reconnect } from './recover-push';
import { readConfig, readFacts, readState, type DeviceState, type HostFacts } from './read-device';
import { ownedConfigLines } from './rollback-plan';

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
}

export const DEFAULT_CONVERGE_TIMING = { trustTimeoutMs: 120_000, syncTimeoutMs: 60_000, pollMs: 2_000 };

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
  error?: Error;
}

/** Reads, gates, plans and (unless check) applies the desired state on one host. */
export async function convergeHost(
  device: Device,
  desired: DesiredSlp,
  options: ConvergeOptions = {},
): Promise<HostConvergeResult> {
  const host = options.host ?? device.info.host;
  const result: HostConvergeResult = { host, applied: [], saved: false, changed: false, before: [], after: [], revertPending: false };
  try {
    result.facts = await readFacts(device);
    assertSupported(host, result.facts);
    const state = await readState(device);
    const plan = planSlp(desired, state.observed, { ...options.play });
    return await executePlan(device, plan, state, result, { ...options, token: options.token ?? desired.trust?.token });
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
  options: ConvergeOptions,
): Promise<HostConvergeResult> {
  const redactor = options.redactor ?? new Redactor();
  redactor.add(options.token);
  const clock = options.clock ?? SYSTEM_CLOCK;
  result.plan = plan;
  result.before = ownedConfigLines(state.observed.config);
  if (options.check || !plan.changed) {
    result.after = predictOwnedLines(result.before, plan);
    result.changed = plan.changed;
    if (options.diff) result.diff = ownedConfigDiff(result.host, result.before, result.after, redactor);
    return result;
  }
  result.backupPath = await writeBackup(options.backupDir ?? 'backups', result.host, state.runningConfig, redactor, clock.now());
  const outcome = await applyPlan(device, plan, {
    host: result.host,
    before: state.observed.config,
    ...(options.token ? { token: options.token } : {}),
    ...(options.play?.revert_timer ? { revertTimerMinutes: options.play.revert_timer } : {}),
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
    clock,
    trustTimeoutMs: options.trustTimeoutMs ?? DEFAULT_CONVERGE_TIMING.trustTimeoutMs,
    syncTimeoutMs: options.syncTimeoutMs ?? DEFAULT_CONVERGE_TIMING.syncTimeoutMs,
    pollMs: options.pollMs ?? DEFAULT_CONVERGE_TIMING.pollMs,
  });
  result.applied = outcome.applied;
  result.saved = outcome.saved;
  result.revertPending = outcome.revertPending;
  if (outcome.trust) result.trust = outcome.trust;
  if (outcome.sync) result.sync = outcome.sync;
  if (outcome.rollback) result.rollback = outcome.rollback;
  if (outcome.error) result.error = outcome.error;
  result.changed = outcome.applied.length > 0 && !outcome.rollback;
  try {
    // A lost session was replaced for the rollback and closed: its re-read is the one to keep.
    result.after = outcome.after ?? ownedConfigLines(await readConfig(device));
  } catch (error) {
    // After a failed push (e.g. the session dropped) the re-read fails too: keep the push's own
    // error (a RollbackError says the switch needs a person), not the re-read's.
    if (!result.error) throw error;
  }
  if (options.diff) result.diff = ownedConfigDiff(result.host, result.before, result.after, redactor);
  return result;
}
