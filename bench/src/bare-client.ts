/**
 * What the lab itself allows on this machine: a bare ssh2 client, doing nothing but send the
 * lines slp sends and wait for each prompt, replayed on the same simulated fleet with the same
 * concurrency. Its wall time over the floor is the part of slp's ratio that belongs to the lab
 * (the simulator's CPU on the same cores, SSH handshakes, loopback TCP), not to the runner.
 *
 * The lines come from slp itself: one switch converged and then run again with `--log-dir`, each
 * session's transcript read back (`Switch#command`). Two substitutions, both the same number of
 * lines: the transcript's `***` is the lab's token again, and the telnet probe with its
 * `disconnect` becomes two `show clock` (a telnet session takes the terminal with its own escape
 * sequence; replaying that is not what this measures).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'ssh2';
import { runOnce, SimChild } from './children';
import { LAB_CREDENTIALS, LAB_TOKEN, benchHostName, writeBenchLab } from './lab';

export interface ReplayLines {
  converge: string[];
  idempotent: string[];
}

const PROMPT_LINE = /^Switch(\([\w-]+\))?[#>](.*)$/;

/** The lines typed in each session of a transcript, in order (an Enter alone is an empty line). */
export function transcriptSessions(text: string): string[][] {
  return text
    .split(/### slp-runner session [^\n]*\n?/)
    .slice(1)
    .map((session) => {
      const lines = session.split('\n').map((l) => PROMPT_LINE.exec(l.replace(/\r$/, ''))?.[2]).filter((l): l is string => l !== undefined);
      // The last prompt has nothing typed after it: the session ended there.
      if (lines.at(-1) === '') lines.pop();
      return lines;
    });
}

function replayable(lines: string[]): string[] {
  return lines.map((l) => (/^(telnet |disconnect$)/.test(l) ? 'show clock' : l.replace('***', LAB_TOKEN)));
}

/** Converges one simulated switch with slp, runs it again, and reads both sessions' lines. */
export async function captureLines(root: string, latencyMs: number): Promise<ReplayLines> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slp-bench-bare-'));
  const { sim, ports } = await SimChild.start(1, latencyMs);
  try {
    const lab = writeBenchLab(dir, ports, path.join(root, 'playbooks', 'day0.yaml'));
    const logDir = path.join(dir, 'logs');
    for (const tag of ['converge', 'idempotent']) await runOnce(dir, lab, 1, tag, ['--log-dir', logDir]);
    const sessions = transcriptSessions(readFileSync(path.join(logDir, `${benchHostName(0)}.log`), 'utf8'));
    if (sessions.length !== 2) throw new Error(`bare client: expected 2 sessions in the transcript, found ${sessions.length}`);
    return { converge: replayable(sessions[0]!), idempotent: replayable(sessions[1]!) };
  } finally {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const AT_PROMPT = /(^|\n)Switch(\([\w-]+\))?[#>] ?$/;

/** One switch: log in, send each line once the prompt is back (the enable secret when asked). */
function replayHost(port: number, lines: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const sock = tcpConnect({ host: '127.0.0.1', port });
    sock.setNoDelay(true);
    client.on('error', reject);
    client.on('ready', () => {
      client.shell({ term: 'vt100' }, (error, stream) => {
        if (error) return reject(error);
        let next = 0;
        let text = '';
        stream.on('data', (d: Buffer) => {
          text += d.toString('latin1');
          if (/Password: ?$/.test(text)) {
            text = '';
            stream.write(`${LAB_CREDENTIALS.enableSecret}\r`);
          } else if (AT_PROMPT.test(text)) {
            text = '';
            if (next === lines.length) client.end();
            else stream.write(`${lines[next++]}\r`);
          }
        });
        stream.on('close', () => resolve());
      });
    });
    client.connect({ sock, username: LAB_CREDENTIALS.username, password: LAB_CREDENTIALS.password });
  });
}

/** Every switch of the fleet, `forks` at a time; the client's wall time and CPU. */
export async function replayFleet(ports: readonly number[], lines: readonly string[], forks: number): Promise<{ wallMs: number; cpuMicros: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let i = 0;
  const lane = async (): Promise<void> => {
    while (i < ports.length) await replayHost(ports[i++]!, lines);
  };
  await Promise.all(Array.from({ length: Math.min(forks, ports.length) }, lane));
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: Number(process.hrtime.bigint() - t0) / 1e6, cpuMicros: cpu.user + cpu.system };
}
