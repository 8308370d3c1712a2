import * as fs from 'fs';
import { openPrivateFile } from '../private-file';

/**
 * A per-host session transcript file (append, mode 0600). It only ever receives text the channel
 * has already redacted, so the file can be shared with a TAC case.
 */
export class Transcript {
  private stream: fs.WriteStream;

  constructor(readonly file: string, host: string, now: Date = new Date()) {
    // Appending to an earlier run's transcript: 0600 is set on the existing file too.
    this.stream = fs.createWriteStream(file, { fd: openPrivateFile(file, 'a') });
    this.stream.write(`### slp-runner session ${host} ${now.toISOString()}\n`);
  }

  write(text: string): void {
    if (text) this.stream.write(text);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}
