import type { Command } from 'commander';
import { boundMessage } from '../bounded-text';
import { formatIssue } from '../errors';
import { checkRun } from '../playbook/load-run';
import type { RegisterCommand } from './index';
import { ConfigError } from '../errors';
import { parseShardSpec, resolveShard, shardTable } from '../inventory/shard';
import { addVaultOptions, vaultSecrets, type VaultFlags } from './vault-options';
import { collectOption, INVENTORY_HELP, inventorySources, warnInventoryNotes } from './inventory-option';

/**
 * `slp validate -i INVENTORY PLAYBOOK [--limit P]`: checks both files without contacting any
 * device and prints, per play, the hosts it matches. Problems throw a ConfigError (exit 2), which
 * cli.ts prints as one `file:line:column: message` line per issue.
 */
export const registerValidate: RegisterCommand = (program: Command, setExit) => {
  addVaultOptions(program.command('validate'))
    .description('check an inventory and a playbook (nothing is contacted) and list the hosts each play matches')
    .option('-i, --inventory <source>', INVENTORY_HELP, collectOption)
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .option('--shard [N|I/N]', 'also list the hosts of each of N shards (I/N: mark shard I; no value: from the environment as `slp run` reads it)')
    .option('--shard-by <prefix>', 'as `slp run --shard-by`: keep each group starting with this prefix on one shard')
    .argument('<playbook>', 'playbook YAML file')
    .action(async (playbookFile: string, opts: Partial<VaultFlags> & { inventory: string[]; limit?: string; shard?: string | true; shardBy?: string }) => {
      const run = checkRun({ inventoryFile: inventorySources(opts.inventory), vault: await vaultSecrets(opts), playbookFile, ...(opts.limit !== undefined ? { limit: opts.limit } : {}) });
      const lines: string[] = [];
      for (const { play, hosts } of run.plays) {
        lines.push(`play ${play.index + 1} "${play.name}" (hosts: ${play.pattern}): ${hosts.length} host(s)`);
        if (hosts.length === 0) lines.push('  (none: skipped by --limit)');
        for (const { host } of hosts) {
          const c = host.connection;
          lines.push(`  ${host.name}  ${c.address}:${c.port}`);
        }
      }
      if (opts.shard !== undefined) lines.push(...shardLines(run.fleetHosts, opts.shard, opts.shardBy, (h) => run.inventory.hosts.get(h)!.groups));
      warnInventoryNotes(run.inventory);
      for (const w of run.warnings) {
        process.stderr.write(`warning: ${boundMessage(formatIssue(w))}; \`slp run\` will need it\n`);
      }
      lines.push(`ok: ${run.inventory.file} and ${run.playbookFile} are valid`);
      process.stdout.write(`${lines.join('\n')}\n`);
      setExit(0);
    });
};

/** `--shard`: every shard's hosts (all plays' hosts together: a host is in one shard for every play). */
function shardLines(fleetHosts: string[][], flag: string | true, by: string | undefined, groupsOf: (h: string) => readonly string[]): string[] {
  let total: number;
  let mine: number | undefined;
  if (flag === true) {
    const s = resolveShard(undefined, by, process.env);
    if (!s) throw new ConfigError([{ file: '--shard', line: 1, column: 1, path: '', message: '--shard without a value reads SLP_SHARD, JOB_COMPLETION_INDEX+SLP_SHARD_TOTAL or CI_NODE_INDEX+CI_NODE_TOTAL, and none is set' }]);
    ({ total, index: mine } = s);
  } else if (/^\s*\d+\s*$/.test(flag)) {
    ({ total } = parseShardSpec(`1/${flag.trim()}`, '--shard'));
  } else {
    ({ total, index: mine } = parseShardSpec(flag, '--shard'));
  }
  const hosts = [...new Set(fleetHosts.flat())];
  const table = shardTable(hosts, total, by, groupsOf);
  const lines = [`shards: ${hosts.length} host(s) in ${total} shard(s)${by !== undefined ? ` by groups ${by}*` : ''}`];
  table.forEach((names, i) => {
    lines.push(`shard ${i + 1}/${total}${mine === i + 1 ? ' (this one)' : ''}: ${names.length} host(s)`);
    for (const n of names) lines.push(`  ${n}`);
  });
  return lines;
}
