import * as fs from 'fs';
import * as path from 'path';

/**
 * A per-host session transcript file (append, mode 0600). It only ever receives text the channel
 * has already redacted, so the file can be shared with a TAC case.
 */
export class Transcript {
  private stream: fs.WriteStream;

  constructor(readonly file: string, host: string, now: Date = new Date()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.stream = fs.createWriteStream(file, { flags: 'a', mode: 0o600 });
    this.stream.write(`### slp-runner session ${host} ${now.toISOString()}\n`);
  }

  write(text: string): void {
    if (text) this.stream.write(text);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}
