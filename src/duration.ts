/** Playbook durations (`within:`, `trust.timeout`), read by converge and verify alike. */
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `5m`, `1h`, `30d` (the playbook schema's duration pattern) → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: "${text}" (expected e.g. 90s, 5m, 1h, 30d)`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}
