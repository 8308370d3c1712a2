/**
 * What `slp run` and `slp plan` do before the runner starts: read the inventory sources (with
 * vault secrets), load and check the playbook for the --limit and shard, print the inventory notes
 * and the shard banner, and seed the run's redactor. Also the report metadata both record.
 */
import path from 'node:path';
import { inventoryDigest } from '../inventory/digest';
import { shardBanner, type Shard } from '../inventory/shard';
import { loadRun, type LoadedRun } from '../playbook/load-run';
import type { Redactor } from '../redact';
import type { ReportMeta } from '../report/json-report';
import { runRedactor } from '../runner/run-secrets';
import { inventorySources, warnInventoryNotes } from './inventory-option';
import { fileDigest, reportShard, shardFromCli, type ShardCliOptions } from './shard-options';
import { vaultSecrets, type VaultFlags } from './vault-options';

export interface PlaybookRunFlags extends ShardCliOptions, Partial<VaultFlags> {
  inventory?: string[];
  limit?: string;
}

export interface PlaybookRun {
  loaded: LoadedRun;
  /** The inventory sources read, in order (-i, else ANSIBLE_INVENTORY, else ansible.cfg). */
  sources: string[];
  shard?: Shard;
  playbookDir: string;
  redactor: Redactor;
}

export async function loadPlaybookRun(playbookFile: string, opts: PlaybookRunFlags): Promise<PlaybookRun> {
  const shard = shardFromCli(opts);
  const sources = inventorySources(opts.inventory);
  const loaded = loadRun({
    inventoryFile: sources, vault: await vaultSecrets(opts), playbookFile,
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}), ...(shard ? { shard } : {}),
  });
  warnInventoryNotes(loaded.inventory);
  const names = (plays: readonly { hosts: readonly { host: { name: string } }[] }[]): number => new Set(plays.flatMap((p) => p.hosts.map((h) => h.host.name))).size;
  if (shard) process.stderr.write(shardBanner(shard, names(loaded.plays), new Set(loaded.fleetHosts.flat()).size));
  const playbookDir = path.dirname(path.resolve(playbookFile));
  return { loaded, sources, ...(shard ? { shard } : {}), playbookDir, redactor: runRedactor(loaded.plays.flatMap((p) => p.hosts), playbookDir) };
}

/** The JSON report's metadata for a playbook run: inputs, their digests, the fleet and the shard. */
export function playbookRunMeta(command: 'run' | 'plan', playbookFile: string, r: PlaybookRun, toolVersion: string, diff: boolean): Omit<ReportMeta, 'exitCode'> {
  return {
    command, playbook: playbookFile, inventory: r.loaded.inventory.file, toolVersion, diff,
    digests: { playbook: fileDigest(playbookFile), inventory: inventoryDigest(r.loaded.inventory) },
    fleetHosts: r.loaded.fleetHosts,
    ...(r.shard ? { shard: reportShard(r.shard)! } : {}),
  };
}
