import path from 'node:path';
import { writePrivateFileAsync } from '../private-file';
import type { Redactor } from '../redact';

/** `2025-01-24T23:19:05.144Z` → `2025-01-24T23-19-05-144Z`: sortable and valid on every OS. */
export function backupTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Writes the running-config to `<dir>/<host>/<timestamp>.cfg`, redacted (enable secrets and
 * passwords in the config never reach the disk) and readable by the owner only (0600, in 0700
 * folders).
 */
export async function writeBackup(
  dir: string,
  host: string,
  runningConfig: string,
  redactor: Redactor,
  now: Date,
): Promise<string> {
  const hostDir = path.join(dir, host.replace(/[^A-Za-z0-9._-]/g, '_'));
  // Never overwrite a backup: two runs in the same millisecond get `-1`, `-2`, …
  for (let n = 0; ; n++) {
    const file = path.join(hostDir, `${backupTimestamp(now)}${n ? `-${n}` : ''}.cfg`);
    try {
      await writePrivateFileAsync(file, redactor.redact(runningConfig), 'wx');
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
    }
  }
}
