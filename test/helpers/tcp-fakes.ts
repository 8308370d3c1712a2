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
