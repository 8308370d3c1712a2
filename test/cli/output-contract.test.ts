/**
 * The CLI's output contract (issue 18), each item run through the built CLI (node bin/slp.js, so
 * `npm run build` first) against simulated switches on 127.0.0.1: which stream carries what, the
 * JUnit file as a CI system reads it, the heartbeat without a TTY, the play line, lost sessions
 * named, hostile input bounded, output paths checked before any connection, diagnosis steps for
 * people.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startFleet, type Fleet, type SimDeviceSpec } from '../../src/simulator';
import { slpAsCi } from '../helpers/spawn-slp';
import { startSilentServer } from '../helpers/tcp-fakes';

const TOKEN = 'T3V0cHV0Q29udHJhY3RUb2tlbi1mYWtlLTAxMjM0NTY3ODlhYmNk%0AZWY%3D%0A';
const credentials = { username: 'admin', password: 'Out-Pass-1234', enableSecret: 'Out-Enable-5678' };
const SPECS: SimDeviceSpec[] = [
  { name: 'sw-ok', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.12.03' } },
  { name: 'sw-dns', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.09.04', faults: { dns_unreachable: true } } },
  // The session drops after N commands: in the plan step (nothing sent), and at the save (after the push).
  { name: 'sw-drop-read', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.09.04', faults: { disconnect_after_commands: 6 } } },
  { name: 'sw-drop-save', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.09.04', faults: { disconnect_on_command: 'write memory' } } },
];
const BIN = path.join(__dirname, '../../bin/slp.js');

let fleet: Fleet;
let silent: Awaited<ReturnType<typeof startSilentServer>>;
let dir: string;

const slp = (args: string[], env: Record<string, string> = {}) => slpAsCi(args, { cwd: dir, token: TOKEN, env });

/** Sessions any switch of the lab has seen, open or closed: 0 more means nothing was contacted. */
const sessions = (): number => SPECS.reduce((n, s) => n + fleet.device(s.name).state.closedSessions.length + fleet.device(s.name).openSessionModes().length, 0);

beforeAll(async () => {
  fleet = await startFleet(SPECS, { host: '127.0.0.1', asyncDelayMs: 30 });
  silent = await startSilentServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'slp-cli-contract-'));
  const port = (h: string): number => fleet.hosts[h]!.port;
  writeFileSync(path.join(dir, 'inv.yaml'), `
all:
  vars:
    ansible_host: 127.0.0.1
    ansible_user: admin
    ansible_password: ${credentials.password}
    ansible_become_password: ${credentials.enableSecret}
    slp_host_key_checking: "off"
    slp_connect_timeout: 3
    slp_command_timeout: 10
  hosts:
    sw-ok: { ansible_port: ${port('sw-ok')} }
    sw-dns: { ansible_port: ${port('sw-dns')} }
    sw-drop-read: { ansible_port: ${port('sw-drop-read')} }
    sw-drop-save: { ansible_port: ${port('sw-drop-save')} }
    sw-silent: { ansible_port: ${silent.port} }
`);
  const play = (name: string) => `
- name: ${name}
  hosts: all
  slp:
    transport: smart
    url: default
    http_client_source_interface: Vlan10
    dns: { lookup: true, servers: [10.31.104.74], domain: example.com, source_interface: Vlan10 }
    trust: { token: "{{ env.SLP_IDTOKEN }}", scope: all, timeout: 10s }
    sync: true
  verify:
    - trust_installed: true
`;
  writeFileSync(path.join(dir, 'pb.yaml'), play('Day-0'));
  writeFileSync(path.join(dir, 'two.yaml'), `${play('First')}${play('Second')}`);
});

afterAll(async () => {
  await fleet?.stop();
  await silent?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `junit2json` (an npm JUnit-XML reader) on the XML: what a CI system's parser sees. */
function readJunit(xml: string): { testsuite: { name: string; timestamp: string; time: number; tests: number; failures: number; testcase: { name: string }[] }[] } {
  const cli = path.join(__dirname, '../../node_modules/junit2json/dist/esm/cli.js');
  const r = spawnSync(process.execPath, [cli, '-'], { input: xml, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`junit2json failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('machine-readable output on stdout', () => {
  it('run --json - | jq: stdout is the JSON report alone, the recap goes to stderr', async () => {
    const r = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-ok', '--json', '-']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('PLAY RECAP');
    expect(r.stdout).not.toContain('PLAY RECAP');
    // jq is what a user pipes into; where it is not installed, JSON.parse reads the same text.
    const jq = spawnSync('jq', ['-e', '.plays[0].hosts[0].host'], { input: r.stdout, encoding: 'utf8' });
    if (jq.error) {
      if (process.env.CI) throw new Error('jq is missing (apt-get install jq)');
      process.stderr.write('note: jq not installed; read with JSON.parse instead\n');
      expect(JSON.parse(r.stdout).plays[0].hosts[0].host).toBe('sw-ok');
    } else {
      expect([jq.status, jq.stdout.trim()]).toEqual([0, '"sw-ok"']);
    }
  }, 60_000);

  it('a real pipe into jq: `slp run … --json - | jq .exitCode` prints the exit code', async () => {
    const piped = await new Promise<{ out: string; code: number | null }>((resolve) => {
      const shell = spawn('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" run pb.yaml -i inv.yaml -l sw-ok -C --json - 2>/dev/null | jq .exitCode`], {
        cwd: dir, env: { ...process.env, SLP_IDTOKEN: TOKEN, CI: '1', NODE_ENV: '' },
      });
      let out = '';
      shell.stdout.on('data', (d) => (out += d));
      shell.on('close', (code) => resolve({ out, code }));
    });
    if (spawnSync('jq', ['--version']).error) return void expect(process.env.CI).toBeFalsy();
    expect([piped.code, piped.out.trim()]).toEqual([0, '0']);
  }, 60_000);

  it('run --junit -: stdout is the XML alone, read by a JUnit parser; --json - with --junit - is refused', async () => {
    const r = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-ok', '-C', '--junit', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    expect(r.stderr).toContain('PLAY RECAP');
    expect(readJunit(r.stdout).testsuite[0]!.testcase.map((c) => c.name)).toContain('sw-ok');

    const both = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '--json', '-', '--junit', '-']);
    expect([both.code, both.stdout, both.stderr.trim().split('\n')]).toEqual([2, '', [expect.stringContaining('--junit -: stdout already carries the JSON report')]]);
  }, 60_000);

  it('JUnit: each play is its own <testsuite> with its own start time and duration', async () => {
    const r = await slp(['run', 'two.yaml', '-i', 'inv.yaml', '-l', 'sw-ok', '-C', '--junit', 'two.xml']);
    expect(r.code).toBe(0);
    const xml = require('node:fs').readFileSync(path.join(dir, 'two.xml'), 'utf8') as string;
    const [first, second] = readJunit(xml).testsuite;
    expect([first!.name, second!.name]).toEqual(['First', 'Second']);
    expect(first!.timestamp).not.toBe(second!.timestamp);
    expect(first!.time).toBeGreaterThan(0);
    expect(second!.time).toBeGreaterThan(0);
    // The second play starts once the first has ended (times are rounded to the millisecond).
    expect(Date.parse(second!.timestamp)).toBeGreaterThanOrEqual(Date.parse(first!.timestamp) + Math.floor(first!.time * 1000) - 1);
  }, 60_000);
});

describe('runs that look stuck or wrong', () => {
  it('without a TTY, a heartbeat line says what the run waits on (interval from SLP_HEARTBEAT_MS)', async () => {
    const r = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-silent'], { SLP_HEARTBEAT_MS: '300' });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^… \[Day-0\] 0\/1 hosts done; running 1: sw-silent connect \d+ s$/m);
  }, 30_000);

  it('the play line shows ✖ and the failed count when a host failed', async () => {
    const r = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-dns']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✖ Day-0: 1/1 hosts done, 1 failed');
    expect(r.stderr).not.toContain('✔ Day-0:');
  }, 60_000);

  it('a session lost after connecting names its step and whether anything was sent', async () => {
    const read = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-drop-read']);
    expect(read.code).toBe(4);
    expect(read.stdout).toMatch(/sw-drop-read \(Day-0\): UNREACHABLE at plan: .*connection closed/);
    expect(read.stdout).toContain('  lost:     the connection was lost in the plan step; nothing that changes the switch had been sent');

    const save = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-drop-save']);
    expect(save.code).toBe(4);
    expect(save.stdout).toMatch(/sw-drop-save \(Day-0\): UNREACHABLE at apply: .*"write memory"/);
    expect(save.stdout).toMatch(/ {2}lost: {5}the connection was lost in the apply step; \d+ commands that change the switch had been sent before \(the last: "license smart sync all"\)/);
  }, 60_000);
});

describe('hostile or odd input', () => {
  it('a 10 MB binary file as the playbook: one short line, exit 2', async () => {
    writeFileSync(path.join(dir, 'binary.yaml'), randomBytes(10 * 1024 * 1024));
    const r = await slp(['run', 'binary.yaml', '-i', 'inv.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^binary\.yaml:\d+:\d+: not a text file/);
  });

  it('binary content without a NUL byte: bounded, every control character escaped', async () => {
    const bytes = randomBytes(2 * 1024 * 1024).map((b) => (b === 0 ? 1 : b));
    writeFileSync(path.join(dir, 'noise.yaml'), bytes);
    const r = await slp(['run', 'noise.yaml', '-i', 'inv.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(8_000);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('noise.yaml:');
  });

  it('diagnose --json: each step reads as a sentence, and no proxy step on a host without a proxy', async () => {
    const r = await slp(['diagnose', '-i', 'inv.yaml', '-l', 'sw-ok', '--json', '-']);
    const steps: string[] = JSON.parse(r.stdout).plays[0].hosts[0].diagnosis.steps;
    const decisions = steps.filter((s) => !s.startsWith('ran: '));
    expect(decisions.length).toBeGreaterThan(3);
    expect(decisions.join('\n')).not.toMatch(/: not [a-z_]+$|not not_|_/m);
    expect(decisions.join('\n')).not.toMatch(/proxy/i);
    expect(decisions).toContain('1. configuration (show license status: Transport): ok — transport is Smart');
  }, 60_000);
});

describe('output paths checked before any host is touched', () => {
  it.each([
    ['--json', 'a-folder'],
    ['--junit', 'a-folder'],
  ])('%s naming a folder: exit 2, one line, no connection', async (flag, target) => {
    mkdirSync(path.join(dir, target), { recursive: true });
    const before = sessions();
    const r = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-ok', flag, target]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`${flag} ${target}: is a folder; give a file name, e.g. ${path.join(target, 'report')}; nothing was contacted`]);
    expect(r.stderr).not.toContain('EISDIR');
    expect(sessions()).toBe(before);
  });

  it('--log-dir or --backup-dir that is a file, and a report under a file: refused before any connection', async () => {
    writeFileSync(path.join(dir, 'a-file'), 'x');
    const before = sessions();
    for (const [args, expected] of [
      [['--log-dir', 'a-file'], '--log-dir a-file: is a file, not a folder'],
      [['--backup-dir', 'a-file'], '--backup-dir a-file: is a file, not a folder'],
      [['--json', 'a-file/report.json'], `--json a-file/report.json: ${path.join(dir, 'a-file')} is not a folder`],
    ] as const) {
      const r = await slp(['run', 'pb.yaml', '-i', 'inv.yaml', '-l', 'sw-ok', ...args]);
      expect([r.code, r.stderr.trim()]).toEqual([2, `${expected}; nothing was contacted`]);
    }
    expect(sessions()).toBe(before);
  });
});
