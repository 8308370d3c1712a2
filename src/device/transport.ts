import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import SSH2Promise = require('ssh2-promise');
import type { Algorithms, ConnectConfig } from 'ssh2';
import { AuthError, HostKeyError, UnreachableError } from '../errors';
import { checkHostKey, fingerprintSha256, formatKnownHostsLine, HostKeyChecking, parseKnownHosts } from './known-hosts';

/**
 * The byte layer: one SSH connection (optionally through a bastion) and one interactive shell on
 * it, via ssh2-promise. Knows nothing about prompts. Every failure to get a shell becomes
 * UnreachableError, AuthError or HostKeyError naming the inventory host and the cause.
 */

/** What the channel needs from a shell: ssh2's ClientChannel satisfies it, so does a PassThrough. */
export interface ByteStream {
  write(data: string): boolean;
  on(event: 'data', listener: (data: Buffer | string) => void): this;
  on(event: 'close', listener: () => void): this;
  end(): unknown;
}

export interface AlgorithmOptions {
  /**
   * Also offer what old IOS XE images need (diffie-hellman-group14-sha1, group1, aes-cbc, 3des,
   * hmac-sha1, ssh-rsa). Off by default: those are weak and modern images do not need them.
   */
  legacy?: boolean;
  kex?: string[];
  cipher?: string[];
  serverHostKey?: string[];
  hmac?: string[];
}

export const LEGACY_ALGORITHMS = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'],
  cipher: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'],
  serverHostKey: ['ssh-rsa', 'ssh-dss'],
  hmac: ['hmac-sha1'],
} as const;

export interface SshEndpoint {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string | Buffer;
  privateKeyFile?: string;
  passphrase?: string;
}

export interface TransportOptions extends SshEndpoint {
  /** Inventory host name, used in every error. */
  name: string;
  hostKeyChecking: HostKeyChecking;
  /** Defaults to ~/.ssh/known_hosts. */
  knownHostsFile?: string;
  connectTimeoutMs: number;
  keepaliveIntervalMs?: number;
  algorithms?: AlgorithmOptions;
  /** A bastion reached first; the device connection is forwarded through it (direct-tcpip). */
  jumpHost?: SshEndpoint & { hostKeyChecking?: HostKeyChecking };
}

export const DEFAULT_PTY = { term: 'vt100', cols: 512, rows: 24 } as const;

export interface Transport {
  openShell(): Promise<ByteStream>;
  close(): Promise<void>;
}

type KeyProblem = { kind: 'changed'; expected: string; got: string } | { kind: 'refused'; reason: string };

function buildAlgorithms(a: AlgorithmOptions | undefined): Algorithms | undefined {
  if (!a) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of ['kex', 'cipher', 'serverHostKey', 'hmac'] as const) {
    const explicit = a[k];
    if (explicit) out[k] = explicit;
    else if (a.legacy) out[k] = { append: [...LEGACY_ALGORITHMS[k]] };
  }
  return out as Algorithms;
}

function hostVerifier(
  mode: HostKeyChecking,
  file: string,
  host: string,
  port: number,
  report: (p: KeyProblem) => void,
): ((key: Buffer) => boolean) | undefined {
  if (mode === 'off') return undefined;
  return (key: Buffer) => {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const verdict = checkHostKey(parseKnownHosts(text), host, port, key);
    switch (verdict.status) {
      case 'match':
        return true;
      case 'changed':
        report({ kind: 'changed', expected: verdict.expected, got: verdict.got });
        return false;
      case 'revoked':
        report({ kind: 'refused', reason: `host key ${verdict.got} is marked @revoked in ${file}` });
        return false;
      case 'unknown':
        if (mode === 'strict') {
          report({
            kind: 'refused',
            reason: `host key ${fingerprintSha256(key)} is not in ${file} (host key checking is strict)`,
          });
          return false;
        }
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.appendFileSync(file, `${text && !text.endsWith('\n') ? '\n' : ''}${formatKnownHostsLine(host, port, key)}\n`, { mode: 0o600 });
        return true;
    }
  };
}

function keyMaterial(e: SshEndpoint): Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'password'> {
  const out: Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'password'> = {};
  if (e.password !== undefined) out.password = e.password;
  if (e.privateKey !== undefined) out.privateKey = e.privateKey;
  else if (e.privateKeyFile) out.privateKey = fs.readFileSync(e.privateKeyFile);
  if (e.passphrase !== undefined) out.passphrase = e.passphrase;
  return out;
}

interface SshError {
  level?: string;
  code?: string;
  message?: string;
}

/** Maps what ssh2 reports to the error family, with the host and the cause in one line. */
export function describeConnectError(o: TransportOptions, err: unknown, keyProblem?: KeyProblem): Error {
  const where = `${o.host}:${o.port}`;
  if (keyProblem?.kind === 'changed') return new HostKeyError(o.name, keyProblem.expected, keyProblem.got);
  if (keyProblem?.kind === 'refused') return new UnreachableError(o.name, keyProblem.reason);
  const e = (err ?? {}) as SshError;
  const message = typeof err === 'string' ? err : e.message ?? 'connection closed before SSH was ready';
  if (e.level === 'client-authentication') {
    return new AuthError(o.name, `${where} refused the credentials of user "${o.username}"`, { cause: err });
  }
  if (e.level === 'client-timeout') {
    return new UnreachableError(o.name, `timed out after ${o.connectTimeoutMs} ms waiting for the SSH handshake from ${where}`, { cause: err });
  }
  if (e.level === 'handshake') {
    return new UnreachableError(o.name, `SSH negotiation with ${where} failed: ${message}${o.algorithms?.legacy ? '' : ' (old images may need legacy algorithms)'}`, { cause: err });
  }
  const codes: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    EHOSTUNREACH: 'no route to host',
    ENETUNREACH: 'network unreachable',
    ENOTFOUND: 'name not found',
    EAI_AGAIN: 'name lookup failed',
    ETIMEDOUT: 'TCP connect timed out',
    ECONNRESET: 'connection reset',
  };
  if (e.code && codes[e.code]) return new UnreachableError(o.name, `${codes[e.code]} (${e.code}) at ${where}`, { cause: err });
  return new UnreachableError(o.name, `${message} at ${where}`, { cause: err });
}

/** Opens the SSH connection (through the jump host if any) within connectTimeoutMs. */
export async function connectTransport(o: TransportOptions): Promise<Transport> {
  const knownHosts = o.knownHostsFile ?? path.join(os.homedir(), '.ssh', 'known_hosts');
  let keyProblem: KeyProblem | undefined;
  const algorithms = buildAlgorithms(o.algorithms);
  // ssh2-promise retries after errors by default (10 × 5 s): never, a dead switch must fail fast.
  const common = { reconnect: false, readyTimeout: o.connectTimeoutMs, tryKeyboard: false, keepaliveCountMax: 3 };
  const target = {
    ...common,
    host: o.host,
    port: o.port,
    username: o.username,
    ...keyMaterial(o),
    ...(o.keepaliveIntervalMs ? { keepaliveInterval: o.keepaliveIntervalMs } : {}),
    ...(algorithms ? { algorithms } : {}),
    hostVerifier: hostVerifier(o.hostKeyChecking, knownHosts, o.host, o.port, (p) => (keyProblem = p)),
  };
  const configs: object[] = [];
  if (o.jumpHost) {
    const j = o.jumpHost;
    configs.push({
      ...common,
      host: j.host,
      port: j.port,
      username: j.username,
      ...keyMaterial(j),
      hoppingTool: 'native', // direct-tcpip through ssh2; needs no nc/socat on the bastion
      hostVerifier: hostVerifier(j.hostKeyChecking ?? o.hostKeyChecking, knownHosts, j.host, j.port, (p) => (keyProblem = p)),
    });
  }
  configs.push(target);
  const ssh = new SSH2Promise(configs as never, true);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timeout'), { level: 'client-timeout' })),
      o.connectTimeoutMs,
    );
  });
  let connection: { shell(opts: object): Promise<ByteStream> };
  try {
    const connecting = ssh.connect();
    // The race may be lost to the deadline; the late rejection must not go unhandled.
    connecting.catch(() => undefined);
    connection = await Promise.race([connecting, deadline]);
  } catch (err) {
    await ssh.close().catch(() => undefined);
    throw describeConnectError(o, err, keyProblem);
  } finally {
    clearTimeout(timer);
  }
  return {
    openShell: () => connection.shell(DEFAULT_PTY),
    close: async () => {
      await ssh.close().catch(() => undefined);
    },
  };
}
