/**
 * A small SSH client for simulator tests (ssh2 Client, not src/device/): opens a shell with a pty,
 * sends one line at a time and reads until an IOS prompt (or a given pattern) ends the output.
 */
import { Client, type ClientChannel } from 'ssh2';

export const PROMPT_RE = /[\w.\-:/[\]]+(\([\w-]+\))?[>#] ?$/;

export interface SimClient {
  /** Everything received so far (raw). */
  transcript(): string;
  /** Waits until the received text (since the last read) matches `until`; returns it. */
  read(until?: RegExp, timeoutMs?: number): Promise<string>;
  /** Writes raw bytes (no line ending added). */
  write(data: string): void;
  /** Sends `line` + CR and returns the text up to and including the next prompt. */
  send(line: string, until?: RegExp): Promise<string>;
  /** Sends a line and returns only the output (echo line and trailing prompt removed). */
  cmd(line: string): Promise<string>;
  /**
   * Resolves once everything the switch sent before it read this request has arrived: an SSH
   * global request (tcpip-forward, which the simulator refuses) is answered on the same connection,
   * so behind that output. How a test shows that nothing more came, without waiting for it.
   */
  barrier(): Promise<void>;
  closed(): Promise<void>;
  end(): void;
}

export interface ConnectOptions {
  port: number;
  username?: string;
  password?: string;
  privateKey?: string | Buffer;
  algorithms?: Record<string, string[]>;
}

export function connectSim(opts: ConnectOptions): Promise<SimClient> {
  return new Promise((resolve, reject) => {
    const conn = new Client();
    let all = '';
    let pending = '';
    let waiter: { re: RegExp; done: (s: string) => void; timer: NodeJS.Timeout } | undefined;
    let closedResolve: () => void = () => undefined;
    const closed = new Promise<void>((r) => (closedResolve = r));
    const check = (): void => {
      if (waiter && waiter.re.test(pending)) {
        const w = waiter;
        waiter = undefined;
        clearTimeout(w.timer);
        const out = pending;
        pending = '';
        w.done(out);
      }
    };
    conn.on('error', reject);
    conn.on('close', () => closedResolve());
    conn.on('ready', () => {
      conn.shell({ term: 'vt100', rows: 24, cols: 200 }, (err: Error | undefined, stream: ClientChannel) => {
        if (err) return reject(err);
        stream.on('data', (d: Buffer) => {
          all += d.toString('latin1');
          pending += d.toString('latin1');
          check();
        });
        stream.on('close', () => conn.end());
        const client: SimClient = {
          transcript: () => all,
          read: (until = PROMPT_RE, timeoutMs = 10_000) =>
            new Promise((res, rej) => {
              waiter = { re: until, done: res, timer: setTimeout(() => rej(new Error(`timeout waiting for ${until}; got ${JSON.stringify(pending)}`)), timeoutMs) };
              check();
            }),
          write: (data) => stream.write(data),
          send: async (line, until) => {
            stream.write(`${line}\r`);
            return client.read(until);
          },
          cmd: async (line) => {
            const raw = await client.send(line);
            const lines = raw.split('\r\n');
            // first line is the echo of the command, last one the prompt
            return lines.slice(1, -1).join('\n');
          },
          // The reply is handled as it is parsed; data parsed before it may still be queued for
          // the stream's 'data' event, so yield one turn of the event loop before resolving.
          barrier: () => new Promise((res) => conn.forwardIn('127.0.0.1', 0, () => setImmediate(res))),
          closed: () => closed,
          end: () => conn.end(),
        };
        resolve(client);
      });
    });
    conn.connect({
      host: '127.0.0.1',
      port: opts.port,
      username: opts.username ?? 'admin',
      password: opts.password,
      privateKey: opts.privateKey,
      algorithms: opts.algorithms as never,
      readyTimeout: 10_000,
    });
  });
}

/** Connects and waits for the first prompt. */
export async function openSim(opts: ConnectOptions): Promise<SimClient> {
  const c = await connectSim(opts);
  await c.read();
  return c;
}
