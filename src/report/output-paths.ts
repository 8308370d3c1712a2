/**
 * Every path a run will write (--json, --junit, --log-dir, the backups, a plan file…), checked
 * before the first host is touched: a report that cannot be written must not be found out after
 * the switches were changed. A file must be a file (or not exist yet) under a folder we can
 * create or write in; a folder must be a folder (or not exist yet) likewise. `-` is stdout.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { SlpError } from '../errors';

export interface OutputPath {
  /** The flag that named it, for the message (`--json`). */
  flag: string;
  path: string;
  kind: 'file' | 'folder';
}

/** An output path that cannot be written: bad input, exit 2, nothing contacted. */
export class OutputPathError extends SlpError {
  override readonly code = 'ERR_OUTPUT_PATH';
  constructor(readonly flag: string, readonly file: string, readonly reason: string) {
    super(`${flag} ${file}: ${reason}; nothing was contacted`);
  }
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Throws OutputPathError for the first path that cannot be written. */
export function checkOutputPaths(paths: readonly OutputPath[]): void {
  for (const o of paths) {
    if (o.kind === 'file' && o.path === '-') continue;
    const full = path.resolve(o.path);
    const st = statOrNull(full);
    if (st) {
      if (o.kind === 'file' && st.isDirectory()) throw new OutputPathError(o.flag, o.path, `is a folder; give a file name, e.g. ${path.join(o.path, 'report')}`);
      if (o.kind === 'folder' && !st.isDirectory()) throw new OutputPathError(o.flag, o.path, 'is a file, not a folder');
      if (!writable(full)) throw new OutputPathError(o.flag, o.path, 'is not writable');
      continue;
    }
    // Not there yet: the nearest existing parent must be a folder we may create it in.
    let parent = path.dirname(full);
    for (let p = statOrNull(parent); !p; p = statOrNull(parent)) {
      const up = path.dirname(parent);
      if (up === parent) break;
      parent = up;
    }
    const pst = statOrNull(parent);
    if (!pst?.isDirectory()) throw new OutputPathError(o.flag, o.path, `${parent} is not a folder`);
    if (!writable(parent)) throw new OutputPathError(o.flag, o.path, `cannot create it: ${parent} is not writable`);
  }
}
