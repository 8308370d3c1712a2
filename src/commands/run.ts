import type { Command } from 'commander';
import { ConfigError } from '../errors';
import { defaultSteps } from '../runner/default-steps';
import { executeRun, type ExecuteOptions } from '../runner/execute-run';
import type { StepContext } from '../runner/host-steps';
import { DEFAULT_FORKS } from '../runner/run-playbook';
import type { RegisterCommand } from './index';
import { addShardOptions, type ShardCliOptions } from './shard-options';
import { loadPlaybookRun, playbookRunMeta } from './playbook-run';
import { addVaultOptions, type VaultFlags } from './vault-options';
import { addInventoryOption } from './inventory-option';

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
 * What `slp run` and `slp apply` hand the runner from the shared run options: forks and sessions,
 * the reports asked for, verbosity, and the context fields both set the same way.
 */
export function runFlagsFor(opts: RunCliOptions): Pick<ExecuteOptions, 'forks' | 'maxSessions' | 'json' | 'junit' | 'html' | 'verbosity'> & { ctx: Pick<StepContext, 'check' | 'diff' | 'backupDir' | 'logDir'> } {
  const forks = parseForks(opts.forks);
  return {
    forks,
    ...parseMaxSessions(opts.maxSessions, forks),
    ...(opts.json ? { json: opts.json } : {}),
    ...(opts.junit ? { junit: opts.junit } : {}),
    ...(opts.html ? { html: opts.html } : {}),
    verbosity: opts.verbose,
    ctx: { check: !!opts.check, diff: !!opts.diff, backupDir: opts.backupDir, ...(opts.logDir ? { logDir: opts.logDir } : {}) },
  };
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
    const { ctx, ...flags } = runFlagsFor(opts);
    const r = await loadPlaybookRun(playbookFile, opts);
    const { exitCode } = await executeRun({
      plays: r.loaded.plays,
      steps: defaultSteps(),
      ctx: { mode: 'run', ...ctx, playbookDir: r.playbookDir, redactor: r.redactor },
      ...flags,
      meta: playbookRunMeta('run', playbookFile, r, toolVersion(), !!opts.diff),
    });
    setExit(exitCode);
  });
};

export function toolVersion(): string {
  return (require('../../package.json') as { version: string }).version;
}
