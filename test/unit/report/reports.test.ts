import { Redactor } from '../../../src/redact';
import { renderRecap } from '../../../src/report/recap';
import { buildJsonReport } from '../../../src/report/json-report';
import { renderJunitReport } from '../../../src/report/junit-report';
import type { RunResult } from '../../../src/results/run-result';
import { runPlaybook } from '../../../src/runner/run-playbook';
import { ctx, fakeSteps, play } from '../runner/fake-steps';

const TOKEN = 'Tok3n-abcdefghijklmnop';
let run: RunResult;
const redactor = new Redactor([TOKEN, 'S3cret-pass', 'En4ble-secret']);

beforeAll(async () => {
  let t = 0;
  run = await runPlaybook([play('Day-0', ['sw-a1', 'sw-f-timeout', 'sw-f-old', 'sw-down'], {})], {
    steps: fakeSteps({ 'sw-f-timeout': 'trust-fails', 'sw-f-old': 'old', 'sw-down': 'unreachable' }),
    ctx: ctx(),
    now: () => (t += 5),
  });
  // A secret that reached a message anyway must still not leave the process.
  run.plays[0]!.hosts[1]!.diagnosis!.evidence.push(`license smart trust idtoken ${TOKEN} all`);
});

describe('recap', () => {
  it('prints Ansible counters per host, then every failed host with its diagnosis', () => {
    expect(renderRecap(run, { redactor })).toMatchInlineSnapshot(`
"PLAY RECAP ********************************************************************
sw-a1                      : ok=5    changed=1    unreachable=0    failed=0    skipped=2
sw-f-timeout               : ok=5    changed=1    unreachable=0    failed=1    skipped=1
sw-f-old                   : ok=1    changed=0    unreachable=0    failed=1    skipped=1
sw-down                    : ok=0    changed=0    unreachable=1    failed=0    skipped=0

FAILED HOSTS ******************************************************************
sw-f-timeout (Day-0): FAILED at trust: sw-f-timeout: trust install failed: COMM_FAILED: Connection timed out
  cause:    connection_timed_out — TCP to smartreceiver.cisco.com:443 fails
  evidence:
    telnet …: % Connection timed out
    license smart trust idtoken *** all
  remedy:   Open TCP 443
sw-f-old (Day-0): FAILED at facts: sw-f-old: unsupported device: IOS XE 17.03.05 is older than 17.9.1
sw-down (Day-0): UNREACHABLE at connect: sw-down: unreachable: connection refused
"
`);
  });

  it('colours host lines only when asked', () => {
    // Painted by util.styleText, which ends a colour with "default foreground" (39), not a full reset.
    // Jest's stdout is no TTY: colour still comes when asked, the caller's useColor() decides.
    expect(renderRecap(run, { redactor, color: true }).split('\n')[1]).toBe(
      '\u001b[33msw-a1                      : ok=5    changed=1    unreachable=0    failed=0    skipped=2\u001b[39m',
    );
    expect(renderRecap(run, { redactor, color: false })).not.toContain('\u001b[');
  });
});

describe('JSON report', () => {
  it('accounts for every host with status, steps and timings, and hides secrets', () => {
    const report = buildJsonReport(run, { command: 'run', inventory: 'inv.yaml', playbook: 'pb.yaml', toolVersion: '0.1.0', exitCode: 4 }, redactor);
    expect(report.stats).toEqual({
      'sw-a1': { ok: 5, changed: 1, unreachable: 0, failed: 0, skipped: 2 },
      'sw-f-timeout': { ok: 5, changed: 1, unreachable: 0, failed: 1, skipped: 1 },
      'sw-f-old': { ok: 1, changed: 0, unreachable: 0, failed: 1, skipped: 1 },
      'sw-down': { ok: 0, changed: 0, unreachable: 1, failed: 0, skipped: 0 },
    });
    expect(report.plays[0]!.hosts.map((h) => [h.host, h.status, Object.keys(h.timings).sort()])).toEqual([
      ['sw-a1', 'changed', ['apply', 'connect', 'facts', 'plan', 'sync', 'total', 'trust', 'verify']],
      ['sw-f-timeout', 'failed', ['apply', 'connect', 'diagnose', 'facts', 'plan', 'total', 'trust', 'verify']],
      ['sw-f-old', 'failed', ['connect', 'facts', 'total', 'verify']],
      ['sw-down', 'unreachable', ['connect', 'total']],
    ]);
    const text = JSON.stringify(report);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('license smart trust idtoken *** all');
  });
});

describe('JUnit report', () => {
  it('has a suite per play, a case per host and per assertion, failures with message and evidence', () => {
    const xml = renderJunitReport(run, redactor);
    expect(xml).toContain('<testsuites name="slp-runner"');
    expect(xml).toContain('tests="5" failures="2" errors="1"');
    expect(xml).toMatch(/<testsuite name="Day-0" tests="5" failures="2" errors="1" skipped="0"/);
    expect(xml).toContain('<testcase classname="Day-0" name="sw-a1"');
    expect(xml).toContain('<testcase classname="Day-0.sw-a1" name="trust_installed"');
    expect(xml).toContain('<failure message="sw-f-timeout: trust install failed: COMM_FAILED: Connection timed out" type="TrustInstallError">');
    expect(xml).toContain('cause: connection_timed_out — TCP to smartreceiver.cisco.com:443 fails');
    expect(xml).toContain('<error message="sw-down: unreachable: connection refused" type="UnreachableError">');
    expect(xml).not.toContain(TOKEN);
  });

  it('gives <testsuites> the totals CI servers read, skipped included, summed over the suites', async () => {
    const two = await runPlaybook([play('one', ['a', 'b']), play('two', ['a', 'b'], {}, 1)], { steps: fakeSteps({ b: 'trust-fails' }), ctx: ctx() });
    const xml = renderJunitReport(two, redactor);
    const counts = (tag: string): string[][] =>
      [...xml.matchAll(new RegExp(`<${tag} [^>]*`, 'g'))].map((m) => ['tests', 'failures', 'errors', 'skipped'].map((k) => new RegExp(` ${k}="(\\d+)"`).exec(m[0])?.[1] ?? 'missing'));
    const suites = counts('testsuite');
    // Play two: b failed in play one, so its case there is <skipped>.
    expect(suites.map((c) => c[3])).toEqual(['0', '1']);
    expect(counts('testsuites')).toEqual([[0, 1, 2, 3].map((i) => String(suites.reduce((sum, c) => sum + Number(c[i]), 0)))]);
  });
});
