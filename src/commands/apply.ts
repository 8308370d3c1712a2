import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { matchHosts } from '../inventory/host-pattern';
import { loadInventory } from '../inventory/load-inventory';
import { inventorySources, warnInventoryNotes } from './inventory-option';
import { vaultSecrets } from './vault-options';
import { defaultSteps } from '../runner/default-steps';
import { executeRun } from '../runner/execute-run';
import { runRedactor } from '../runner/run-secrets';
import { parsePlanFile } from '../converge/plan-file';
import { playsFromPlanFile } from './plan';
import { addRunOptions, parseForks, toolVersion, type RunCliOptions } from './run';
import type { RegisterCommand } from './index';

/**
 * `slp apply plan.json -i INV`: pushes exactly the plan `slp plan` wrote, host by host, after the
 * drift guard: a host whose owned config changed since the plan is refused (failed, DriftError,
 * naming each line) and left untouched. The trust token is read again from the plan's tokenRef.
 */
export const registerApply: RegisterCommand = (program, setExit) => {
  addRunOptions(
    program
      .command('apply')
      .description('push a plan file written by `slp plan` (hosts whose config drifted since are refused)')
      .argument('<plan>', 'plan file (JSON)')
      .option('--playbook-dir <dir>', "the planned playbook's folder, for its group_vars/ and host_vars/ (as `slp plan` read them)"),
  ).action(async (planFile: string, opts: RunCliOptions & { playbookDir?: string }) => {
    const forks = parseForks(opts.forks);
    const file = parsePlanFile(readFileSync(planFile, 'utf8'), planFile);
    const inventory = loadInventory(inventorySources(opts.inventory), process.env, { vault: await vaultSecrets(opts), ...(opts.playbookDir !== undefined ? { playbookDir: opts.playbookDir } : {}) });
    warnInventoryNotes(inventory);
    let hostPlans = file.hosts;
    if (opts.limit !== undefined) {
      const m = matchHosts(opts.limit, { hosts: [...inventory.hosts.keys()], groups: inventory.groups });
      const bad = m.problems.map((p) => ({ file: '--limit', line: 1, column: p.offset + 1, path: '', message: p.message }));
      if (bad.length) throw new ConfigError(bad);
      hostPlans = hostPlans.filter((h) => m.hosts.includes(h.host));
    }
    const { plays, missing } = playsFromPlanFile(hostPlans, (name) => inventory.hosts.get(name));
    if (missing.length) {
      throw new ConfigError(missing.map((h) => ({ file: planFile, line: 1, column: 1, path: '', message: `host ${h} is in the plan but not in ${inventory.file}` })));
    }
    const redactor = runRedactor(plays.flatMap((p) => p.hosts), path.dirname(path.resolve(planFile)));
    const { exitCode } = await executeRun({
      plays,
      steps: defaultSteps(),
      ctx: {
        mode: 'apply', check: !!opts.check, diff: !!opts.diff, backupDir: opts.backupDir, playbookDir: path.dirname(path.resolve(planFile)), redactor,
        ...(opts.logDir ? { logDir: opts.logDir } : {}),
      },
      forks,
      ...(opts.json ? { json: opts.json } : {}),
      ...(opts.junit ? { junit: opts.junit } : {}),
      verbosity: opts.verbose,
      meta: { command: 'apply', inventory: inventory.file, toolVersion: toolVersion(), diff: !!opts.diff },
    });
    setExit(exitCode);
  });
};
