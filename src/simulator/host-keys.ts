/**
 * Host keys. With a state directory each host keeps its own ed25519 key in `<dir>/<name>.key`, so
 * known_hosts stays valid across restarts; without one a single key is generated per fleet (enough
 * for tests, and cheap for 1,000 devices). Legacy-only hosts need an RSA key (`ssh-rsa`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { writePrivateFile } from '../private-file';

export type KeyType = 'ed25519' | 'rsa';

function generate(type: KeyType): string {
  // ssh2's generator now and then (~1 in 300 ed25519 keys) writes a key its own parser calls
  // "Malformed OpenSSH private key", which fails the whole fleet's start: draw again.
  for (let attempt = 0; ; attempt++) {
    const pair = type === 'rsa' ? utils.generateKeyPairSync('rsa', { bits: 2048 }) : utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.private) instanceof Error) || attempt >= 20) return pair.private;
  }
}

export class HostKeys {
  private shared = new Map<KeyType, Buffer>();

  constructor(private readonly stateDir?: string) {
    if (stateDir) mkdirSync(stateDir, { recursive: true });
  }

  keyFor(host: string, type: KeyType = 'ed25519'): Buffer {
    if (!this.stateDir) {
      let k = this.shared.get(type);
      if (!k) this.shared.set(type, (k = Buffer.from(generate(type))));
      return k;
    }
    const file = join(this.stateDir, `${host.replace(/[^\w.-]/g, '_')}${type === 'rsa' ? '.rsa' : ''}.key`);
    if (existsSync(file)) return readFileSync(file);
    const key = generate(type);
    writePrivateFile(file, key);
    return Buffer.from(key);
  }
}
