import * as net from 'net';

/** TCP endpoints on 127.0.0.1 that misbehave below SSH: silent, closed, or frozen mid-session. */

/** Binds `server` to 127.0.0.1 on an ephemeral port and returns the port. */
export async function listenLocal(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Destroys the sockets a test server still holds, then closes it. */
function closeAll(server: net.Server, sockets: Set<net.Socket>): Promise<void> {
  return new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

/** A TCP server that accepts connections and never says a word (a wedged SSH daemon). */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  return { port: await listenLocal(server), close: () => closeAll(server, sockets) };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listenLocal(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A TCP relay to 127.0.0.1:`targetPort` that can go silent without closing (a switch that lost
 * power behind a firewall that keeps the TCP state): `freeze()` drops every byte in both ways.
 */
export async function startFreezableRelay(targetPort: number): Promise<{ port: number; freeze(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('data', (d) => {
        if (!frozen) to.write(d);
      });
      from.on('error', () => undefined);
      from.on('close', () => {
        sockets.delete(from);
        if (!frozen) to.destroy();
      });
    }
  });
  return {
    port: await listenLocal(server),
    freeze: () => {
      frozen = true;
    },
    close: () => closeAll(server, sockets),
  };
}

/** The name-lists of an SSH KEXINIT, in wire order (RFC 4253 §7.1). */
export interface KexInitLists {
  kex: string[];
  hostKey: string[];
  cipher: string[];
  mac: string[];
}

/** An unencrypted SSH_MSG_KEXINIT packet (RFC 4253 §6, §7.1) offering `l` in both directions. */
export function kexInitPacket(l: KexInitLists): Buffer {
  const nameList = (names: string[]) => {
    const b = Buffer.from(names.join(','), 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const payload = Buffer.concat([
    Buffer.from([20]),
    Buffer.alloc(16, 7),
    ...[l.kex, l.hostKey, l.cipher, l.cipher, l.mac, l.mac, ['none'], ['none'], [], []].map(nameList),
    Buffer.from([0, 0, 0, 0, 0]),
  ]);
  let padding = 8 - ((payload.length + 5) % 8);
  if (padding < 4) padding += 8;
  const head = Buffer.alloc(5);
  head.writeUInt32BE(payload.length + padding + 1);
  head.writeUInt8(padding, 4);
  return Buffer.concat([head, payload, Buffer.alloc(padding)]);
}

/**
 * An old SSH server's first words and nothing more: its identification line and its KEXINIT,
 * then it resets the connection as soon as the client answers (as old IOS images do when no
 * algorithm matches, without a DISCONNECT saying why).
 */
export async function startKexInitThenResetServer(ident: string, lists: KexInitLists): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.write(`${ident}\r\n`);
    s.write(kexInitPacket(lists));
    s.once('data', () => s.resetAndDestroy());
  });
  return { port: await listenLocal(server), close: () => closeAll(server, sockets) };
}

/**
 * A TCP relay to 127.0.0.1:`targetPort` that breaks a live session on demand, below SSH:
 * `reset()` sends the client a TCP RST (ECONNRESET), `garble()` slips bytes that are no SSH packet
 * into the stream towards the client (a protocol error in ssh2's decipher).
 */
export async function startFaultyRelay(targetPort: number): Promise<{ port: number; reset(): void; garble(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const clients = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    clients.add(client);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('data', (d) => to.write(d));
      from.on('error', () => undefined);
      from.on('close', () => {
        sockets.delete(from);
        clients.delete(from);
        to.destroy();
      });
    }
  });
  return {
    port: await listenLocal(server),
    reset: () => {
      for (const c of clients) c.resetAndDestroy();
    },
    garble: () => {
      for (const c of clients) c.write(Buffer.alloc(64, 0xff));
    },
    close: () => closeAll(server, sockets),
  };
}
