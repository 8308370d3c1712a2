import { createHash, createHmac } from 'crypto';

/**
 * OpenSSH known_hosts, enough to check a switch's host key the way `ssh` does: plain and hashed
 * (`|1|salt|hash`) host fields, `[host]:port` for ports other than 22, comma-separated names.
 * Pure functions; transport.ts does the file I/O.
 */

export type HostKeyChecking = 'strict' | 'accept-new' | 'off';

export interface KnownHostEntry {
  /** The host field as written (`[127.0.0.1]:10001`, `a,b`, or `|1|…|…`). */
  hosts: string;
  keyType: string;
  /** Base64 key blob as written. */
  key: string;
  marker?: string;
  /** 1-based line in the file, for errors that say which entry to fix. */
  line: number;
}

export type HostKeyVerdict =
  | { status: 'match' }
  | { status: 'unknown' }
  | { status: 'changed'; expected: string; got: string; line: number }
  | { status: 'revoked'; got: string };

/** `127.0.0.1` on port 22, `[127.0.0.1]:10001` otherwise (OpenSSH's convention). */
export function hostPattern(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `SHA256:…` as `ssh-keygen -lf` prints it (base64 without padding). */
export function fingerprintSha256(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public key blob (`ssh-ed25519`, `ssh-rsa`, …). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const len = keyBlob.readUInt32BE(0);
  return keyBlob.subarray(4, 4 + len).toString('latin1');
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let marker: string | undefined;
    if (fields[0]!.startsWith('@')) marker = fields.shift();
    if (fields.length < 3) continue;
    entries.push({ hosts: fields[0]!, keyType: fields[1]!, key: fields[2]!, ...(marker ? { marker } : {}), line: i + 1 });
  }
  return entries;
}

function hostFieldMatches(field: string, pattern: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(pattern).digest('base64');
    return mac === hash;
  }
  let matched = false;
  for (const name of field.split(',')) {
    const negated = name.startsWith('!');
    const glob = negated ? name.slice(1) : name;
    const re = new RegExp(`^${glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\[/g, '\\[').replace(/\]/g, '\\]').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    if (re.test(pattern)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

/**
 * Compares the offered key with the entries for this host. Any entry for the host that does not
 * match counts as a change, even of another key type: stricter than OpenSSH, never weaker.
 */
export function checkHostKey(entries: readonly KnownHostEntry[], host: string, port: number, keyBlob: Buffer): HostKeyVerdict {
  const pattern = hostPattern(host, port);
  const offered = keyBlob.toString('base64');
  const got = fingerprintSha256(keyBlob);
  const mine = entries.filter((e) => hostFieldMatches(e.hosts, pattern));
  if (mine.some((e) => e.marker === '@revoked' && e.key === offered)) return { status: 'revoked', got };
  const keys = mine.filter((e) => e.marker === undefined);
  if (keys.length === 0) return { status: 'unknown' };
  if (keys.some((e) => e.key === offered)) return { status: 'match' };
  const first = keys[0]!;
  return {
    status: 'changed',
    expected: `${first.keyType} ${fingerprintSha256(Buffer.from(first.key, 'base64'))}`,
    got: `${keyTypeOf(keyBlob)} ${got}`,
    line: first.line,
  };
}

export function formatKnownHostsLine(host: string, port: number, keyBlob: Buffer): string {
  return `${hostPattern(host, port)} ${keyTypeOf(keyBlob)} ${keyBlob.toString('base64')}`;
}

/** The commands that fix a host key problem, as OpenSSH users know them. */
export function removeEntryCommand(host: string, port: number, file: string): string {
  return `ssh-keygen -R '${hostPattern(host, port)}' -f ${file}`;
}

export function scanKeyCommand(host: string, port: number, file: string): string {
  return `ssh-keyscan ${port === 22 ? '' : `-p ${port} `}${host} >> ${file}`;
}
