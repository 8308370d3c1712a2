import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../errors';
import { loadRun } from '../playbook/load-run';
import { defaultSteps } from '../runner/default-steps';
import { executeRun } from '../runner/execute-run';
import { DEFAULT_FORKS } from '../runner/run-playbook';
import { runRedactor } from '../runner/run-secrets';
import type { RegisterCommand } from './index';
import { inventoryDigest } from '../inventory/digest';
import { addShardOptions, fileDigest, reportShard, shardFromCli, type ShardCliOptions } from './shard-options';
import { shardBanner } from '../inventory/shard';
import { addVaultOptions, vaultSecrets, type VaultFlags } from './vault-options';
import { addInventoryOption, inventorySources, warnInventoryNotes } from './inventory-option';

export interface RunCliOptions extends ShardCliOptions, Partial<VaultFlags> {
  inventory: string[];
  check?: boolean;
  diff?: boolean;
  limit?: string;
  forks: string;
  maxSessions?: string;
  json?: string;
  junit?: string;
  html?: string;
  logDir?: string;
  backupDir: string;
  verbose: number;
}

/** Ansible's option phrasing (lib/ansible/cli/arguments/option_helpers.py) where it applies. */
export function addRunOptions(cmd: Command): Command {
  return addShardOptions(addVaultOptions(addInventoryOption(cmd))
    .option('-C, --check', "don't make any changes; instead, try to predict some of the changes that may occur")
    .option('-D, --diff', 'show the differences in the owned running-config lines; works great with --check')
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('-f, --forks <n>', 'specify number of parallel hosts to use', String(DEFAULT_FORKS))
    .option('--max-sessions <n>', 'open SSH sessions at once, hosts waiting on their switch included (when not given: 4 × forks, at most 1000)')
    .option('--json <file>', 'write the JSON report to this file (- for stdout: the JSON alone, the recap to stderr)')
    .option('--junit <file>', 'write a JUnit XML report to this file (- for stdout, as --json -)')
    .option('--html <file>', 'write the fleet report page (one self-contained HTML file) here')
    .option('--log-dir <dir>', 'write a redacted session transcript per host here')
    .option('--backup-dir <dir>', 'where running-config backups go before a change', 'backups')
    .option('-v, --verbose', 'show each host\'s steps (-vv: also the commands sent)', (_v: string, n: number) => n + 1, 0));
}

export function parseForks(value: string, flag = '--forks'): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new ConfigError([{ file: flag, line: 1, column: 1, path: '', message: `${flag} must be a whole number ≥ 1 (got "${value}")` }]);
  }
  return n;
}

/** `--max-sessions`, when given: at least `--forks` (a working host holds a session too). */
export function parseMaxSessions(value: string | undefined, forks: number): { maxSessions?: number } {
  if (value === undefined) return {};
  const n = parseForks(value, '--max-sessions');
  if (n < forks) {
    throw new ConfigError([{ file: '--max-sessions', line: 1, column: 1, path: '', message: `--max-sessions (${n}) must be at least --forks (${forks})` }]);
  }
  return { maxSessions: n };
}

/**
 * `slp run PLAYBOOK -i INVENTORY …`: everything is loaded and validated first (bad input exits 2
 * before any connection), then every play runs; the recap goes to stdout, progress to stderr.
 */
export const registerRun: RegisterCommand = (program, setExit) => {
  addRunOptions(
    program
      .command('run')
      .description('bring the hosts to the playbook\'s SLP state, verify, and diagnose failures')
      .argument('<playbook>', 'playbook YAML file'),
  ).action(async (playbookFile: string, opts: RunCliOptions) => {
    const forks = parseForks(opts.forks);
    const sessions = parseMaxSessions(opts.maxSessions, forks);
    const shard = shardFromCli(opts);
    const vault = await vaultSecrets(opts);
    const loaded = loadRun({ inventoryFile: inventorySources(opts.inventory), vault, playbookFile, ...(opts.limit !== undefined ? { limit: opts.limit } : {}), ...(shard ? { shard } : {}) });
    warnInventoryNotes(loaded.inventory);
    if (shard) process.stderr.write(shardBanner(shard, new Set(loaded.plays.flatMap((p) => p.hosts.map((h) => h.host.name))).size, new Set(loaded.fleetHosts.flat()).size));
    const playbookDir = path.dirname(path.resolve(playbookFile));
    const redactor = runRedactor(loaded.plays.flatMap((p) => p.hosts), playbookDir);
    const { exitCode } = await executeRun({
      plays: loaded.plays,
      steps: defaultSteps(),
      ctx: {
        mode: 'run', check: !!opts.check, diff: !!opts.diff, backupDir: opts.backupDir, playbookDir, redactor,
        ...(opts.logDir ? { logDir: opts.logDir } : {}),
      },
      forks,
      ...sessions,
      ...(opts.json ? { json: opts.json } : {}),
      ...(opts.junit ? { junit: opts.junit } : {}),
      ...(opts.html ? { html: opts.html } : {}),
      verbosity: opts.verbose,
      meta: {
        command: 'run', playbook: playbookFile, inventory: loaded.inventory.file, toolVersion: toolVersion(), diff: !!opts.diff,
        digests: { playbook: fileDigest(playbookFile), inventory: inventoryDigest(loaded.inventory) },
        fleetHosts: loaded.fleetHosts,
        ...(shard ? { shard: reportShard(shard)! } : {}),
      },
    });
    setExit(exitCode);
  });
};

export function toolVersion(): string {
  return (require('../../package.json') as { version: string }).version;
}
