import type { InventoryHost } from '../inventory/inventory';
import { Redactor } from '../redact';
import type { Play } from '../schema/types.generated';
import { playToken } from './default-steps';

/**
 * The run's redactor, seeded before anything runs with every secret the run holds: passwords,
 * enable secrets, key passphrases and trust tokens. A login password equal to the user name (the
 * lab's admin/admin) is no secret, and hiding it would garble every `username admin` line.
 */
export function runRedactor(hosts: readonly { host: InventoryHost; desired?: Play }[], playbookDir: string, extra: (string | undefined)[] = []): Redactor {
  const r = new Redactor(extra);
  for (const { host, desired } of hosts) {
    const c = host.connection;
    if (c.password !== c.username) r.add(c.password);
    r.add(c.enableSecret);
    r.add(c.privateKeyPassphrase);
    try {
      r.add(playToken(desired, playbookDir));
    } catch {
      // An unreadable token_file fails that host's converge step with its own message.
    }
  }
  return r;
}
