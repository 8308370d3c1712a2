/**
 * Hostile-reader checks on the real binary: `slp run` with known password, enable secret and trust
 * token values against a lab where hosts converge, fail a push, fail the trust (the switch then
 * prints the token back in `show license history message`) and refuse the login. Nothing the tool
 * prints or writes may contain a secret, and what it writes is for its owner only (0600).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIALS, TOKEN, startLab, type Lab } from '../helpers/fleet-run';
import { slp } from '../helpers/spawn-slp';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('slp run never shows or stores a secret', () => {
  let lab: Lab;
  let result: { status: number | null; stdout: string; stderr: string };
  let written: string[];
  const SECRETS = [CREDENTIALS.password, CREDENTIALS.enableSecret, TOKEN];

  beforeAll(async () => {
    lab = await startLab([
      { name: 'ok' },
      { name: 'rejects', sim: { faults: { reject_command: 'ip http client source-interface' } } },
      { name: 'badtoken', sim: { faults: { token: 'invalid' } } },
      { name: 'auth', sim: { faults: { auth_failure: true } } },
    ]);
    const out = (name: string): string => join(lab.dir, 'out', name);
    result = await slp(
      ['run', '-i', lab.inventory, lab.playbook, '--diff', '-vv', '--log-dir', out('logs'), '--backup-dir', out('backups'),
        '--json', out('report.json'), '--junit', out('report.xml')],
      { SLP_IDTOKEN: TOKEN },
    );
    written = filesUnder(join(lab.dir, 'out'));
  }, 90_000);
  afterAll(() => lab?.close());

  test('the run did what the scan needs: changes, a rollback, a failed trust, a refused login', () => {
    expect(result.status).toBe(4);
    const hosts = JSON.parse(readFileSync(join(lab.dir, 'out', 'report.json'), 'utf8')).plays[0].hosts;
    expect(hosts.map((h: { host: string; status: string }) => `${h.host}:${h.status}`)).toEqual(['ok:changed', 'rejects:failed', 'badtoken:failed', 'auth:unreachable']);
    // Each kind of file the tool writes is there to be scanned.
    expect(written.some((f) => /logs\/ok\.log$/.test(f))).toBe(true);
    expect(written.some((f) => /backups\/ok\/.+\.cfg$/.test(f))).toBe(true);
    expect(written.some((f) => f.endsWith('report.json'))).toBe(true);
    expect(written.some((f) => f.endsWith('report.xml'))).toBe(true);
  });

  test('no secret in stdout, stderr, transcripts, backups or reports', () => {
    const texts: [string, string][] = [['stdout', result.stdout], ['stderr', result.stderr], ...written.map((f): [string, string] => [f, readFileSync(f, 'utf8')])];
    const leaks = texts.flatMap(([where, text]) => SECRETS.filter((s) => text.includes(s)).map((s) => `${where} contains ${s.slice(0, 3)}…`));
    expect(leaks).toEqual([]);
    // The redaction is visible where a secret was: the trust command in the transcript.
    expect(readFileSync(written.find((f) => /logs\/ok\.log$/.test(f))!, 'utf8')).toContain('license smart trust idtoken *** all');
  });

  test('backups, transcripts and reports are readable by their owner only (0600)', () => {
    const modes = written.map((f) => [f.slice(lab.dir.length), (statSync(f).mode & 0o777).toString(8)]);
    expect(modes.filter(([, m]) => m !== '600')).toEqual([]);
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
