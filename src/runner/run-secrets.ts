import type { InventoryHost } from '../inventory/inventory';
import { Redactor } from '../redact';
import type { Play } from '../schema/types.generated';
import { connectionSecrets } from './connect-options';
import { playToken } from './default-steps';

/**
 * The run's redactor, seeded before anything runs with every secret the run holds: passwords,
 * enable secrets, key passphrases (connectionSecrets, the driver's own rule) and trust tokens.
 */
export function runRedactor(hosts: readonly { host: InventoryHost; desired?: Play }[], playbookDir: string, extra: (string | undefined)[] = []): Redactor {
  const r = new Redactor(extra);
  for (const { host, desired } of hosts) {
    for (const secret of connectionSecrets(host)) r.add(secret);
    try {
      r.add(playToken(desired, playbookDir));
    } catch {
      // An unreadable token_file fails that host's converge step with its own message.
    }
  }
  return r;
}
