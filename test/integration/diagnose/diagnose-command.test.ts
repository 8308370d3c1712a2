/**
 * `slp diagnose` in-process (src/cli.ts main) against the simulated lab: inventory, --limit,
 * JSON on stdout, exit codes. 127.0.0.1 only; the inventory is written to a temp dir.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli';
import { startFleet, type Fleet } from '../../../src/simulator';
import { spec } from './lab';

let fleet: Fleet;
let dir: string;
let inventory: string;

beforeAll(async () => {
  fleet = await startFleet([spec('sw-new'), spec('sw-locked', { faults: { auth_failure: true } })], { host: '127.0.0.1', asyncDelayMs: 20 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'slp-diagnose-cli-'));
  inventory = path.join(dir, 'inventory.yaml');
  writeFileSync(inventory, [
    'all:',
    '  vars:',
    '    ansible_host: 127.0.0.1',
    '    ansible_user: admin',
    '    ansible_password: admin',
    '    ansible_become_password: lab-enable',
    '    slp_host_key_checking: "off"',
    '    slp_connect_timeout: 5',
    '    slp_command_timeout: 10',
    '  children:',
    '    lab:',
    '      hosts:',
    `        sw-new: { ansible_port: ${fleet.hosts['sw-new']!.port} }`,
    `        sw-locked: { ansible_port: ${fleet.hosts['sw-locked']!.port} }`,
    '',
  ].join('\n'));
});
afterAll(async () => {
  await fleet.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command in-process; stderr (the runner's progress display, errors) is kept apart. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const chunks: string[] = [];
  const err: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (err.push(String(c)), true));
  try {
    const code = await main(['node', 'slp', 'diagnose', '-i', inventory, ...args]);
    return { code, out: chunks.join(''), err };
  } finally {
    spy.mockRestore();
    errSpy.mockRestore();
  }
}

describe('slp diagnose (command)', () => {
  it('--limit one factory-default host: not configured, exit 2, text for people', async () => {
    const { code, out } = await run(['--limit', 'sw-new']);
    expect(code).toBe(2);
    expect(out).toMatch(/^sw-new: not_configured — transport is cslu, not Smart/);
    expect(out).toContain('    show license status: Transport: Type: cslu');
    expect(out).toContain('recap: 1 host(s): 0 healthy, 1 with a cause, 0 unreachable');
  });

  it('--json - prints JSON only; an unreachable host makes the exit code 4', async () => {
    const { code, out } = await run(['--json', '-']);
    expect(code).toBe(4);
    // The runner's JSON report: a cause found is a failed host, as in `slp run`.
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ command: 'diagnose', exitCode: 4 });
    expect(doc.plays[0].hosts.map((h: { host: string; status: string }) => [h.host, h.status])).toEqual([['sw-new', 'failed'], ['sw-locked', 'unreachable']]);
    expect(doc.plays[0].hosts[0].diagnosis.cause).toBe('not_configured');
    expect(out).not.toContain('lab-enable');
  });

  it('--json FILE writes the same document next to the text, owner-only even over an existing 0644 file', async () => {
    const file = path.join(dir, 'out.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    chmodSync(file, 0o644);
    const { out } = await run(['--limit', 'sw-new', '--json', file]);
    expect(out).toMatch(/^sw-new: not_configured/);
    expect(JSON.parse(readFileSync(file, 'utf8')).plays[0].hosts[0].diagnosis.cause).toBe('not_configured');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('a --limit that matches nothing is bad input (exit 2) before any connection', async () => {
    const { code, err } = await run(['--limit', 'sw-nope']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^--limit:1:1: "sw-nope" is neither a host nor a group/);
  });
});
