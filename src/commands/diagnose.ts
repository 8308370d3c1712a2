import type { Command } from 'commander';
import { connectDevice } from '../device';
import { ConfigError } from '../errors';
import { matchHosts } from '../inventory/host-pattern';
import { loadInventory } from '../inventory/load-inventory';
import type { InventoryHost } from '../inventory/inventory';
import { Redactor } from '../redact';
import { writeReport } from '../report/write-report';
import { connectionSecrets, connectOptionsFor } from '../runner/connect-options';
import { diagnoseExitCode, diagnoseFleet, DEFAULT_FORKS } from '../diagnose/fleet';
import { formatReports, reportsJson } from '../diagnose/report';
import type { RegisterCommand } from './index';
import { addVaultOptions, vaultSecrets, type VaultFlags } from './vault-options';
import { INVENTORY_HELP, inventorySources, warnInventoryNotes } from './inventory-option';

interface DiagnoseFlags extends Partial<VaultFlags> {
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

/**
 * `slp diagnose -i INVENTORY [--limit P] [--json FILE|-] [--capture] [--debugs SECONDS]`: walks
 * the SLP troubleshooting guide on each host and names one cause with evidence and a remedy.
 * Exit 0 all healthy, 2 some cause found, 4 some host unreachable.
 */
export const registerDiagnose: RegisterCommand = (program: Command, setExit) => {
  addVaultOptions(program.command('diagnose'))
    .description('find why switches do not report to CSSM: one cause per host, with the device lines that prove it and a remedy')
    .option('-i, --inventory <source>', INVENTORY_HELP, (v: string, p: string[]) => [...p, v], [] as string[])
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('--json <file>', 'also write the result as JSON to this file ("-" = stdout, instead of the text)')
    .option('--capture', 'capture the HTTPS exchange on the egress port during a sync and export it to flash')
    .option('--debugs <seconds>', 'turn on HTTP client / TLS / PKI debugs for this many seconds (max 300), then undebug all')
    .option('-f, --forks <n>', 'hosts diagnosed at once', String(DEFAULT_FORKS))
    .action(async (opts: DiagnoseFlags) => {
      const inventory = loadInventory(inventorySources(opts.inventory), process.env, { vault: await vaultSecrets(opts) });
      warnInventoryNotes(inventory);
      const forks = positive(opts.forks, '--forks');
      const debugSeconds = opts.debugs !== undefined ? positive(opts.debugs, '--debugs') : undefined;
      const names = selectHosts(inventory.hosts, inventory.groups, opts.limit);
      // The same secrets the driver hides in its own transcripts, so text and JSON agree.
      const redactor = new Redactor(names.flatMap((name) => connectionSecrets(inventory.hosts.get(name)!)));
      const reports = await diagnoseFleet(
        names,
        (name) => connectDevice(connectOptionsFor(inventory.hosts.get(name)!)),
        { forks, ...(opts.capture ? { capture: true } : {}), ...(debugSeconds !== undefined ? { debugSeconds } : {}) },
      );
      const json = opts.json !== undefined ? reportsJson(reports, redactor, new Date()) : undefined;
      if (opts.json === '-') process.stdout.write(json!);
      else {
        process.stdout.write(formatReports(reports, redactor));
        if (opts.json !== undefined) writeReport(opts.json, json!);
      }
      setExit(diagnoseExitCode(reports));
    });
};
