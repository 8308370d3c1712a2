/**
 * Algorithm offers. MODERN covers OpenSSH's defaults and what paramiko 2.12 can use (realclients
 * README S1: curve25519-sha256@libssh.org, ecdh, group14/16, aes*-ctr, hmac-sha2). LEGACY is what an
 * old IOS image offers, for the `legacy_ssh_only` fault.
 */
import type { Algorithms } from 'ssh2';

export const MODERN_ALGORITHMS: Algorithms = {
  kex: [
    'curve25519-sha256',
    'curve25519-sha256@libssh.org',
    'ecdh-sha2-nistp256',
    'ecdh-sha2-nistp384',
    'ecdh-sha2-nistp521',
    'diffie-hellman-group-exchange-sha256',
    'diffie-hellman-group16-sha512',
    'diffie-hellman-group14-sha256',
  ],
  cipher: ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'chacha20-poly1305@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'],
  hmac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'],
  compress: ['none'],
};

export const LEGACY_ALGORITHMS: Algorithms = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1'],
  cipher: ['aes128-cbc', 'aes256-cbc'],
  hmac: ['hmac-sha1'],
  compress: ['none'],
  serverHostKey: ['ssh-rsa'],
};
