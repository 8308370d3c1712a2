/**
 * Files the tool writes are its owner's only (0600), also when they already existed with a wider
 * mode: `mode` of open/writeFile only applies on creation. Each writer is run over a file
 * pre-created 0644 (and with umask 0, so the mode is not the umask's doing).
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transcript } from '../../src/device/transcript';
import { openPrivateFile, writePrivateFile } from '../../src/private-file';
import { Redactor } from '../../src/redact';
import { writeReport } from '../../src/report/write-report';
import { writeBackup } from '../../src/converge/backup';

let dir: string;
let umask: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-private-'));
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (file: string): string => (statSync(file).mode & 0o777).toString(8);

/** A file left world-readable by an earlier tool or a user's `cp`. */
function preexisting(name: string, text = 'old\n'): string {
  const file = join(dir, name);
  writeFileSync(file, text, { mode: 0o644 });
  chmodSync(file, 0o644);
  expect(modeOf(file)).toBe('644');
  return file;
}

describe('writePrivateFile / openPrivateFile', () => {
  test('an existing 0644 file is replaced and left 0600', () => {
    const file = preexisting('report.json');
    writePrivateFile(file, '{"new":true}\n');
    expect([readFileSync(file, 'utf8'), modeOf(file)]).toEqual(['{"new":true}\n', '600']);
  });

  test("'a' keeps the old content, appends, and tightens the mode", () => {
    const file = preexisting('x.log');
    writePrivateFile(file, 'more\n', 'a');
    expect([readFileSync(file, 'utf8'), modeOf(file)]).toEqual(['old\nmore\n', '600']);
  });

  test("a new file in a new folder is 0600; 'wx' refuses an existing file and leaves it alone", () => {
    const file = join(dir, 'a', 'b', 'new.cfg');
    writePrivateFile(file, 'x', 'wx');
    expect(modeOf(file)).toBe('600');
    const old = preexisting('kept.cfg');
    expect(() => openPrivateFile(old, 'wx')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect([readFileSync(old, 'utf8'), modeOf(old)]).toEqual(['old\n', '644']);
  });
});

describe('every writer over a pre-existing 0644 file', () => {
  test('writeReport (JSON/JUnit reports, the plan file, slp diagnose --json)', () => {
    const file = preexisting('plan.json');
    writeReport(file, '{"hosts":[]}\n');
    expect([readFileSync(file, 'utf8'), modeOf(file)]).toEqual(['{"hosts":[]}\n', '600']);
  });

  test('a session transcript opened again in append mode', async () => {
    const file = preexisting('sw1.log', '### earlier session\n');
    const t = new Transcript(file, 'sw1', new Date('2025-01-24T23:19:05Z'));
    t.write('sw1#show clock\n');
    await t.close();
    expect(readFileSync(file, 'utf8')).toBe('### earlier session\n### slp-runner session sw1 2025-01-24T23:19:05.000Z\nsw1#show clock\n');
    expect(modeOf(file)).toBe('600');
  });

  test('a backup never overwrites: next to an existing 0644 one it writes -1, at 0600', async () => {
    const now = new Date('2025-01-24T23:19:05.144Z');
    const first = await writeBackup(dir, 'sw1', 'hostname sw1\n', new Redactor([]), now);
    chmodSync(first, 0o644);
    const second = await writeBackup(dir, 'sw1', 'hostname sw1-b\n', new Redactor([]), now);
    expect(readdirSync(join(dir, 'sw1')).sort()).toEqual(['2025-01-24T23-19-05-144Z-1.cfg', '2025-01-24T23-19-05-144Z.cfg']);
    expect([readFileSync(first, 'utf8'), modeOf(first)]).toEqual(['hostname sw1\n', '644']);
    expect([readFileSync(second, 'utf8'), modeOf(second)]).toEqual(['hostname sw1-b\n', '600']);
  });
});
