import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type ConfigIssue } from '../errors';
import { inventoryDigest } from '../inventory/digest';
import { loadRun, type LoadedRun } from '../playbook/load-run';
import { inventorySources, warnInventoryNotes } from './inventory-option';
import { vaultSecrets } from './vault-options';
import { defaultSteps } from '../runner/default-steps';
import { executeRun } from '../runner/execute-run';
import type { RunnerPlay } from '../runner/run-playbook';
import { runRedactor } from '../runner/run-secrets';
import { parsePlanFile, planAgainstPlaybook, type PlanFile } from '../converge/plan-file';
import { addRunOptions, runFlagsFor, toolVersion, type RunCliOptions } from './run';
import type { RegisterCommand } from './index';
import { fileDigest, reportShard, shardFromCli } from './shard-options';
import { selectShard, shardBanner } from '../inventory/shard';

const replanHint = (f: PlanFile): string =>
  `make the plan again: slp plan ${f.source.playbook.path} ${f.source.inventory.paths.map((p) => `-i ${p}`).join(' ')}${f.source.limit !== undefined ? ` --limit '${f.source.limit}'` : ''} -o PLAN`;

/**
 * The plan's sources as they are now: the playbook and inventory must be the ones it was made
 * from (same digests), else the plan is stale or was made for something else.
 */
function checkSources(file: PlanFile, planFile: string, inventorySources: readonly string[], loaded: LoadedRun): void {
  const issues: ConfigIssue[] = [];
  const at = (message: string): ConfigIssue => ({ file: planFile, line: 1, column: 1, path: '', message });
  const playbookNow = fileDigest(file.source.playbook.path);
  if (playbookNow !== file.source.playbook.sha256) {
    issues.push(at(`the playbook ${file.source.playbook.path} changed since the plan was made (${file.source.playbook.sha256.slice(0, 19)}…, now ${playbookNow.slice(0, 19)}…); ${replanHint(file)}`));
  }
  const inventoryNow = inventoryDigest(loaded.inventory);
  if (inventoryNow !== file.source.inventory.sha256) {
    issues.push(at(`the inventory ${inventorySources.join(', ')} is not the one the plan was made from (${file.source.inventory.paths.join(', ')}), or it changed since; ${replanHint(file)}`));
  }
  if (issues.length) throw new ConfigError(issues);
}

/**
 * Each planned host with its desired state from the playbook, checked before anything connects:
 * the host must still be in the inventory and in its play, and every recorded line must be one
 * the playbook renders for it.
 */
export function playsFromPlanFile(file: PlanFile, planFile: string, loaded: LoadedRun, limit: Set<string> | undefined): RunnerPlay[] {
  const issues: ConfigIssue[] = [];
  const at = (message: string): ConfigIssue => ({ file: planFile, line: 1, column: 1, path: '', message });
  const plays = new Map<number, RunnerPlay>();
  for (const hostPlan of file.hosts) {
    if (limit && !limit.has(hostPlan.host)) continue;
    const loadedPlay = loaded.plays.find((p) => p.play.index === hostPlan.playIndex && p.play.name === hostPlan.play);
    const runHost = loadedPlay?.hosts.find((h) => h.host.name === hostPlan.host);
    if (!loaded.inventory.hosts.has(hostPlan.host)) {
      issues.push(at(`host ${hostPlan.host} is in the plan but not in the inventory`));
      continue;
    }
    if (!loadedPlay || !runHost) {
      issues.push(at(`host ${hostPlan.host}: play ${hostPlan.playIndex + 1} "${hostPlan.play}" of the playbook does not target it`));
      continue;
    }
    const problems = planAgainstPlaybook(hostPlan, runHost.desired.slp);
    issues.push(...problems.map((p) => at(`host ${hostPlan.host}: ${p}`)));
    const play = plays.get(hostPlan.playIndex) ?? { play: loadedPlay.play, hosts: [] };
    play.hosts.push({ host: runHost.host, desired: runHost.desired, hostPlan });
    plays.set(hostPlan.playIndex, play);
  }
  if (issues.length) throw new ConfigError(issues);
  return [...plays.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
}

/**
 * `slp apply plan.json -i INV`: pushes exactly the plan `slp plan` wrote, host by host. Before any
 * connection: the playbook and inventory must be the ones the plan was made from, every host must
 * be in both, and every line one the playbook renders. Per host: the drift guard (a host whose
 * owned config changed since the plan is refused, naming each line) and the plan made again must
 * equal the recorded one. The token comes from where the playbook says. Then the play's verify.
 */
export const registerApply: RegisterCommand = (program, setExit) => {
  addRunOptions(
    program
      .command('apply')
      .description('push a plan file written by `slp plan` (hosts whose config drifted since are refused), then verify')
      .argument('<plan>', 'plan file (JSON)'),
  )
    .option('--no-verify', "skip the play's verify: assertions after the push")
    .action(async (planFile: string, opts: RunCliOptions & { verify: boolean }) => {
      const { ctx, ...flags } = runFlagsFor(opts);
      const file = parsePlanFile(readFileSync(planFile, 'utf8'), planFile);
      // The playbook as the plan recorded it, rendered now: templates (the token's env var) must
      // resolve here, before any connection, exactly as for `slp run`.
      const sources = inventorySources(opts.inventory);
      const vault = await vaultSecrets(opts);
      const loaded = loadRun({
        inventoryFile: sources,
        vault,
        playbookFile: file.source.playbook.path,
        ...(file.source.limit !== undefined ? { limit: file.source.limit } : {}),
      });
      warnInventoryNotes(loaded.inventory);
      checkSources(file, planFile, sources, loaded);
      const limit = opts.limit !== undefined
        ? new Set(loadRun({ inventoryFile: sources, vault, playbookFile: file.source.playbook.path, limit: opts.limit }).plays.flatMap((p) => p.hosts.map((h) => h.host.name)))
        : undefined;
      const shard = shardFromCli(opts);
      let plays = playsFromPlanFile(file, planFile, loaded, limit);
      const fleetHosts = plays.map((p) => p.hosts.map((h) => h.host.name));
      if (shard) {
        const all = [...new Set(fleetHosts.flat())];
        const mine = new Set(selectShard(all, shard, (h) => loaded.inventory.hosts.get(h)?.groups ?? []));
        process.stderr.write(shardBanner(shard, mine.size, all.length));
        plays = plays.map((p) => ({ ...p, hosts: p.hosts.filter((h) => mine.has(h.host.name)) }));
      }
      if (!opts.verify) plays = plays.map((p) => ({ ...p, hosts: p.hosts.map((h) => ({ ...h, desired: h.desired ? { ...h.desired, verify: [] } : undefined })) }));
      const playbookDir = path.dirname(file.source.playbook.path);
      const redactor = runRedactor(plays.flatMap((p) => p.hosts), playbookDir);
      const { exitCode } = await executeRun({
        plays,
        steps: defaultSteps(),
        ctx: { mode: 'apply', ...ctx, playbookDir, redactor },
        ...flags,
        meta: {
          command: 'apply', playbook: file.source.playbook.path, inventory: loaded.inventory.file, toolVersion: toolVersion(), diff: !!opts.diff,
          digests: { playbook: file.source.playbook.sha256, inventory: file.source.inventory.sha256 },
          fleetHosts,
          ...(shard ? { shard: reportShard(shard)! } : {}),
        },
      });
      setExit(exitCode);
    });
};
