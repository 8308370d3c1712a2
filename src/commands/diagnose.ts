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
import { basename } from 'node:path';
import { CaptureInputError, readCapturePath } from '../diagnose/capture-input';
import { offlineDiagnoseStep } from '../diagnose/diagnose-step';
import { diagnoseCapture } from '../diagnose/offline';
import type { Device } from '../device/device';
import type { HostSteps } from '../runner/host-steps';
import type { Capture } from '../parsers/capture-file';

/**
 * Hosts diagnosed at once by default: fewer than `slp run`'s 50, as each diagnosis reads the
 * tech-support and probes toward CSSM.
 */
export const DIAGNOSE_FORKS = 5;

interface DiagnoseFlags extends ShardCliOptions, Partial<VaultFlags> {
  html?: string;
  inventory?: string[];
  from?: string;
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

function flagError(flag: string, message: string): ConfigError {
  return new ConfigError([{ file: flag, line: 1, column: 1, path: '', message }]);
}

/** A capture stands in for a host: no address, no session. */
function captureHost(name: string): InventoryHost {
  return {
    name, groups: ['all'], vars: {},
    connection: { address: 'offline', port: 22, username: '', hostKeyChecking: 'off', connectTimeoutMs: 0, commandTimeoutMs: 0 },
  };
}

/** No device behind an offline diagnosis: anything that tries to talk to one is a bug. */
const NO_DEVICE: Device = {
  info: { host: 'offline', prompt: '', hostname: '' },
  run: () => Promise.reject(new Error('slp diagnose --from: no device to run commands on')),
  configure: () => Promise.reject(new Error('slp diagnose --from: no device to configure')),
  drainEvents: () => [],
  close: () => Promise.resolve(),
};

/** The runner's steps with the capture in place of the session: connect opens nothing. */
function offlineSteps(capture: Capture): HostSteps {
  return {
    ...defaultSteps(),
    connect: async () => NO_DEVICE,
    diagnose: (_device, _job, _ctx, _failure, steps) => offlineDiagnoseStep(steps, () => diagnoseCapture(capture)),
  };
}

/** Reads --from before anything else: an unreadable or empty capture is bad input (exit 2). */
function readFrom(path: string): Capture {
  let capture: Capture;
  try {
    capture = readCapturePath(path);
  } catch (err) {
    if (err instanceof CaptureInputError) throw flagError(path, err.message.replace(`${path}: `, ''));
    throw err;
  }
  if (capture.commands.length === 0) throw flagError(path, 'no device output recognised in the capture (expected show commands with their prompts, a tech-support bundle, or one output named by its file)');
  return capture;
}

/**
 * `slp diagnose -i INVENTORY [--limit P] [--json FILE|-] [--capture] [--debugs SECONDS]`: walks
 * the SLP troubleshooting guide on each host and names one cause with evidence and a remedy. It
 * runs as a mode of the runner (its pool, error classification, exit codes and JSON report):
 * exit 0 all healthy, 2 some cause found, 4 some host unreachable. `slp diagnose --from PATH`
 * runs the same rules over saved outputs, through the same runner and reports, with no SSH.
 */
export const registerDiagnose: RegisterCommand = (program: Command, setExit) => {
  addShardOptions(addVaultOptions(program.command('diagnose'))
    .description('find why switches do not report to CSSM: one cause per host, with the device lines that prove it and a remedy')
    .option('-i, --inventory <source>', `${INVENTORY_HELP}; or --from`, collectOption)
    .option('--from <path>', 'diagnose saved outputs instead of switches: one file (a session log, a tech-support bundle, one output) or a folder of one file per command; no SSH')
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('--json <file>', 'also write the runner\'s JSON report to this file ("-" = stdout, instead of the text)')
    .option('--capture', 'capture the HTTPS exchange on the egress port during a sync and export it to flash')
    .option('--debugs <seconds>', 'turn on HTTP client / TLS / PKI debugs for this many seconds (max 300), then undebug all')
    .option('-f, --forks <n>', 'hosts diagnosed at once', String(DIAGNOSE_FORKS))
    .option('--html <file>', 'write the fleet report page (one self-contained HTML file) here'))
    .action(async (opts: DiagnoseFlags) => {
      // Without either, the inventory comes from ANSIBLE_INVENTORY or ansible.cfg, as for `slp run`.
      if (opts.inventory !== undefined && opts.from !== undefined) {
        throw flagError('--from', 'give either -i INVENTORY (diagnose switches) or --from PATH (diagnose saved outputs), not both');
      }
      if (opts.from !== undefined) {
        if (opts.capture || opts.debugs !== undefined || opts.limit !== undefined) {
          throw flagError('--from', '--capture, --debugs and --limit need a switch; they do not apply to --from');
        }
        const capture = readFrom(opts.from);
        const play = diagnosePlay([captureHost(basename(opts.from))], 'all');
        const redactor = runRedactor(play.hosts, '.');
        const { exitCode } = await executeRun({
          plays: [play],
          steps: offlineSteps(capture),
          ctx: { mode: 'diagnose', check: false, diff: false, backupDir: 'backups', playbookDir: '.', redactor },
          forks: 1,
          ...(opts.json !== undefined ? { json: opts.json } : {}),
          ...(opts.html !== undefined ? { html: opts.html } : {}),
          text: (run) => renderDiagnosisText(run, redactor),
          meta: { command: 'diagnose', inventory: opts.from, toolVersion: toolVersion() },
        });
        setExit(exitCode);
        return;
      }
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
