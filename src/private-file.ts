/**
 * The one way the tool opens a file it writes: owner-only (0600). `mode` of open/writeFile only
 * applies when the file is created, so a report, transcript or plan file that already existed
 * with 0644 would otherwise stay world-readable; the descriptor is chmod-ed right after opening
 * (fchmod on the open file, not a second lookup of the path, so a swapped path cannot be hit).
 * The parent folder is created as needed.
 */
import { closeSync, fchmodSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';

export const PRIVATE_MODE = 0o600;

/** 'w' truncates, 'a' appends, 'wx' refuses an existing file (EEXIST). Returns the descriptor. */
export function openPrivateFile(file: string, flags: 'w' | 'a' | 'wx' = 'w'): number {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fd = openSync(file, flags, PRIVATE_MODE);
  try {
    fchmodSync(fd, PRIVATE_MODE);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/**
 * Writes (or, with 'a', appends) `text` to `file`, which is 0600 afterwards whatever it was. Text
 * in pieces (a report too big for one string) is encoded into one reused buffer and written as
 * it fills.
 */
export function writePrivateFile(file: string, text: string | Uint8Array | Iterable<string>, flags: 'w' | 'a' | 'wx' = 'w'): void {
  const fd = openPrivateFile(file, flags);
  try {
    if (typeof text === 'string' || text instanceof Uint8Array) writeFileSync(fd, text);
    else writePieces(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Bytes encoded before each write: one allocation per file, not one per piece. */
const PIECES_BUFFER = 1 << 20;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 for 2). */
const MAX_UTF8_PER_UNIT = 3;

function writePieces(fd: number, pieces: Iterable<string>): void {
  const buffer = Buffer.allocUnsafe(PIECES_BUFFER);
  let used = 0;
  const flush = (): void => {
    writeAll(fd, buffer, used);
    used = 0;
  };
  for (const piece of pieces) {
    const most = piece.length * MAX_UTF8_PER_UNIT;
    if (most > PIECES_BUFFER - used) flush();
    if (most > PIECES_BUFFER) {
      const bytes = Buffer.from(piece);
      writeAll(fd, bytes, bytes.length);
    } else {
      used += buffer.write(piece, used);
    }
  }
  flush();
}

/** writeSync may write less than asked (a full disk, a signal): the rest follows. */
function writeAll(fd: number, bytes: Buffer, length: number): void {
  let offset = 0;
  while (offset < length) offset += writeSync(fd, bytes, offset, length - offset);
}

/**
 * writePrivateFile off the event loop (libuv's thread pool): for a file per host written while
 * other hosts' sessions wait to be served (backups), where the synchronous calls would stall them.
 * Folders it creates are owner-only (0700), like the file.
 */
export async function writePrivateFileAsync(file: string, text: string | Uint8Array, flags: 'w' | 'a' | 'wx' = 'w'): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const handle = await open(file, flags, PRIVATE_MODE);
  try {
    await handle.chmod(PRIVATE_MODE);
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}
