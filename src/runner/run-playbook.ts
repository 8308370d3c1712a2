/**
 * The fleet runner: plays in order, each play's hosts in `serial` batches, up to `forks` hosts at
 * once inside a batch. Every host of every play ends with a HostResult — run, or skipped with the
 * reason (max_fail_percentage, Ctrl-C, failed in an earlier play) — so nothing is silently dropped.
 */
import type { HostPlan } from '../converge/plan-file';
import type { PlayHeader } from '../playbook/load-run';
import type { InventoryHost } from '../inventory/inventory';
import type { Play } from '../schema/types.generated';
import { maxFailReason, splitBatches } from './batches';
import { skippedHost, type HostResult } from '../results/host-result';
import type { HostJob, HostSteps, StepContext } from './host-steps';
import { Interrupt } from './interrupt';
import { defaultMaxSessions, runPooled } from './pool';
import { runHost } from './run-host';
import type { RunEvent, RunEventBody, RunObserver } from '../results/run-events';
import type { PlayResult, RunResult } from '../results/run-result';


/** The default `--forks`: enough for a few hundred switches; each host is one SSH session. */
export const DEFAULT_FORKS = 50;

/** A play as the runner takes it (from loadRun, or built from a plan file by `slp apply`). */
export interface RunnerPlay {
  play: PlayHeader;
  hosts: { host: InventoryHost; desired?: Play; hostPlan?: HostPlan }[];
}

export interface RunnerOptions {
  steps: HostSteps;
  ctx: StepContext;
  forks?: number;
  /** Open sessions at once, waiting hosts included (`--max-sessions`); default defaultMaxSessions(forks). */
  maxSessions?: number;
  observer?: RunObserver;
  interrupt?: Interrupt;
  now?: () => number;
}

export async function runPlaybook(plays: readonly RunnerPlay[], options: RunnerOptions): Promise<RunResult> {
  const now = options.now ?? Date.now;
  const t0 = now();
  const startedAt = new Date().toISOString();
  const interrupt = options.interrupt ?? new Interrupt();
  const events: RunEvent[] = [];
  const emit = (body: RunEventBody): void => {
    const event = { ...body, at: now() - t0 } as RunEvent;
    events.push(event);
    options.observer?.(event);
  };
  interrupt.onRequest((stage, by) => emit({ type: 'interrupt', stage, by }));
  const forks = Math.max(1, options.forks ?? DEFAULT_FORKS);
  const maxSessions = Math.max(forks, options.maxSessions ?? defaultMaxSessions(forks));
  const check = options.ctx.check;
  // As Ansible: a host that failed or was unreachable takes no part in later plays.
  const outOfRun = new Map<string, string>();
  let runStopped: string | undefined;
  const out: PlayResult[] = [];

  for (const { play, hosts } of plays) {
    const results = new Map<string, HostResult>();
    const playStarted = now();
    const playStartedAt = new Date().toISOString();
    const skip = (host: string, reason: string): void => {
      results.set(host, skippedHost(host, play.name, reason, check));
      emit({ type: 'host-skipped', play: play.name, host, reason });
    };
    const active = hosts.filter(({ host }) => !outOfRun.has(host.name));
    const batches = splitBatches(active, play.serial);
    emit({ type: 'play-start', play: play.name, hosts: hosts.map((h) => h.host.name), batches: batches.length });
    for (const { host } of hosts) {
      const why = outOfRun.get(host.name);
      if (why) skip(host.name, why);
    }
    let stopped: string | undefined;
    for (const [i, batch] of batches.entries()) {
      const n = i + 1;
      const blocked = stopped ?? runStopped ?? (interrupt.stopping ? notStarted(interrupt) : undefined);
      if (blocked) {
        for (const { host } of batch) skip(host.name, blocked);
        continue;
      }
      emit({ type: 'batch-start', play: play.name, batch: n, hosts: batch.map((h) => h.host.name) });
      await runBatch(batch, n, play, { options, forks, maxSessions, emit, now, origin: t0, interrupt, results, skip });
      const failed = batch.filter(({ host }) => {
        const s = results.get(host.name)?.status;
        return s === 'failed' || s === 'unreachable';
      }).length;
      const reason = maxFailReason(failed, batch.length, play.max_fail_percentage);
      if (reason && n < batches.length) {
        stopped = `not run: ${reason} in batch ${n} of play "${play.name}"`;
        emit({ type: 'play-stopped', play: play.name, batch: n, reason });
      }
      // Ansible ends the whole run when max_fail_percentage is exceeded, later plays included.
      if (reason && play.max_fail_percentage !== undefined) runStopped ??= `not run: play "${play.name}" stopped (${reason})`;
    }
    for (const { host } of hosts) {
      const r = results.get(host.name);
      if (r && (r.status === 'failed' || r.status === 'unreachable')) outOfRun.set(host.name, `not run: ${r.status} in play "${play.name}"`);
    }
    emit({ type: 'play-end', play: play.name });
    out.push({
      index: play.index, name: play.name, pattern: play.pattern, startedAt: playStartedAt, durationMs: now() - playStarted,
      hosts: hosts.map(({ host }) => results.get(host.name) ?? skippedHost(host.name, play.name, 'not run', check)),
      ...(stopped ? { stopped } : {}),
    });
  }
  return {
    startedAt, durationMs: now() - t0, check, plays: out, events,
    interrupted: interrupt.stage === 'none' ? null : interrupt.stage,
    interruptedBy: interrupt.by ?? null,
  };
}

/** Why a host did not start: the key or signal that stopped the run. */
function notStarted(interrupt: Interrupt): string {
  return `interrupted (${interrupt.by ?? 'Ctrl-C'}) before it started`;
}

/** What a batch needs from its run: the pool size, the hooks, and where results go. */
interface BatchContext {
  options: RunnerOptions;
  forks: number;
  maxSessions: number;
  emit: (body: RunEventBody) => void;
  now: () => number;
  origin: number;
  interrupt: Interrupt;
  results: Map<string, HostResult>;
  skip: (host: string, reason: string) => void;
}

/**
 * One batch on the pool: up to `forks` hosts working at once, up to `maxSessions` open (hosts
 * waiting on their device give their fork back through `ctx.idle`); after Ctrl-C the hosts not
 * started are skipped.
 */
async function runBatch(batch: RunnerPlay['hosts'], n: number, play: PlayHeader, b: BatchContext): Promise<void> {
  const { interrupt } = b;
  await runPooled(
    batch,
    { forks: b.forks, maxSessions: b.maxSessions },
    async (item, slot) => {
      const job: HostJob = { play, host: item.host, ...(item.desired ? { desired: item.desired } : {}), ...(item.hostPlan ? { hostPlan: item.hostPlan } : {}) };
      const ctx: StepContext = { ...b.options.ctx, signal: interrupt.signal, stopSignal: interrupt.stopSignal, idle: slot.idle };
      const r = await runHost(job, n, b.options.steps, ctx, {
        emit: b.emit,
        now: b.now,
        origin: b.origin,
        track: (d) => interrupt.track(d),
        untrack: (d) => interrupt.untrack(d),
      });
      // A host cut by the abandon is named as such: its session was closed under it (Ansible's
      // UNREACHABLE, exit 4), and its error says why, whatever step it was in.
      if (interrupt.stage === 'abandon' && r.status !== 'ok' && r.status !== 'changed') {
        r.status = 'unreachable';
        r.abandoned = true;
        // The step it was cut in counts as unreachable too, so the recap's counters agree.
        const cut = r.steps.find((s) => s.error);
        if (cut?.status === 'failed') cut.status = 'unreachable';
        const reason = interrupt.abandonReason;
        // The abandon closes a waiting host's session: a read cut by that close is the abandon's
        // doing, whichever of the two (the wait's abort or the closed session) surfaced first.
        if (r.error?.name === 'DisconnectedError') r.error = { ...r.error, name: 'InterruptedError', message: 'stopped waiting' };
        if (r.error && !r.error.message.endsWith(`(${reason})`)) r.error.message = `${r.error.message} (${reason})`;
      }
      b.results.set(item.host.name, r);
    },
    () => !interrupt.stopping,
    (item) => b.skip(item.host.name, notStarted(interrupt)),
  );
}
