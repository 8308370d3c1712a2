/**
 * CPU to read one long output through the prompt layer (src/device/channel.ts), as it arrives in
 * 16 KiB pieces: a running-config of interface stanzas with a `%` in its banner (any `%` made the
 * syslog lifter look at the whole output again on every piece). The stream is a fake in-process
 * one, so only the channel's own work is counted; each build given is loaded from its dist/.
 *
 *   node dist-bench/bench/src/read-long-output.js [--piece BYTES] [BUILD_ROOT…]   (default: 16384, this checkout)
 *
 * Prints one JSON line per build and size (median and best CPU ms of 7 reads after a warm-up; the
 * builds in one process, one after another, so they are compared inside one invocation) and
 * appends them to bench/results/<start time>-read-long-output.jsonl.
 */
import { EventEmitter } from 'node:events';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const SIZES_KIB = [64, 512, 2048];
let PIECE = 16 * 1024;

export function longRunningConfig(kib: number): string {
  const lines = ['Building configuration...', '', 'Current configuration : 123456 bytes', 'banner motd ^C Authorized access only; 100% of sessions are logged ^C'];
  let length = lines.join('\r\n').length;
  for (let i = 1; length < kib * 1024; i++) {
    const stanza = [`interface GigabitEthernet1/0/${i}`, ' description access port', ' switchport mode access', '!'];
    lines.push(...stanza);
    length += stanza.join('\r\n').length + 4;
  }
  return lines.join('\r\n');
}

interface Build {
  Channel: new (stream: unknown, o: object) => { exchange(input: string, o: object): Promise<{ output: string }> };
  options: () => object;
}

/**
 * The prompt layer of the build at `root`, with the IOS options built here from its own modules:
 * builds older than iosChannelOptions (src/device/index.ts) do not export it.
 */
function loadBuild(root: string): Build {
  const dist = (m: string): Record<string, unknown> => require(path.join(root, 'dist', m)) as Record<string, unknown>;
  const { Redactor } = dist('redact.js') as { Redactor: new () => unknown };
  const platform = dist('device/ios-platform.js');
  const { modeOfPrompt } = dist('device/mode-step.js') as { modeOfPrompt: (l: string) => unknown };
  return {
    Channel: dist('device/channel.js').Channel as Build['Channel'],
    options: () => ({
      host: 'sw-bench', redactor: new Redactor(), isPrompt: (l: string) => modeOfPrompt(l) !== undefined,
      morePattern: platform.MORE_PATTERN, questionPatterns: platform.QUESTION_PATTERNS, interrupt: '\x03', returnChar: '\r',
    }),
  };
}

async function readOnce(build: Build, config: string): Promise<number> {
  const command = 'show running-config';
  const reply = `${command}\r\n${config}\r\nSwitch#`;
  const stream = Object.assign(new EventEmitter(), {
    write(data: string): boolean {
      if (data.startsWith(command)) {
        setImmediate(() => {
          for (let i = 0; i < reply.length; i += PIECE) stream.emit('data', Buffer.from(reply.slice(i, i + PIECE)));
        });
      }
      return true;
    },
    end(): void {},
  });
  const channel = new build.Channel(stream, build.options());
  const before = process.cpuUsage();
  const exchange = await channel.exchange(command, { timeoutMs: 60_000, phase: 'command' });
  const used = process.cpuUsage(before);
  if (!exchange.output.endsWith('!')) throw new Error('the output was not read whole');
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const here = path.join(__dirname, '..', '..', '..');
  const args = process.argv.slice(2);
  const pieceAt = args.indexOf('--piece');
  if (pieceAt >= 0) PIECE = Number(args.splice(pieceAt, 2)[1]);
  if (!(PIECE >= 1)) throw new Error('--piece: a number of bytes ≥ 1');
  const roots = args;
  const builds = roots.length ? roots.map((r) => path.resolve(r)) : [here];
  const at = new Date().toISOString();
  const resultsDir = path.join(here, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `${at.slice(0, 19).replace(/:/g, '-')}Z-read-long-output.jsonl`);
  for (const kib of SIZES_KIB) {
    const config = longRunningConfig(kib);
    for (const root of builds) {
      const build = loadBuild(root);
      const ms: number[] = [];
      for (let i = 0; i < 8; i++) ms.push(await readOnce(build, config));
      const sorted = ms.slice(1).sort((a, b) => a - b);
      const r = (x: number): number => Number(x.toFixed(1));
      const line = JSON.stringify({ at, build: root, kib, pieceBytes: PIECE, medianMs: r(sorted[3]!), bestMs: r(sorted[0]!) });
      console.log(line);
      appendFileSync(resultsFile, `${line}\n`);
    }
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
