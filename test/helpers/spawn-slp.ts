import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/slp.js');

/**
 * Spawns the built CLI (`npm test` builds first) without blocking the event loop, so simulated
 * switches started in the test process keep answering while it runs. `cwd` lets a test see every
 * file the CLI writes by default (relative paths such as `backups/`).
 */
export function slp(
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, NO_COLOR: '1' }, ...(options.cwd ? { cwd: options.cwd } : {}) });
    // Lets a test signal the running CLI (Ctrl-C is SIGINT).
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
