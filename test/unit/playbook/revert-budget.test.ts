import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_CONVERGE_TIMING } from '../../../src/converge/converge-host';
import { ConfigError } from '../../../src/errors';
import { loadRun } from '../../../src/playbook/load-run';
import { revertBudget, revertTimerProblem } from '../../../src/playbook/revert-budget';

const INVENTORY = join(__dirname, '..', '..', '..', 'inventory.example.yaml');

describe('revertBudget: the longest wait between the push and configure confirm', () => {
  const slp = { transport: 'smart' as const, trust: { token: 'x'.repeat(30), scope: 'all' as const }, sync: true };

  it('trust wait + sync wait + every within:, from the converge timings', () => {
    const budget = revertBudget({ slp, verify: [{ trust_installed: true, within: '2m' }, { settings_as_declared: true }, { history_has_response: true, within: '90s' }] });
    expect(budget).toEqual({
      trustMs: DEFAULT_CONVERGE_TIMING.trustTimeoutMs,
      syncMs: DEFAULT_CONVERGE_TIMING.syncTimeoutMs,
      withinMs: 210_000,
      totalMs: DEFAULT_CONVERGE_TIMING.trustTimeoutMs + DEFAULT_CONVERGE_TIMING.syncTimeoutMs + 210_000,
    });
  });

  it('no trust, no sync, no within: nothing to wait for', () => {
    expect(revertBudget({ slp: { transport: 'smart' }, verify: [{ settings_as_declared: true }] }).totalMs).toBe(0);
  });

  it('a timer at least as long passes; a shorter one says what it must outlast', () => {
    const budget = revertBudget({ slp, verify: [{ trust_installed: true, within: '4m' }] }, { trustTimeoutMs: 120_000, syncTimeoutMs: 60_000 });
    expect(revertTimerProblem(7, budget)).toBeUndefined();
    expect(revertTimerProblem(6, budget)).toBe(
      'revert_timer: 6 min is shorter than the longest wait before "configure confirm" ' +
        '(trust wait 2 min + sync wait 1 min + verify within: 4 min = 7 min): the switch could undo a good change by itself; ' +
        'set revert_timer to at least 7',
    );
  });
});

describe('loadRun refuses a play whose revert_timer is too short', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slp-revert-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (timer: number): string => {
    const file = join(dir, `play-${timer}.yaml`);
    writeFileSync(file, [
      '- name: Short timer',
      '  hosts: sw-a1',
      `  revert_timer: ${timer}`,
      '  slp:',
      '    transport: smart',
      '    trust:',
      '      token: "{{ env.SLP_IDTOKEN }}"',
      '      scope: all',
      '    sync: true',
      '  verify:',
      '    - trust_installed: true',
      '      within: 5m',
      '',
    ].join('\n'));
    return file;
  };

  it('with file:line:col at revert_timer, before any device is touched', () => {
    const file = write(5);
    let error: unknown;
    try {
      loadRun({ inventoryFile: INVENTORY, playbookFile: file, env: { SLP_IDTOKEN: 'LabToken.0123456789abcdefXYZ' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`)).toEqual([
      `${file}:3:17: revert_timer: 5 min is shorter than the longest wait before "configure confirm" ` +
        '(trust wait 2 min + sync wait 1 min + verify within: 5 min = 8 min): the switch could undo a good change by itself; ' +
        'set revert_timer to at least 8 (host sw-a1)',
    ]);
  });

  it('a long enough timer loads', () => {
    const run = loadRun({ inventoryFile: INVENTORY, playbookFile: write(8), env: { SLP_IDTOKEN: 'LabToken.0123456789abcdefXYZ' } });
    expect(run.plays[0]!.play.revert_timer).toBe(8);
  });
});
