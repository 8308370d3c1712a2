/**
 * One host's `show running-config`, read once and reused until something may have changed it.
 * Plan, the re-read after a push, verify's settings_as_declared and diagnosis each ask for it;
 * on a real switch each read of a long config takes seconds. Any command that is not a `show`
 * (config, trust, sync, `write memory`, ping…) forgets it, so a read after a change is fresh.
 * Other outputs are never reused: `show license status` moves by itself (trust, sync, reports).
 */
import type { CommandResult, ConfigureOptions, Device, RunOptions } from './device';

const REUSED = new Set(['show running-config']);

export function readOnce(device: Device): Device {
  const cache = new Map<string, CommandResult>();
  return {
    get info() {
      return device.info;
    },
    async run(command: string, options?: RunOptions): Promise<CommandResult> {
      const key = command.trim();
      const kept = cache.get(key);
      if (kept) return kept;
      if (!/^show\s/.test(key)) cache.clear();
      const result = await device.run(command, options);
      if (REUSED.has(key) && !result.failed) cache.set(key, result);
      return result;
    },
    async configure(lines: readonly string[], options?: ConfigureOptions): Promise<CommandResult[]> {
      cache.clear();
      return device.configure(lines, options);
    },
    drainEvents: () => device.drainEvents(),
    close: () => device.close(),
  };
}
