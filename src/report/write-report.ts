import { writePrivateFile } from '../private-file';

/**
 * Writes a report readable by its owner only (0600): reports name hosts, addresses and config.
 * `-` writes to stdout instead. The mode is set again when the file already existed (src/private-file).
 */
export function writeReport(file: string, text: string, stdout: NodeJS.WritableStream = process.stdout): void {
  if (file === '-') {
    stdout.write(text);
    return;
  }
  writePrivateFile(file, text);
}
