import path from 'node:path';
import { loadRun } from '../playbook/load-run';
import { defaultSteps } from '../runner/default-steps';
import { executeRun } from '../runner/execute-run';
import { runRedactor } from '../runner/run-secrets';
import type { RunnerPlay } from '../runner/run-playbook';
import type { Play } from '../schema/types.generated';
import { hostPlanFrom, serializePlanFile, type HostPlan } from '../converge/plan-file';
import { writeReport } from '../report/write-report';
import { parseForks, toolVersion } from './run';
import type { RegisterCommand } from './index';
import { addVaultOptions, vaultSecrets, type VaultFlags } from './vault-options';
import { INVENTORY_HELP, inventorySources, warnInventoryNotes } from './inventory-option';

/**
 * Where `slp apply` reads the token again, never the token itself: `file:<path>` for token_file,
 * else the environment variable holding the rendered value (SLP_IDTOKEN first).
 */
export function tokenRefFor(desired: Play, playbookDir: string, env: NodeJS.ProcessEnv): string | undefined {
  const trust = desired.slp.trust;
  if (!trust) return undefined;
  if (trust.token_file) return `file:${path.resolve(playbookDir, trust.token_file)}`;
  if (!trust.token) return undefined;
  if (env.SLP_IDTOKEN === trust.token) return 'env:SLP_IDTOKEN';
  const name = Object.keys(env).sort().find((k) => env[k] === trust.token);
  return name ? `env:${name}` : undefined;
}

/**
 * `slp plan PLAYBOOK -i INV -o plan.json`: reads every host and writes what `slp apply` would push
 * (every line and action, the playbook field that caused it, the owned config's hash). Nothing is
 * changed. Exit as `slp run --check`.
 */
export const registerPlan: RegisterCommand = (program, setExit) => {
  addVaultOptions(program.command('plan'))
    .description('read every host and write the changes a run would make to a plan file (nothing is changed)')
    .argument('<playbook>', 'playbook YAML file')
    .option('-i, --inventory <source>', INVENTORY_HELP, (v: string, p: string[]) => [...p, v], [] as string[])
    .requiredOption('-o, --output <file>', 'plan file to write (JSON, mode 0600)')
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('-f, --forks <n>', 'specify number of parallel hosts to use', '50')
    .option('--json <file>', 'write the JSON report to this file')
    .action(async (playbookFile: string, opts: Partial<VaultFlags> & { inventory: string[]; output: string; limit?: string; forks: string; json?: string }) => {
      const forks = parseForks(opts.forks);
      const loaded = loadRun({ inventoryFile: inventorySources(opts.inventory), vault: await vaultSecrets(opts), playbookFile, ...(opts.limit !== undefined ? { limit: opts.limit } : {}) });
      warnInventoryNotes(loaded.inventory);
      const playbookDir = path.dirname(path.resolve(playbookFile));
      const redactor = runRedactor(loaded.plays.flatMap((p) => p.hosts), playbookDir);
      const { run, exitCode } = await executeRun({
        plays: loaded.plays,
        steps: defaultSteps(),
        ctx: { mode: 'plan', check: true, diff: false, backupDir: 'backups', playbookDir, redactor },
        forks,
        ...(opts.json ? { json: opts.json } : {}),
        meta: { command: 'plan', playbook: playbookFile, inventory: loaded.inventory.file, toolVersion: toolVersion() },
      });
      const plans: HostPlan[] = [];
      for (const [i, p] of run.plays.entries()) {
        const source = loaded.plays[i]!;
        for (const r of p.hosts) {
          const desired = source.hosts.find((h) => h.host.name === r.host)?.desired;
          if (!r.plan || !desired || r.status === 'failed' || r.status === 'unreachable') continue;
          const tokenRef = tokenRefFor(desired, playbookDir, process.env);
          plans.push(hostPlanFrom(r.host, p.name, r.plan, r.before, {
            ...(tokenRef ? { tokenRef } : {}),
            ...(source.play.revert_timer ? { revertTimer: source.play.revert_timer } : {}),
          }));
        }
      }
      const tokens = loaded.plays.flatMap((p) => p.hosts.map((h) => h.desired.slp.trust?.token)).filter((t): t is string => !!t);
      writeReport(opts.output, serializePlanFile(plans, new Date(), tokens));
      process.stderr.write(`plan: ${plans.length} host plan(s) written to ${opts.output}; ${plans.filter((h) => h.plan.changed).length} with changes\n`);
      setExit(exitCode);
    });
};

/** `slp apply` builds plays from a plan file: one per play name, hosts in file order. */
export function playsFromPlanFile(hostPlans: readonly HostPlan[], lookup: (name: string) => RunnerPlay['hosts'][number]['host'] | undefined): { plays: RunnerPlay[]; missing: string[] } {
  const byPlay = new Map<string, HostPlan[]>();
  for (const h of hostPlans) byPlay.set(h.play, [...(byPlay.get(h.play) ?? []), h]);
  const missing: string[] = [];
  const plays: RunnerPlay[] = [...byPlay.entries()].map(([name, hs], index) => ({
    play: { index, name, pattern: hs.map((h) => h.host).join(','), save: true, ...(hs[0]?.revertTimer ? { revert_timer: hs[0].revertTimer } : {}) },
    hosts: hs.flatMap((hostPlan) => {
      const host = lookup(hostPlan.host);
      if (!host) {
        missing.push(hostPlan.host);
        return [];
      }
      return [{ host, hostPlan }];
    }),
  }));
  return { plays, missing };
}
