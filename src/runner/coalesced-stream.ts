/**
 * Progress lines gathered into one write per turn of the event loop. The plain (non-TTY)
 * renderer prints a line per step event, several per host; one write each was ~6 % of the
 * runner's CPU at a few hundred hosts (bench/README.md). Lines keep their order and reach the
 * stream before the loop waits for I/O again, so a log still follows the run as it goes.
 */
export interface Coalesced {
  stream: NodeJS.WriteStream;
  /** Writes what is pending now (call before the run's own final output). */
  flush(): void;
}

const FLUSH_AT = 64 * 1024;

export function coalesceWrites(target: NodeJS.WriteStream): Coalesced {
  let pending: string[] = [];
  let size = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    target.write(text);
  };
  // Everything else (columns, isTTY, on…) is the target's own.
  const stream = Object.create(target) as NodeJS.WriteStream;
  stream.write = ((chunk: string | Uint8Array, encodingOrCb?: unknown, cb?: unknown): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    pending.push(text);
    size += text.length;
    if (size >= FLUSH_AT) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
    const done = typeof encodingOrCb === 'function' ? encodingOrCb : cb;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }) as NodeJS.WriteStream['write'];
  return { stream, flush };
}
