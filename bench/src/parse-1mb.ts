/**
 * Parse time of a 1 MB `show license tech support`: the text is what a converged simulated switch
 * printed, fetched through the real driver, repeated until it reaches 1 MiB (a stack with a long
 * history prints the same sections many times over). Timed in a fresh child process (as `slp parse`
 * or a run would meet it, not inside the bench's own heap, whose garbage collection would weigh on
 * the median), best and median of 21 rounds after one warm-up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDevice } from '../../src/device';
import { parseShowLicenseTechSupport } from '../../src/parsers';
import { percentile } from './figures';

export const ONE_MB = 1024 * 1024;

export function repeatToSize(sample: string, bytes: number): string {
  const unit = sample.endsWith('\n') ? sample : `${sample}\n`;
  const copies = Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit)));
  return unit.repeat(copies);
}

export async function fetchTechSupport(port: number, credentials: { username: string; password: string; enableSecret: string }): Promise<string> {
  const device = await connectDevice({
    name: 'bench-sample', host: '127.0.0.1', port, ...credentials,
    hostKeyChecking: 'off', connectTimeoutMs: 30_000, commandTimeoutMs: 60_000,
  });
  try {
    return (await device.run('show license tech support')).throwIfFailed().output;
  } finally {
    await device.close();
  }
}

export function timeParse(text: string, rounds = 7): { bytes: number; bestMs: number; medianMs: number } {
  parseShowLicenseTechSupport(text);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    parseShowLicenseTechSupport(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const r = (x: number): number => Number(x.toFixed(1));
  return { bytes: Buffer.byteLength(text), bestMs: r(Math.min(...times)), medianMs: r(percentile(times, 50)!) };
}

/** Times the parse in a fresh Node process: `node parse-1mb.js FILE ROUNDS` prints timeParse's JSON. */
export function timeParseInChild(text: string, rounds = 21): { bytes: number; bestMs: number; medianMs: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slp-parse-1mb-'));
  try {
    const file = path.join(dir, 'tech-support.txt');
    writeFileSync(file, text);
    return JSON.parse(execFileSync(process.execPath, [__filename, file, String(rounds)], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [file, rounds] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(timeParse(readFileSync(file!, 'utf8'), Number(rounds) || 21)));
}
