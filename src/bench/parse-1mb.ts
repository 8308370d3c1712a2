/**
 * Parse time of a 1 MB `show license tech support`: the text is what a converged simulated switch
 * printed, fetched through the real driver, repeated until it reaches 1 MiB (a stack with a long
 * history prints the same sections many times over). Timed in this process, best and median of
 * several rounds, after one warm-up.
 */
import { connectDevice } from '../device';
import { parseShowLicenseTechSupport } from '../parsers';
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
    return (await device.run('show license tech support')).output;
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
