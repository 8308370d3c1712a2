/**
 * How far V8 lets the heap grow past what a fleet run keeps alive. A run keeps little (each open
 * session ~40 KB, each finished host's result ~30 KB) but allocates fast (every command's output
 * is read, cleaned, redacted and parsed), and by default V8 then lets the old generation grow to
 * about four times the live set before a full collection: ~320 MB of RSS at 1,000 hosts and
 * forks 200, most of it garbage. A factor of 2 keeps the peak near 250 MB for the same CPU
 * (bench/README.md, issue 20 second pass, "Heap growth capped"). V8 reads the flag when it next sizes the heap, so setting
 * it once at the start of a run is enough; it changes no behaviour, only when garbage is collected.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

let applied = false;

export function limitHeapGrowth(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
