/**
 * Hostile-reader checks on the real binary: `slp run`, and `slp plan` then `slp apply`, with known
 * password, enable secret and trust token values against labs where hosts converge, fail a push,
 * fail the trust (the switch then prints the token back in `show license history message`) and
 * refuse the login. Each command runs in an empty working directory with an empty HOME, and
 * everything found under both afterwards is scanned: the files asked for (transcripts, backups,
 * JSON, JUnit, the plan file) and anything the tool writes by default. Nothing it prints or writes
 * may contain a secret, and what it writes is for its owner only (0600).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CREDENTIALS, TOKEN, TOKEN_FORMS, startLab, type Lab } from '../helpers/fleet-run';
import { slp } from '../helpers/spawn-slp';

type Result = { status: number | null; stdout: string; stderr: string };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Values no output would contain by chance, so any hit is a leak: the token in each of its forms. */
const SECRETS = [CREDENTIALS.password, CREDENTIALS.enableSecret, ...TOKEN_FORMS];

/** Every secret found in the terminal output of `results` or in `files`, as `where contains abc…`. */
function leaks(results: Record<string, Result>, files: readonly string[]): string[] {
  const texts: [string, string][] = [
    ...Object.entries(results).flatMap(([name, r]): [string, string][] => [[`${name} stdout`, r.stdout], [`${name} stderr`, r.stderr]]),
    ...files.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
  ];
  return texts.flatMap(([where, text]) => SECRETS.filter((s) => text.includes(s)).map((s) => `${where} contains ${s.slice(0, 3)}…`));
}

/** Files (relative to `root`) whose permission bits are not 0600. */
function notOwnerOnly(root: string, files: readonly string[]): string[][] {
  return files.map((f) => [f.slice(root.length), (statSync(f).mode & 0o777).toString(8)]).filter(([, m]) => m !== '600');
}

const FAULTY_LAB = [
  { name: 'ok' },
  { name: 'rejects', sim: { faults: { reject_command: 'ip http client source-interface' } } },
  { name: 'badtoken', sim: { faults: { token: 'invalid' as const } } },
  { name: 'auth', sim: { faults: { auth_failure: true } } },
];

/**
 * Files left world-readable (0644) by an earlier run or a user's copy, where the tool will write:
 * `mode` only applies when a file is created, so these show whether an existing file is tightened.
 */
function preexisting(files: readonly string[]): void {
  for (const f of files) {
    mkdirSync(dirname(f), { recursive: true });
    writeFileSync(f, 'stale\n', { mode: 0o644 });
    chmodSync(f, 0o644);
  }
}

/** An empty working directory and HOME for one CLI session, under the lab's directory. */
function sandbox(lab: Lab): { cwd: string; home: string; written: () => string[] } {
  const cwd = join(lab.dir, 'cwd');
  const home = join(lab.dir, 'home');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(home, { recursive: true });
  return { cwd, home, written: () => [...filesUnder(cwd), ...filesUnder(home)] };
}

describe('slp run never shows or stores a secret', () => {
  let lab: Lab;
  let result: Result;
  let written: string[];

  beforeAll(async () => {
    lab = await startLab(FAULTY_LAB);
    const box = sandbox(lab);
    const out = (name: string): string => join(box.cwd, 'out', name);
    preexisting([out('report.json'), out('report.xml'), out('logs/ok.log')]);
    result = await slp(
      ['run', '-i', lab.inventory, lab.playbook, '--diff', '-vv', '--log-dir', out('logs'), '--backup-dir', out('backups'),
        '--json', out('report.json'), '--junit', out('report.xml')],
      { SLP_IDTOKEN: TOKEN, HOME: box.home },
      { cwd: box.cwd },
    );
    written = box.written();
  }, 90_000);
  afterAll(() => lab?.close());

  test('the run did what the scan needs: changes, a rollback, a failed trust, a refused login', () => {
    expect(result.status).toBe(4);
    const hosts = JSON.parse(readFileSync(written.find((f) => f.endsWith('report.json'))!, 'utf8')).plays[0].hosts;
    expect(hosts.map((h: { host: string; status: string }) => `${h.host}:${h.status}`)).toEqual(['ok:changed', 'rejects:failed', 'badtoken:failed', 'auth:unreachable']);
    // Each kind of file the tool writes is there to be scanned.
    expect(written.some((f) => /logs\/ok\.log$/.test(f))).toBe(true);
    expect(written.some((f) => /backups\/ok\/.+\.cfg$/.test(f))).toBe(true);
    expect(written.some((f) => f.endsWith('report.json'))).toBe(true);
    expect(written.some((f) => f.endsWith('report.xml'))).toBe(true);
  });

  test('no secret in stdout, stderr, transcripts, backups, reports or anything else written', () => {
    expect(leaks({ run: result }, written)).toEqual([]);
    // The redaction is visible where a secret was: the trust command in the transcript.
    expect(readFileSync(written.find((f) => /logs\/ok\.log$/.test(f))!, 'utf8')).toContain('license smart trust idtoken *** all');
  });

  test('backups, transcripts and reports are readable by their owner only (0600), also those that existed as 0644', () => {
    expect(notOwnerOnly(lab.dir, written)).toEqual([]);
  });
});

describe('slp plan, then slp apply, never show or store a secret', () => {
  let lab: Lab;
  let plan: Result;
  let apply: Result;
  let written: string[];
  let cwd: string;

  beforeAll(async () => {
    lab = await startLab(FAULTY_LAB);
    const box = sandbox(lab);
    cwd = box.cwd;
    const env = { SLP_IDTOKEN: TOKEN, HOME: box.home };
    preexisting(['plan.json', 'apply.json', 'apply.xml', 'logs/ok.log'].map((f) => join(cwd, f)));
    // Relative paths: the plan file, reports, transcripts and the default backups/ all land in cwd.
    plan = await slp(['plan', '-i', lab.inventory, lab.playbook, '-o', 'plan.json', '--json', 'plan-report.json'], env, { cwd });
    apply = await slp(['apply', 'plan.json', '-i', lab.inventory, '--diff', '-vv', '--log-dir', 'logs', '--json', 'apply.json', '--junit', 'apply.xml'], env, { cwd });
    written = box.written();
  }, 90_000);
  afterAll(() => lab?.close());

  test('the plan and the apply did what the scan needs: a plan file, changes, a rollback, a failed trust', () => {
    expect([plan.status, apply.status]).toEqual([4, 2]);
    const planned = JSON.parse(readFileSync(join(cwd, 'plan.json'), 'utf8'));
    // The plan holds neither the token nor where it is: apply takes it from the playbook again.
    expect(planned.hosts.map((h: { host: string; plan: { trust?: { action: string } } }) => [h.host, h.plan.trust?.action, 'tokenRef' in h]))
      .toEqual([['ok', 'install', false], ['rejects', 'install', false], ['badtoken', 'install', false]]);
    const hosts = JSON.parse(readFileSync(join(cwd, 'apply.json'), 'utf8')).plays.flatMap((p: { hosts: unknown[] }) => p.hosts);
    expect(hosts.map((h: { host: string; status: string }) => `${h.host}:${h.status}`)).toEqual(['ok:changed', 'rejects:failed', 'badtoken:failed']);
    expect(written.map((f) => f.slice(cwd.length + 1)).filter((f) => !/^backups\/|^logs\//.test(f)).sort()).toEqual(['apply.json', 'apply.xml', 'plan-report.json', 'plan.json']);
    expect(written.some((f) => /logs\/ok\.log$/.test(f))).toBe(true);
    expect(written.some((f) => /backups\/ok\/.+\.cfg$/.test(f))).toBe(true);
  });

  test('no secret in what either command printed or wrote (plan file included)', () => {
    expect(leaks({ plan, apply }, written)).toEqual([]);
    // apply read the token back from the environment and sent it: redacted in its transcript.
    expect(readFileSync(join(cwd, 'logs', 'ok.log'), 'utf8')).toContain('license smart trust idtoken *** all');
  });

  test('the plan file, reports, backups and transcripts are readable by their owner only (0600), also those that existed as 0644', () => {
    expect(notOwnerOnly(lab.dir, written)).toEqual([]);
  });
});

describe('slp run refuses input that would smuggle a command, before any switch is contacted', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab([{ name: 'sw1' }], [
      { name: 'injected', hosts: 'all', slp: { transport: 'smart', http_client_source_interface: '{{ env.SLP_IF }}', proxy: { address: '{{ env.SLP_PROXY }}', port: 80 } } },
    ]);
  });
  afterAll(() => lab?.close());

  test.each([
    ['a newline and a second command', '1.2.3.4\nno ip routing', 'Vlan10'],
    ['a pipe', '1.2.3.4', 'Vlan10 | include secret'],
    ['a help request', '1.2.3.4?', 'Vlan10'],
    ['a carriage return', '1.2.3.4', 'Vlan10\rreload'],
  ])('%s: exit 2, located, and the switch never saw a login', async (_what, proxy, iface) => {
    const r = await slp(['run', '-i', lab.inventory, lab.playbook], { SLP_PROXY: proxy, SLP_IF: iface, SLP_IDTOKEN: TOKEN });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${lab.playbook.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(lab.fleet.device('sw1').state.linesEntered).toBe(0);
    expect(lab.fleet.device('sw1').state.closedSessions).toEqual([]);
  });
});
