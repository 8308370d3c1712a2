import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import SSH2Promise = require('ssh2-promise');
import { utils, type Algorithms, type ConnectConfig } from 'ssh2';
import { AuthError, HostKeyError, UnreachableError, type ConnectPhase } from '../errors';
import { checkHostKey, fingerprintSha256, formatKnownHostsLine, HostKeyChecking, parseKnownHosts, removeEntryCommand, scanKeyCommand } from './known-hosts';
import { describeMismatch, emptyNegotiation, firstMismatch, noteDebugLine, type Negotiation } from './ssh-negotiation';

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
  /** Without a listener, a stream 'error' would end the whole process, not this one host. */
  on(event: 'error', listener: (err: Error) => void): this;
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

/** One SSH server to log in to: the switch itself, or the bastion in front of it. */
export interface SshEndpoint {
  host: string;
  port: number;
  username: string;
  password?: string;
  /** PEM/OpenSSH private key text, or privateKeyFile. */
  privateKey?: string | Buffer;
  privateKeyFile?: string;
  passphrase?: string;
}

/** How to reach one switch over SSH; connectDevice's ConnectOptions builds on it. */
export interface TransportOptions extends SshEndpoint {
  /** Inventory host name: every error and event names it. */
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

type KeyProblem =
  | { kind: 'changed'; expected: string; got: string; entry: { file: string; line: number; fix: string } }
  | { kind: 'refused'; reason: string };

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
        report({
          kind: 'changed',
          expected: verdict.expected,
          got: verdict.got,
          entry: { file, line: verdict.line, fix: removeEntryCommand(host, port, file) },
        });
        return false;
      case 'revoked':
        report({ kind: 'refused', reason: `host key ${verdict.got} is marked @revoked in ${file}` });
        return false;
      case 'unknown':
        if (mode === 'strict') {
          report({
            kind: 'refused',
            reason:
              `host key ${fingerprintSha256(key)} is not in ${file} (host key checking is strict); ` +
              `check the fingerprint, then add it with: ${scanKeyCommand(host, port, file)} (or set slp_host_key_checking: accept-new)`,
          });
          return false;
        }
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.appendFileSync(file, `${text && !text.endsWith('\n') ? '\n' : ''}${formatKnownHostsLine(host, port, key)}\n`, { mode: 0o600 });
        return true;
    }
  };
}

/**
 * Password and key for one endpoint. A key that cannot be read or decrypted is refused here, as
 * AuthError naming the file, before any connection: ssh2 would report it as a connect failure.
 */
function keyMaterial(e: SshEndpoint, name: string, role: string): Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'password'> {
  const out: Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'password'> = {};
  if (e.password !== undefined) out.password = e.password;
  let key = e.privateKey;
  if (key === undefined && e.privateKeyFile) {
    try {
      key = fs.readFileSync(e.privateKeyFile);
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new AuthError(name, `${role}cannot read private key file ${e.privateKeyFile} (${why})`, { cause: err });
    }
  }
  if (key !== undefined) {
    const parsed = utils.parseKey(key, e.passphrase);
    if (parsed instanceof Error) {
      throw new AuthError(name, `${role}private key ${e.privateKeyFile ?? '(inline)'} cannot be used: ${parsed.message}`);
    }
    out.privateKey = key;
  }
  if (e.passphrase !== undefined) out.passphrase = e.passphrase;
  return out;
}

interface SshError {
  level?: string;
  code?: string;
  message?: string;
}

/**
 * Maps what ssh2 reports to the error family, with the host and the cause in one line. `jump`
 * names the bastion when the failure happened there, so a dead bastion is not blamed on the switch.
 */
function describeConnectError(o: TransportOptions, err: unknown, keyProblem?: KeyProblem, jump?: SshEndpoint, negotiation?: Negotiation): Error {
  const where = jump ? `jump host ${jump.host}:${jump.port}` : `${o.host}:${o.port}`;
  const username = jump ? jump.username : o.username;
  const handshake = { cause: err, phase: 'SSH handshake' as ConnectPhase };
  if (keyProblem?.kind === 'changed') return new HostKeyError(o.name, keyProblem.expected, keyProblem.got, jump ? where : undefined, keyProblem.entry);
  if (keyProblem?.kind === 'refused') return new UnreachableError(o.name, jump ? `${where}: ${keyProblem.reason}` : keyProblem.reason, handshake);
  const e = (err ?? {}) as SshError;
  const message = typeof err === 'string' ? err : e.message ?? 'connection closed before SSH was ready';
  if (e.level === 'client-authentication') {
    return new AuthError(o.name, `${where} refused the credentials of user "${username}"`, { cause: err });
  }
  // A class with nothing in common explains any failure that follows it: ssh2's own error, or the
  // server hanging up right after its KEXINIT (old images reset the connection, saying nothing).
  const mismatch = negotiation && firstMismatch(negotiation);
  if (mismatch) {
    const ident = negotiation.serverIdent ? ` (${negotiation.serverIdent})` : '';
    return new UnreachableError(o.name, `SSH negotiation with ${where}${ident} failed: ${describeMismatch(mismatch, o.algorithms?.legacy === true)}`, handshake);
  }
  if (e.level === 'client-timeout') {
    return new UnreachableError(o.name, `timed out after ${o.connectTimeoutMs} ms waiting for the SSH handshake from ${where}`, handshake);
  }
  if (e.level === 'handshake') {
    return new UnreachableError(o.name, `SSH negotiation with ${where} failed: ${message}${o.algorithms?.legacy ? '' : ' (old images may need legacy algorithms)'}`, handshake);
  }
  if (negotiation?.serverIdent) {
    // The server spoke SSH and then went away: a handshake failure, not a network one.
    const why = e.code ? `${e.code}` : message;
    return new UnreachableError(o.name, `${where} (${negotiation.serverIdent}) closed the connection during the SSH handshake (${why})`, handshake);
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
  if (e.code && codes[e.code]) return new UnreachableError(o.name, `${codes[e.code]} (${e.code}) at ${where}`, { cause: err, phase: 'TCP' });
  return new UnreachableError(o.name, `${message} at ${where}`, { cause: err, phase: 'TCP' });
}

/**
 * The TCP connection under an SSH session, with Nagle's algorithm off as OpenSSH's client sets it
 * for interactive sessions (packet.c: ssh_packet_set_interactive → set_nodelay). With it on, a
 * typed command waits behind the window adjust still unacknowledged before it until the switch's
 * delayed ACK fires (~40 ms on Linux): the bench measured 64 ms per command at 20 ms of device
 * latency, 21 ms with it off, and a login 750 → 150 ms.
 */
function interactiveSocket(host: string, port: number): net.Socket {
  const sock = net.connect({ host, port });
  sock.setNoDelay(true);
  return corkWritesPerTurn(sock);
}

/**
 * Without its optional native binding, ssh2 writes each packet in three pieces (length, ciphertext,
 * MAC or tag); with Nagle off each piece would be a system call and a TCP segment of its own. Writes
 * made in one turn of the event loop go out together (Node's documented cork-then-uncork-on-nextTick
 * idiom): one writev, one segment per packet or burst of packets.
 */
function corkWritesPerTurn(sock: net.Socket): net.Socket {
  const write = sock.write.bind(sock) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    sock.uncork();
  };
  sock.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      sock.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  }) as net.Socket['write'];
  return sock;
}

type Connection = { shell(opts: object): Promise<ByteStream>; forwardOut(srcIP: string, srcPort: number, dstIP: string, dstPort: number): Promise<unknown> };

/**
 * Opens the SSH connection within connectTimeoutMs. With a jump host, the bastion is connected
 * first and the device is reached through a direct-tcpip channel on it (needs no nc/socat there);
 * each hop's failure is reported against that hop.
 */
export async function connectTransport(o: TransportOptions): Promise<Transport> {
  const knownHosts = o.knownHostsFile ?? path.join(os.homedir(), '.ssh', 'known_hosts');
  let keyProblem: KeyProblem | undefined;
  const negotiation = emptyNegotiation();
  const algorithms = buildAlgorithms(o.algorithms);
  // ssh2-promise retries after errors by default (10 × 5 s): never, a dead switch must fail fast.
  const common = {
    reconnect: false,
    readyTimeout: o.connectTimeoutMs,
    tryKeyboard: false,
    keepaliveCountMax: 3,
    ...(o.keepaliveIntervalMs ? { keepaliveInterval: o.keepaliveIntervalMs } : {}),
  };
  const j = o.jumpHost;
  const jumpConfig = j && {
    ...common,
    host: j.host,
    port: j.port,
    username: j.username,
    ...keyMaterial(j, o.name, `jump host ${j.host}:${j.port}: `),
    hostVerifier: hostVerifier(j.hostKeyChecking ?? o.hostKeyChecking, knownHosts, j.host, j.port, (p) => (keyProblem = p)),
  };
  const target = {
    ...common,
    host: o.host,
    port: o.port,
    username: o.username,
    ...keyMaterial(o, o.name, ''),
    ...(algorithms ? { algorithms } : {}),
    hostVerifier: hostVerifier(o.hostKeyChecking, knownHosts, o.host, o.port, (p) => (keyProblem = p)),
    // ssh2 logs both sides' algorithm lists; ssh2-promise also passes its events here (not strings).
    debug: (line: unknown) => {
      if (typeof line === 'string') noteDebugLine(negotiation, line);
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timeout'), { level: 'client-timeout' })),
      o.connectTimeoutMs,
    );
  });
  // A step may lose the race to the deadline; its late rejection must not go unhandled.
  const within = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => undefined);
    return Promise.race([p, deadline]);
  };
  const opened: SSH2Promise[] = [];
  const closeAll = async () => {
    for (const s of [...opened].reverse()) await s.close().catch(() => undefined);
  };
  let connection: Connection;
  try {
    let sock: unknown;
    if (j && jumpConfig) {
      const bastion = new SSH2Promise({ ...jumpConfig, sock: interactiveSocket(j.host, j.port) } as never, true);
      opened.push(bastion);
      let hop: Connection;
      try {
        hop = await within(bastion.connect() as Promise<Connection>);
      } catch (err) {
        throw describeConnectError(o, err, keyProblem, j);
      }
      try {
        sock = await within(hop.forwardOut('127.0.0.1', 0, o.host, o.port));
      } catch (err) {
        if ((err as SshError)?.level === 'client-timeout') throw describeConnectError(o, err);
        const why = (err as Error)?.message ?? String(err);
        throw new UnreachableError(o.name, `jump host ${j.host}:${j.port} could not open a connection to ${o.host}:${o.port}: ${why}`, { cause: err });
      }
    }
    // Through a bastion the session rides a channel of the bastion's (already interactive) socket.
    const ssh = new SSH2Promise({ ...target, sock: sock ?? interactiveSocket(o.host, o.port) } as never, true);
    opened.push(ssh);
    try {
      connection = await within(ssh.connect() as Promise<Connection>);
    } catch (err) {
      throw describeConnectError(o, err, keyProblem, undefined, negotiation);
    }
  } catch (err) {
    await closeAll();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return {
    openShell: () => connection.shell(DEFAULT_PTY),
    close: closeAll,
  };
}
