/**
 * The SSH face of one simulated switch (ssh2 Server): password and keyboard-interactive login,
 * public key when an authorized key is given (other keys are refused cleanly, so clients fall back
 * to the password), an interactive shell through the line discipline, and `exec` of one command.
 */
import { Server, utils, type AuthContext, type Connection, type ParsedKey } from 'ssh2';
import { createPrivateKey, timingSafeEqual } from 'node:crypto';
import { createServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { LEGACY_ALGORITHMS, MODERN_ALGORITHMS } from './ssh-algorithms';
import { CliSession } from './cli-session';
import { LineDiscipline } from './line-discipline';
import type { SimDeviceSpec } from './types';
import type { SimDevice } from './sim-device';

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * ssh2 without its optional native binding writes every packet in three pieces (length, ciphertext,
 * tag); with Nagle off each would be a system call and a segment. Writes from one turn of the event
 * loop leave together, as one writev (Node's cork, then uncork on nextTick).
 */
function batchWritesPerTurn(socket: Socket): Socket {
  const plainWrite = socket.write;
  let pending = false;
  socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    if (!pending) {
      pending = true;
      socket.cork();
      process.nextTick(() => {
        pending = false;
        socket.uncork();
      });
    }
    return plainWrite.apply(this, args);
  } as Socket['write'];
  return socket;
}

/**
 * The host key, parsed once for signing. ssh2 signs every key exchange with crypto.sign over the
 * key's PEM text, so each handshake parsed the PEM again (~0.3 ms, 14× the ed25519 signature
 * itself; a fleet of 1,000 switches handshakes 1,000 times a run). ssh2 keeps the PEM under a
 * symbol of its parsed key; crypto.sign takes a KeyObject there as well. Should a later ssh2 name
 * it differently, the key is simply used as ssh2 parsed it.
 */
function signingKey(hostKey: Buffer): ParsedKey | Buffer {
  const parsed = utils.parseKey(hostKey);
  if (parsed instanceof Error || Array.isArray(parsed)) return hostKey;
  const slots = parsed as unknown as Record<symbol, unknown>;
  const pem = Object.getOwnPropertySymbols(parsed).find((s) => s.description === 'Private key PEM');
  const text = pem && slots[pem];
  if (pem && typeof text === 'string') slots[pem] = createPrivateKey(text);
  return parsed;
}

export class DeviceServer {
  private server: Server;
  /** The listening socket; each connection is handed to `server` once its TCP options are set. */
  private tcp: TcpServer;
  private connections = new Set<Connection>();
  port = 0;

  constructor(private readonly spec: SimDeviceSpec, hostKey: Buffer, private readonly device: () => SimDevice) {
    const legacy = !!spec.sim?.faults?.legacy_ssh_only;
    this.server = new Server(
      {
        hostKeys: [{ key: signingKey(hostKey) }],
        algorithms: legacy ? LEGACY_ALGORITHMS : { ...MODERN_ALGORITHMS, serverHostKey: ['ssh-ed25519'] },
        ident: 'Cisco-1.25',
      },
      (client) => this.onClient(client),
    );
    this.server.on('error', () => undefined);
    this.tcp = createServer((socket) => {
      // Echo goes out one character at a time, as on IOS; with Nagle's algorithm on loopback each
      // command then waits for a delayed ACK (~20-40 ms), which would swamp latency_ms.
      socket.setNoDelay(true);
      this.server.injectSocket(batchWritesPerTurn(socket));
    });
    this.tcp.on('error', () => undefined);
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.tcp.once('error', reject);
      this.tcp.listen(port, host, () => {
        this.tcp.off('error', reject);
        this.port = (this.tcp.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  close(): Promise<void> {
    for (const c of this.connections) c.end();
    return new Promise((resolve) => this.tcp.close(() => resolve()));
  }

  private authenticate(ctx: AuthContext): boolean {
    const cred = this.spec.credentials;
    if (this.spec.sim?.faults?.auth_failure) return false;
    if (ctx.username !== cred.username) return false;
    if (ctx.method === 'password') return same(ctx.password, cred.password);
    if (ctx.method === 'publickey' && cred.authorizedKey) {
      const allowed = utils.parseKey(cred.authorizedKey);
      if (allowed instanceof Error) return false;
      const key = Array.isArray(allowed) ? allowed[0] : allowed;
      if (ctx.key.algo !== key.type || !key.getPublicSSH().equals(ctx.key.data)) return false;
      return !ctx.signature || key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true;
    }
    return false;
  }

  private onClient(client: Connection): void {
    this.connections.add(client);
    let username = '';
    let peer = '127.0.0.1';
    client.on('error', () => undefined);
    client.on('close', () => this.connections.delete(client));
    client.on('authentication', (ctx) => {
      if (ctx.method === 'keyboard-interactive') {
        ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          const ok = !this.spec.sim?.faults?.auth_failure && ctx.username === this.spec.credentials.username && same(answers[0] ?? '', this.spec.credentials.password);
          if (ok) {
            username = ctx.username;
            ctx.accept();
          } else ctx.reject();
        });
        return;
      }
      if (ctx.method === 'publickey' && !ctx.signature && this.authenticate(ctx)) return ctx.accept();
      if (this.authenticate(ctx)) {
        username = ctx.username;
        return ctx.accept();
      }
      ctx.reject(['password', 'keyboard-interactive', 'publickey']);
    });
    client.on('handshake', () => undefined);
    client.on('ready', () => {
      const sock = (client as unknown as { _sock?: { remoteAddress?: string } })._sock;
      peer = sock?.remoteAddress?.replace(/^::ffff:/, '') ?? peer;
      client.on('session', (accept) => {
        const session = accept();
        session.on('pty', (acceptPty) => acceptPty?.());
        session.on('window-change', (acceptWc) => acceptWc?.());
        session.on('env', (acceptEnv) => acceptEnv?.());
        session.on('shell', (acceptShell) => {
          const stream = acceptShell();
          const device = this.device();
          let ld: LineDiscipline | undefined;
          const cli = new CliSession(device, username, peer, (line) => ld?.notify(line));
          ld = new LineDiscipline(
            cli,
            {
              write: (data) => {
                if (stream.writable) stream.write(data);
              },
              close: () => {
                cli.close('device');
                stream.exit(0);
                stream.end();
                client.end();
              },
            },
            { latencyMs: this.spec.sim?.latency_ms ?? 0, ...(this.spec.sim?.command_delay_ms ? { commandDelayMs: this.spec.sim.command_delay_ms } : {}), disconnectAfter: this.spec.sim?.faults?.disconnect_after_commands },
          );
          stream.on('data', (d: Buffer) => ld!.input(d.toString('latin1')));
          stream.on('close', () => cli.close());
          ld.start(device.running.bannerMotd);
        });
        session.on('exec', (acceptExec, _reject, info) => {
          const stream = acceptExec();
          const device = this.device();
          const cli = new CliSession(device, username, peer, () => undefined);
          const out = cli.execute(info.command).output;
          cli.close();
          stream.write(out.replace(/\r?\n/g, '\r\n'));
          stream.exit(0);
          stream.end();
        });
      });
    });
  }
}
