import { readFileSync } from 'node:fs';
import type { RegisterCommand } from './index';
import { ConfigError } from '../errors';
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
      const fleet = await startFleetFromInventory(opts.inventory, { stateDir: opts.stateDir, asyncDelayMs: Number(opts.asyncDelay) }).catch(
        (error: unknown) => {
          throw simStartError(opts.inventory, error);
        },
      );
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

/**
 * What stops the lab before it serves, as one located line (exit 2) instead of a stack trace: an
 * inventory that cannot be read, or a port another program holds (located at the ansible_port
 * that asks for it, when the inventory names it).
 */
export function simStartError(file: string, error: unknown): unknown {
  const e = error as NodeJS.ErrnoException & { port?: number };
  const at = (line: number, column: number, message: string) => new ConfigError([{ file, line, column, path: '', message }]);
  if (e?.syscall === 'open' || e?.syscall === 'read' || e?.code === 'EISDIR' || e?.code === 'ENOENT' || e?.code === 'EACCES') {
    return at(1, 1, `cannot read the inventory: ${e.code ?? e.message}`);
  }
  if (e?.code === 'EADDRINUSE') {
    let line = 1;
    let column = 1;
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      const i = lines.findIndex((l) => new RegExp(`ansible_port\\s*:\\s*["']?${e.port}\\b`).test(l));
      if (i >= 0) {
        line = i + 1;
        column = lines[i]!.indexOf('ansible_port') + 1;
      }
    } catch {
      // The inventory was read a moment ago; without it the error is located at its start.
    }
    return at(line, column, `port ${e.port} on 127.0.0.1 is already in use; stop what listens there or choose another ansible_port`);
  }
  return error;
}
