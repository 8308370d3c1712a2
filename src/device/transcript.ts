import * as fs from 'fs';
import * as path from 'path';
import { SlpError } from '../errors';
import { PRIVATE_MODE } from '../private-file';

/** The transcript folder holds one file per host with everything typed and read: owner only. */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * A per-host session transcript file (append, mode 0600) in a folder that is 0700. It only ever
 * receives text the channel has already redacted, so the file can be shared with a TAC case.
 * A symbolic link where the folder or the file should be is refused: writing through it would put
 * a session where someone else chose.
 */
export class Transcript {
  private stream: fs.WriteStream;
  /** Why the transcript stopped being written, if it did. */
  error: Error | undefined;

  constructor(readonly file: string, host: string, now: Date = new Date()) {
    this.stream = fs.createWriteStream(file, { fd: openTranscriptFile(file) });
    // A full disk or an I/O error stops the transcript, not the session nor the process.
    this.stream.on('error', (err) => {
      this.error ??= err;
    });
    this.stream.write(`### slp-runner session ${host} ${now.toISOString()}\n`);
  }

  write(text: string): void {
    if (text && !this.error) this.stream.write(text);
  }

  close(): Promise<void> {
    if (this.error || this.stream.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.stream.once('error', () => resolve());
      this.stream.end(() => resolve());
    });
  }
}

/** Creates (or tightens to 0700) the transcript folder; refuses a symbolic link or a file there. */
export function prepareTranscriptDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const st = fs.lstatSync(dir);
  if (st.isSymbolicLink()) throw new SlpError(`${dir}: the transcript folder is a symbolic link; refusing to write through it`);
  if (!st.isDirectory()) throw new SlpError(`${dir}: the transcript folder is not a folder`);
  if ((st.mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Opens `file` for appending, 0600 even if it existed, never through a symbolic link. */
function openTranscriptFile(file: string): number {
  prepareTranscriptDir(path.dirname(path.resolve(file)));
  const { O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW } = fs.constants;
  let fd: number;
  try {
    fd = fs.openSync(file, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, PRIVATE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new SlpError(`${file}: the transcript file is a symbolic link; refusing to write through it`);
    }
    throw error;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new SlpError(`${file}: the transcript file is not a regular file`);
    fs.fchmodSync(fd, PRIVATE_MODE);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  return fd;
}
