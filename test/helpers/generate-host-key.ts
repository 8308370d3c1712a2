import { utils } from 'ssh2';

/**
 * A fresh ed25519 key in OpenSSH format. ssh2 1.17 now and then writes an ed25519 key its own
 * parser rejects ("Malformed OpenSSH private key"), so keep only keys that parse.
 */
export function generateHostKey(opts: { passphrase?: string } = {}): { private: string; public: string } {
  for (;;) {
    const pair = opts.passphrase
      ? utils.generateKeyPairSync('ed25519', { passphrase: opts.passphrase, cipher: 'aes256-cbc', rounds: 16 })
      : utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.private, opts.passphrase) instanceof Error)) return pair;
  }
}
