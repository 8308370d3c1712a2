import { createHash } from 'node:crypto';

/**
 * A stable stand-in for IOS's type-9 (scrypt) secret hash. It only has to look like one and never
 * reveal the secret: running-config must not print the enable secret in clear text.
 */
export function hashSecret(secret: string): string {
  const digest = createHash('sha256').update(`slp-sim:${secret}`).digest('base64').replace(/[+/=]/g, '').slice(0, 43);
  return `$9$${digest.slice(0, 14)}$${digest.slice(14)}`;
}
