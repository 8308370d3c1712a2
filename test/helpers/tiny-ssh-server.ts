import * as net from 'net';
import { ParsedKey, Server, utils } from 'ssh2';
import { generateHostKey } from './generate-host-key';
import { listenLocal } from './tcp-fakes';
import { TinyShell, type TinyScript } from './tiny-shell';

/**
 * A tiny, scripted IOS-like SSH server for the device driver's edge-case tests. It is not the
 * simulator: it knows only prompts, enable, config mode and the replies a test scripts, and it
 * can misbehave on purpose (banners with `#`, ANSI, paging, questions, syslog mid-output, hangs,
 * disconnects). Binds 127.0.0.1 on port 0.
 */

/** A running tiny server: its port, the lines its shells received, and how to stop it. */
export interface TinyServer {
  port: number;
  /** Every line the client entered, in order, per session (secrets included: tests only). */
  lines: string[];
  hostKey: string | Buffer;
  close(): Promise<void>;
}

/** Starts a scripted server on 127.0.0.1:0. */
export async function startTinyServer(script: TinyScript = {}): Promise<TinyServer> {
  const hostKey = script.hostKey ?? generateHostKey().private;
  const lines: string[] = [];
  const user = script.username ?? 'admin';
  const pass = script.password ?? 'admin-pw';
  const allowed = script.authorizedKey ? (utils.parseKey(script.authorizedKey) as ParsedKey) : undefined;
  const clients = new Set<{ end(): unknown }>();
  const server = new Server({ hostKeys: [hostKey], ...(script.algorithms ? { algorithms: script.algorithms as never } : {}) }, (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.username !== user) return ctx.reject();
      if (ctx.method === 'password' && ctx.password === pass) return ctx.accept();
      if (ctx.method === 'publickey' && allowed) {
        if (ctx.key.algo !== allowed.type || !ctx.key.data.equals(allowed.getPublicSSH())) return ctx.reject();
        if (!ctx.signature) return ctx.accept();
        return allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true ? ctx.accept() : ctx.reject();
      }
      return ctx.reject(allowed ? ['password', 'publickey'] : ['password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('pty', (accept) => accept?.());
        session.on('shell', (accept) => {
          new TinyShell(accept(), script, lines);
        });
      });
      client.on('tcpip', (accept, reject, info) => {
        if (!script.allowForwarding || info.destIP !== '127.0.0.1') return reject();
        const sock = net.connect(info.destPort, '127.0.0.1', () => {
          const ch = accept();
          ch.pipe(sock).pipe(ch);
        });
        sock.on('error', () => reject());
      });
    });
  });
  return {
    port: await listenLocal(server),
    lines,
    hostKey,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        server.close(() => resolve());
      }),
  };
}
