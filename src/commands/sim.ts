import type { RegisterCommand } from './index';
import { startFleetFromInventory } from '../simulator';

/**
 * `slp sim -i inventory.yaml [--state-dir DIR]`: serves every 127.0.0.1 host of the inventory as a
 * simulated Catalyst 9000 on its ansible_port, one line per host, until Ctrl-C.
 */
export const registerSim: RegisterCommand = (program, setExit) => {
  program
    .command('sim')
    .description('run the simulated Catalyst 9000 lab for the inventory hosts on 127.0.0.1')
    .requiredOption('-i, --inventory <file>', 'inventory file')
    .option('--state-dir <dir>', 'where per-host SSH host keys are kept', '.slp/sim')
    .option('--async-delay <ms>', 'delay before a trust install or sync result lands', '1500')
    .action(async (opts: { inventory: string; stateDir: string; asyncDelay: string }) => {
      const fleet = await startFleetFromInventory(opts.inventory, { stateDir: opts.stateDir, asyncDelayMs: Number(opts.asyncDelay) });
      for (const [name, { port }] of Object.entries(fleet.hosts)) {
        const d = fleet.device(name).state;
        process.stdout.write(`${name.padEnd(16)} 127.0.0.1:${port}  ${d.members[0].pid} x${d.members.length}  IOS XE ${d.version}${Object.keys(d.faults).length ? `  faults: ${Object.keys(d.faults).join(',')}` : ''}\n`);
      }
      process.stdout.write(`${Object.keys(fleet.hosts).length} simulated switches up; Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void fleet.stop().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      setExit(0);
    });
};
