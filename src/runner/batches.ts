/**
 * `serial:` as Ansible reads it: a number of hosts per batch, or "N%" of the play's hosts
 * (rounded down, at least 1). Absent: every host in one batch.
 */
export function batchSize(serial: number | string | undefined, hostCount: number): number {
  if (hostCount === 0) return 0;
  if (serial === undefined) return hostCount;
  const pct = typeof serial === 'string' ? /^(\d+(?:\.\d+)?)%$/.exec(serial.trim()) : null;
  const size = pct ? Math.floor((hostCount * Number(pct[1])) / 100) : Number(serial);
  if (!Number.isFinite(size) || size < 1) return 1;
  return Math.min(size, hostCount);
}

/** Splits hosts into batches, in order. */
export function splitBatches<T>(hosts: readonly T[], serial: number | string | undefined): T[][] {
  const size = batchSize(serial, hosts.length);
  const out: T[][] = [];
  for (let i = 0; i < hosts.length; i += size) out.push(hosts.slice(i, i + size));
  return out;
}

/**
 * Ansible's rule for stopping a play after a batch: with `max_fail_percentage`, when the failed
 * (or unreachable) share of the batch is strictly greater than it; without it, when every host of
 * the batch failed. Returns the reason, or null to go on.
 */
export function maxFailReason(failed: number, batch: number, maxFailPercentage: number | undefined): string | null {
  if (batch === 0 || failed === 0) return null;
  const pct = (failed / batch) * 100;
  if (maxFailPercentage === undefined) {
    return failed === batch ? `every host of the batch failed (${failed}/${batch})` : null;
  }
  if (pct > maxFailPercentage) {
    return `max_fail_percentage ${maxFailPercentage}% exceeded: ${failed}/${batch} hosts of the batch failed (${Math.round(pct)}%)`;
  }
  return null;
}
