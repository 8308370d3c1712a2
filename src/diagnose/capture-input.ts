import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readCaptureFiles, type Capture, type CaptureFile } from '../parsers/capture-file';

/** A `--from` path that cannot be read: the command prints it and exits 2 before anything else. */
export class CaptureInputError extends Error {
  override readonly name = 'CaptureInputError';
}

// Files in a capture folder that are not device output (editor leftovers, our own facts files).
const SKIP_RE = /^\.|~$|\.(?:json|ya?ml|md|pcap|pcapng|gz|zip)$/i;

/**
 * Reads `slp diagnose --from PATH`: one file, or a folder of one file per command (not recursive).
 * The I/O edge of src/parsers/capture-file.ts, which does the reading of the text.
 */
export function readCapturePath(path: string): Capture {
  let files: CaptureFile[];
  try {
    if (statSync(path).isDirectory()) {
      files = readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isFile() && !SKIP_RE.test(d.name))
        .map((d) => ({ name: d.name, text: readFileSync(join(path, d.name), 'utf8') }));
      if (files.length === 0) throw new CaptureInputError(`${path}: no capture files in the folder`);
    } else {
      files = [{ name: basename(path), text: readFileSync(path, 'utf8') }];
    }
  } catch (err) {
    if (err instanceof CaptureInputError) throw err;
    throw new CaptureInputError(`${path}: cannot read the capture (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return readCaptureFiles(files);
}
