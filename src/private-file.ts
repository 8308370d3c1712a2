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
 * in pieces is written piece after piece (a report too big for one string).
 */
export function writePrivateFile(file: string, text: string | Uint8Array | Iterable<string>, flags: 'w' | 'a' | 'wx' = 'w'): void {
  const fd = openPrivateFile(file, flags);
  try {
    if (typeof text === 'string' || text instanceof Uint8Array) writeFileSync(fd, text);
    else for (const piece of text) writeAll(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than asked (a full disk, a signal): the rest follows. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
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
