import type { Command } from 'commander';
import { ConfigError } from '../errors';
import { matchHosts } from '../inventory/host-pattern';
import { loadInventory } from '../inventory/load-inventory';
import type { InventoryHost } from '../inventory/inventory';
import { renderDiagnosisText } from '../report/diagnosis-text';
import { defaultSteps } from '../runner/default-steps';
import { executeRun } from '../runner/execute-run';
import type { RunnerPlay } from '../runner/run-playbook';
import { runRedactor } from '../runner/run-secrets';
import { toolVersion } from './run';
import type { RegisterCommand } from './index';
import { addShardOptions, reportShard, shardFromCli, type ShardCliOptions } from './shard-options';
import { selectShard, shardBanner } from '../inventory/shard';
import { inventoryDigest } from '../inventory/digest';
import { addVaultOptions, vaultSecrets, type VaultFlags } from './vault-options';
import { collectOption, INVENTORY_HELP, inventorySources, warnInventoryNotes } from './inventory-option';

/**
 * Hosts diagnosed at once by default: fewer than `slp run`'s 50, as each diagnosis reads the
 * tech-support and probes toward CSSM.
 */
export const DIAGNOSE_FORKS = 5;

interface DiagnoseFlags extends ShardCliOptions, Partial<VaultFlags> {
  html?: string;
  inventory: string[];
  limit?: string;
  json?: string;
  capture?: boolean;
  debugs?: string;
  forks: string;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new ConfigError([{ file: flag, line: 1, column: 1, path: '', message: `${flag} must be a whole number ≥ 1 (got ${value})` }]);
  }
  return n;
}

function selectHosts(hosts: Map<string, InventoryHost>, groups: Map<string, { hosts: string[] }>, limit: string | undefined): string[] {
  const names = [...hosts.keys()];
  if (limit === undefined) return names;
  const m = matchHosts(limit, { hosts: names, groups });
  const issues = m.problems.map((p) => ({ file: '--limit', line: 1, column: p.offset + 1, path: '', message: p.message }));
  if (!issues.length && !m.hosts.length) issues.push({ file: '--limit', line: 1, column: 1, path: '', message: `--limit "${limit}" matches no host` });
  if (issues.length) throw new ConfigError(issues);
  return m.hosts;
}

/** The one play a diagnosis runs: every selected host, in inventory order. */
export function diagnosePlay(hosts: readonly InventoryHost[], pattern: string): RunnerPlay {
  return { play: { index: 0, name: 'diagnose', pattern, save: false }, hosts: hosts.map((host) => ({ host })) };
}

/**
 * `slp diagnose -i INVENTORY [--limit P] [--json FILE|-] [--capture] [--debugs SECONDS]`: walks
 * the SLP troubleshooting guide on each host and names one cause with evidence and a remedy. It
 * runs as a mode of the runner (its pool, error classification, exit codes and JSON report):
 * exit 0 all healthy, 2 some cause found, 4 some host unreachable.
 */
export const registerDiagnose: RegisterCommand = (program: Command, setExit) => {
  addShardOptions(addVaultOptions(program.command('diagnose'))
    .description('find why switches do not report to CSSM: one cause per host, with the device lines that prove it and a remedy')
    .option('-i, --inventory <source>', INVENTORY_HELP, collectOption)
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('--json <file>', 'also write the runner\'s JSON report to this file ("-" = stdout, instead of the text)')
    .option('--capture', 'capture the HTTPS exchange on the egress port during a sync and export it to flash')
    .option('--debugs <seconds>', 'turn on HTTP client / TLS / PKI debugs for this many seconds (max 300), then undebug all')
    .option('-f, --forks <n>', 'hosts diagnosed at once', String(DIAGNOSE_FORKS))
    .option('--html <file>', 'write the fleet report page (one self-contained HTML file) here'))
    .action(async (opts: DiagnoseFlags) => {
      const inventory = loadInventory(inventorySources(opts.inventory), process.env, { vault: await vaultSecrets(opts) });
      warnInventoryNotes(inventory);
      const forks = positive(opts.forks, '--forks');
      const debugSeconds = opts.debugs !== undefined ? positive(opts.debugs, '--debugs') : undefined;
      const shard = shardFromCli(opts);
      const limited = selectHosts(inventory.hosts, inventory.groups, opts.limit);
      const names = shard ? selectShard(limited, shard, (h) => inventory.hosts.get(h)!.groups) : limited;
      if (shard) process.stderr.write(shardBanner(shard, names.length, limited.length));
      const play = diagnosePlay(names.map((name) => inventory.hosts.get(name)!), opts.limit ?? 'all');
      // The same secrets the driver hides in its own transcripts, so text and JSON agree.
      const redactor = runRedactor(play.hosts, '.');
      const { exitCode } = await executeRun({
        plays: [play],
        steps: defaultSteps(),
        ctx: {
          mode: 'diagnose', check: false, diff: false, backupDir: 'backups', playbookDir: '.', redactor,
          diagnose: { ...(opts.capture ? { capture: true } : {}), ...(debugSeconds !== undefined ? { debugSeconds } : {}) },
        },
        forks,
        ...(opts.json !== undefined ? { json: opts.json } : {}),
        ...(opts.html !== undefined ? { html: opts.html } : {}),
        text: (run) => renderDiagnosisText(run, redactor),
        meta: {
          command: 'diagnose', inventory: inventory.file, toolVersion: toolVersion(),
          digests: { playbook: null, inventory: inventoryDigest(inventory) },
          fleetHosts: [limited],
          ...(shard ? { shard: reportShard(shard)! } : {}),
        },
      });
      setExit(exitCode);
    });
};
