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

/**
 * Spawns the CLI as a CI job sees it: `CI=1` (plain progress lines), NODE_ENV unset (jest sets it
 * to `test`, which would pick listr2's test renderer), the trust token in SLP_IDTOKEN.
 */
export function slpAsCi(
  args: string[],
  options: { cwd: string; token: string; env?: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SLP_IDTOKEN: options.token, CI: '1', ...options.env };
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
