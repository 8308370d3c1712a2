import { EXIT_CODES } from '../errors';
import type { RunResult } from './run-result';

/**
 * Ansible's exit codes from a run: 4 when any host was unreachable, else 2 when any failed, else 1
 * when Ctrl-C left hosts unrun (the run is not complete, so not 0), else 0.
 */
export function runExitCode(run: Pick<RunResult, 'plays' | 'interrupted'>): number {
  const statuses = run.plays.flatMap((p) => p.hosts.map((h) => h.status));
  if (statuses.includes('unreachable')) return EXIT_CODES.unreachable;
  if (statuses.includes('failed')) return EXIT_CODES.failed;
  if (run.interrupted) return EXIT_CODES.internal;
  return EXIT_CODES.ok;
}
