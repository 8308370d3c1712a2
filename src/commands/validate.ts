import type { Command } from 'commander';
import { boundMessage } from '../bounded-text';
import { formatIssue } from '../errors';
import { checkRun } from '../playbook/load-run';
import type { RegisterCommand } from './index';

/**
 * `slp validate -i INVENTORY PLAYBOOK [--limit P]`: checks both files without contacting any
 * device and prints, per play, the hosts it matches. Problems throw a ConfigError (exit 2), which
 * cli.ts prints as one `file:line:column: message` line per issue.
 */
export const registerValidate: RegisterCommand = (program: Command, setExit) => {
  program
    .command('validate')
    .description('check an inventory and a playbook (nothing is contacted) and list the hosts each play matches')
    .requiredOption('-i, --inventory <file>', 'Ansible YAML inventory')
    .option('-l, --limit <pattern>', 'further limit selected hosts to an additional pattern')
    .argument('<playbook>', 'playbook YAML file')
    .action((playbookFile: string, opts: { inventory: string; limit?: string }) => {
      const run = checkRun({ inventoryFile: opts.inventory, playbookFile, ...(opts.limit !== undefined ? { limit: opts.limit } : {}) });
      const lines: string[] = [];
      for (const { play, hosts } of run.plays) {
        lines.push(`play ${play.index + 1} "${play.name}" (hosts: ${play.pattern}): ${hosts.length} host(s)`);
        if (hosts.length === 0) lines.push('  (none: skipped by --limit)');
        for (const { host } of hosts) {
          const c = host.connection;
          lines.push(`  ${host.name}  ${c.address}:${c.port}`);
        }
      }
      for (const w of run.warnings) {
        process.stderr.write(`warning: ${boundMessage(formatIssue(w))}; \`slp run\` will need it\n`);
      }
      lines.push(`ok: ${run.inventory.file} and ${run.playbookFile} are valid`);
      process.stdout.write(`${lines.join('\n')}\n`);
      setExit(0);
    });
};
