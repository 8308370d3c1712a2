import path from 'node:path';
import { inventoryDigest } from '../inventory/digest';
import { defaultSteps } from '../runner/default-steps';
import { executeRun } from '../runner/execute-run';
import { hostPlanFrom, serializePlanFile, type HostPlan, type PlanSource } from '../converge/plan-file';
import { writeReport } from '../report/write-report';
import { parseForks, toolVersion } from './run';
import type { RegisterCommand } from './index';
import { addShardOptions, fileDigest, type ShardCliOptions } from './shard-options';
import { addVaultOptions, type VaultFlags } from './vault-options';
import { collectOption, INVENTORY_HELP } from './inventory-option';
import { loadPlaybookRun, playbookRunMeta } from './playbook-run';

/**
 * `slp plan PLAYBOOK -i INV -o plan.json`: reads every host and writes what `slp apply` would push
 * (every line and action, the playbook field that caused it, the owned config's hash) with the
 * digests of the playbook and inventory it came from. Prints each host's commands (and, with
 * --diff, the diff). Nothing is changed. Exit as `slp run --check`.
 */
export const registerPlan: RegisterCommand = (program, setExit) => {
  addShardOptions(addVaultOptions(program.command('plan'))
    .description('read every host and write the changes a run would make to a plan file (nothing is changed)')
    .argument('<playbook>', 'playbook YAML file')
    .option('-i, --inventory <source>', INVENTORY_HELP, collectOption)
    .requiredOption('-o, --output <file>', 'plan file to write (JSON, mode 0600)')
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('-D, --diff', 'show the differences in the owned running-config lines')
    .option('-f, --forks <n>', 'specify number of parallel hosts to use', '50')
    .option('--json <file>', 'write the JSON report to this file (- for stdout: the JSON alone)'))
    .action(async (playbookFile: string, opts: ShardCliOptions & Partial<VaultFlags> & { inventory: string[]; output: string; limit?: string; forks: string; json?: string; diff?: boolean }) => {
      const forks = parseForks(opts.forks);
      const r = await loadPlaybookRun(playbookFile, opts);
      const { loaded, sources, redactor } = r;
      const { run, exitCode } = await executeRun({
        plays: loaded.plays,
        steps: defaultSteps(),
        ctx: { mode: 'plan', check: true, diff: !!opts.diff, backupDir: 'backups', playbookDir: r.playbookDir, redactor },
        forks,
        ...(opts.json ? { json: opts.json } : {}),
        outputs: [{ flag: '--output', path: opts.output, kind: 'file' }],
        meta: playbookRunMeta('plan', playbookFile, r, toolVersion(), !!opts.diff),
      });
      const source: PlanSource = {
        playbook: { path: path.resolve(playbookFile), sha256: fileDigest(playbookFile) },
        inventory: { paths: sources.map((s) => path.resolve(s)), sha256: inventoryDigest(loaded.inventory) },
        ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      };
      const plans: HostPlan[] = [];
      for (const [i, p] of run.plays.entries()) {
        const planned = loaded.plays[i]!;
        for (const r of p.hosts) {
          if (!r.plan || r.status === 'failed' || r.status === 'unreachable') continue;
          plans.push(hostPlanFrom(r.host, { name: p.name, index: planned.play.index }, r.plan, r.before, {
            ...(planned.play.revert_timer ? { revertTimer: planned.play.revert_timer } : {}),
          }));
        }
      }
      const tokens = loaded.plays.flatMap((p) => p.hosts.map((h) => h.desired.slp.trust?.token)).filter((t): t is string => !!t);
      writeReport(opts.output, serializePlanFile(source, plans, new Date(), tokens));
      // With `--json -` stdout is the JSON report alone: the commands go with the text, to stderr.
      (opts.json === '-' ? process.stderr : process.stdout).write(redactor.redact(renderPlanCommands(plans)));
      process.stderr.write(`plan: ${plans.length} host plan(s) written to ${opts.output}; ${plans.filter((h) => h.plan.changed).length} with changes\n`);
      setExit(exitCode);
    });
};

/** Each host's planned commands, as `slp apply` will send them (the token shown as ***). */
export function renderPlanCommands(plans: readonly HostPlan[]): string {
  const out: string[] = [];
  for (const h of plans) {
    const p = h.plan;
    const actions = [
      ...p.commands,
      ...(p.trust?.action === 'install' ? [`license smart trust idtoken *** ${p.trust.scope}${p.trust.force ? ' force' : ''}`] : []),
      ...(p.sync.action === 'run' ? [p.sync.command] : []),
      ...(p.save.action === 'run' ? [p.save.command] : []),
    ];
    out.push(`${h.host} (${h.play}): ${actions.length ? `${actions.length} command${actions.length === 1 ? '' : 's'}` : 'nothing to change'}`);
    for (const a of actions) out.push(`  ${a}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
