import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a report readable by its owner only (0600): reports name hosts, addresses and config.
 * `-` writes to stdout instead. The mode is set again when the file already existed.
 */
export function writeReport(file: string, text: string, stdout: NodeJS.WritableStream = process.stdout): void {
  if (file === '-') {
    stdout.write(text);
    return;
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}
