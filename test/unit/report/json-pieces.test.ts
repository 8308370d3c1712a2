import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '../../../src/redact';
import { jsonDocument, jsonPieces } from '../../../src/report/json-pieces';
import { buildJsonReport } from '../../../src/report/json-report';
import { batched, writeReport } from '../../../src/report/write-report';
import type { RunResult } from '../../../src/results/run-result';
import { runPlaybook } from '../../../src/runner/run-playbook';
import { ctx, fakeSteps, play } from '../runner/fake-steps';

const joined = (v: unknown, depth?: number): string => [...jsonPieces(v, depth)].join('');

/** Values JSON.stringify meets in a report, and the ones it treats specially. */
const member = fc.oneof(
  fc.jsonValue(),
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.date({ noInvalidDate: true }),
  fc.constant(Number.NaN),
  fc.string({ unit: 'binary' }),
  fc.constant({ toJSON: () => undefined }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, member, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
})).node;

describe('jsonPieces', () => {
  it('joins to exactly what JSON.stringify(value, null, 2) writes, at any depth of walking', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(value), fc.dictionary(fc.string(), value)), fc.integer({ min: 0, max: 6 }), (v, depth) => {
        expect(joined(v, depth)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('writes a real run report byte for byte as before, without one piece holding more than one host', async () => {
    const hosts = Array.from({ length: 60 }, (_, i) => `sw-${i}`);
    const run: RunResult = await runPlaybook([play('Day-0', hosts, {})], { steps: fakeSteps({ 'sw-3': 'trust-fails', 'sw-7': 'unreachable' }), ctx: ctx() });
    const report = buildJsonReport(run, { command: 'run', inventory: 'inv.yaml', playbook: 'pb.yaml', toolVersion: '0.1.0', exitCode: 2 }, new Redactor([]));
    const pieces = [...jsonDocument(report)];
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    const largestHost = Math.max(...report.plays[0]!.hosts.map((h) => JSON.stringify(h, null, 2).length));
    // Indentation adds two spaces per line of the host: still one host's worth.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(largestHost * 1.5);
    expect(pieces.join('').length).toBeGreaterThan(largestHost * 40);
  });
});

describe('writeReport in pieces', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'slp-pieces-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same file, owner-only, piece by piece', () => {
    const doc = { hosts: Array.from({ length: 3000 }, (_, i) => ({ host: `sw-${i}`, note: 'é ✓ — 日本', n: i })) };
    const file = join(dir, 'out', 'report.json');
    writeReport(file, jsonDocument(doc));
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('keeps multi-byte text whole across the write buffer, and a piece bigger than the buffer too', () => {
    // 1 MiB buffer: 400,000 three-byte characters are one piece of 1.2 MB; the small ones before
    // and after fill the buffer unevenly, so flushes land between any two pieces.
    const doc = { hosts: Array.from({ length: 20000 }, (_, i) => ({ host: `sw-${i}`, note: i === 7000 ? '日'.repeat(400_000) : `é${'✓'.repeat(i % 50)}😀` })) };
    const file = join(dir, 'big.json');
    writeReport(file, jsonDocument(doc));
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('to stdout (`-`), a stream of batches that joins to the document', () => {
    const doc = { events: Array.from({ length: 5000 }, (_, i) => ({ type: 'host-end', host: `sw-${i}` })) };
    const writes: string[] = [];
    writeReport('-', jsonDocument(doc), { write: (s: string) => writes.push(s) } as unknown as NodeJS.WritableStream);
    expect(writes.join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(writes.length).toBeGreaterThan(0);
  });

  it('batches small pieces up to the size asked, a big piece alone', () => {
    expect([...batched(['ab', 'cd', 'e', 'fghij', 'k'], 4)]).toEqual(['abcd', 'efghij', 'k']);
    expect([...batched([], 4)]).toEqual([]);
  });
});
