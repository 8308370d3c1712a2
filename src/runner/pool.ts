/**
 * Runs `worker` over items with at most `limit` in flight, in order. Before each start it asks
 * `mayStart()`; once that says no, the items not started are handed to `onNotStarted` instead
 * (Ctrl-C: nothing new starts, what is running finishes).
 */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<void>,
  mayStart: () => boolean = () => true,
  onNotStarted: (item: T) => void = () => undefined,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      if (!mayStart()) {
        onNotStarted(item);
        continue;
      }
      await worker(item);
    }
  };
  const lanes = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
}
