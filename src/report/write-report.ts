import { writePrivateFile } from '../private-file';

/** Pieces are gathered up to this many characters per write: few system calls, no document-sized string. */
const BATCH_CHARS = 1 << 20;

/** Joins small pieces into batches of about BATCH_CHARS (a piece bigger than that is one batch). */
export function* batched(pieces: Iterable<string>, size = BATCH_CHARS): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

/**
 * Writes a report readable by its owner only (0600): reports name hosts, addresses and config.
 * `-` writes to stdout instead. The mode is set again when the file already existed (src/private-file).
 * A report given in pieces (json-pieces.ts) is never joined whole: a file gets them through one
 * reused buffer (src/private-file), stdout in batches.
 */
export function writeReport(file: string, text: string | Iterable<string>, stdout: NodeJS.WritableStream = process.stdout): void {
  if (file === '-') {
    for (const batch of typeof text === 'string' ? [text] : batched(text)) stdout.write(batch);
    return;
  }
  writePrivateFile(file, text);
}
