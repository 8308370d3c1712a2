import type { Command } from 'commander';
import { stringify } from 'yaml';
import { ConfigError } from '../errors';
import { inventoryHostJson, inventoryListJson, inventoryListYamlShape } from '../inventory/inventory-json';
import { loadInventory } from '../inventory/load-inventory';
import { suggestion } from '../schema/did-you-mean';
import { addInventoryOption, inventorySources, warnInventoryNotes } from './inventory-option';
import type { RegisterCommand } from './index';
import { addVaultOptions, vaultSecrets, type VaultFlags } from './vault-options';

/**
 * `slp inventory -i SRC --list | --host NAME [-y]`: the inventory as slp reads it, in the JSON
 * (or YAML) shape of `ansible-inventory`, so the two can be compared. Nothing is contacted.
 */
export const registerInventory: RegisterCommand = (program: Command, setExit) => {
  addVaultOptions(addInventoryOption(program.command('inventory').description('show the inventory as slp reads it, in the shape `ansible-inventory --list` prints')))
    .option('--list', 'output all hosts info')
    .option('--host <name>', 'output the variables of one host')
    .option('--playbook-dir <dir>', "also read this folder's group_vars/ and host_vars/")
    .option('-y, --yaml', 'use YAML format instead of JSON (with --list: a YAML inventory, as ansible-inventory -y)')
    .action(async (opts: Partial<VaultFlags> & { inventory: string[]; list?: boolean; host?: string; playbookDir?: string; yaml?: boolean }) => {
      if (!opts.list === (opts.host === undefined)) {
        throw new ConfigError([{ file: 'slp inventory', line: 1, column: 1, path: '', message: 'give exactly one of --list or --host NAME' }]);
      }
      const vault = await vaultSecrets(opts);
      const inventory = loadInventory(inventorySources(opts.inventory), process.env, { vault, ...(opts.playbookDir !== undefined ? { playbookDir: opts.playbookDir } : {}) });
      warnInventoryNotes(inventory);
      let value: unknown;
      if (opts.host !== undefined) {
        value = inventoryHostJson(inventory, opts.host);
        if (value === undefined) {
          const hint = suggestion(opts.host, [...inventory.hosts.keys()]);
          throw new ConfigError([{ file: '--host', line: 1, column: 1, path: '', message: `"${opts.host}" is not a host in the inventory${hint}` }]);
        }
      } else value = opts.yaml ? inventoryListYamlShape(inventory) : inventoryListJson(inventory);
      process.stdout.write(opts.yaml ? stringify(value, { version: '1.1' }) : `${JSON.stringify(value, null, 4)}\n`);
      setExit(0);
    });
};
