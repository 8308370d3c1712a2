import { Redactor } from '../../../src/redact';
import { renderRecap } from '../../../src/report/recap';
import { buildJsonReport } from '../../../src/report/json-report';
import { renderJunitReport } from '../../../src/report/junit-report';
import type { RunResult } from '../../../src/results/run-result';
import { runPlaybook } from '../../../src/runner/run-playbook';
import { ctx, fakeSteps, play } from '../runner/fake-steps';

/**
 * Redaction masks values, not structure: host names with `password`, `secret` or `key` in them
 * (padded in the recap, inside JSON keys and JUnit attributes) come out exactly as they went in.
 */
const HOSTS = ['sw-password-01', 'sw-a1-long-name-for-padding', 'secret-lab-sw2', 'sw-key-7'];
const redactor = new Redactor(['S3cret-pass', 'En4ble-secret']);
let run: RunResult;

beforeAll(async () => {
  let t = 0;
  run = await runPlaybook([play('Day-0 password secret', HOSTS, {})], {
    steps: fakeSteps({ 'secret-lab-sw2': 'unreachable' }),
    ctx: ctx(),
    now: () => (t += 5),
  });
});

describe('host names that contain secret words', () => {
  it('keep their recap lines whole, separator and counters included', () => {
    const recap = renderRecap(run, { redactor });
    expect(recap).toBe(renderRecap(run, { redactor: new Redactor() }));
    const lines = recap.split('\n').filter((l) => HOSTS.some((h) => new RegExp(`^${h} +:`).test(l)));
    expect(lines).toHaveLength(HOSTS.length);
    for (const l of lines) expect(l).toMatch(/^\S+ +: ok=\d+ +changed=\d+ +unreachable=\d+ +failed=\d+ +skipped=\d+$/);
  });

  it('keep the JSON report identical to the unredacted one', () => {
    const plain = buildJsonReport(run, { command: 'run', playbook: 'p.yaml', inventory: 'i.yaml', startedAt: new Date(0) } as never, new Redactor());
    const masked = buildJsonReport(run, { command: 'run', playbook: 'p.yaml', inventory: 'i.yaml', startedAt: new Date(0) } as never, redactor);
    expect(JSON.stringify(masked)).not.toContain('***');
    expect(masked).toEqual(plain);
  });

  it('keep the JUnit report intact', () => {
    const xml = renderJunitReport(run, redactor);
    expect(xml).not.toContain('***');
    for (const h of HOSTS) expect(xml).toContain(h);
    expect(xml).toBe(renderJunitReport(run, new Redactor()));
  });
});
