/**
 * Adding a setting is one row in the settings table. A FAKE setting, `license smart custom_id`
 * (visible in IOS but not owned by slp-runner, slp-smart-transport.md §1.1), is added to a copy of
 * the table in this file only, and goes through the whole engine: planned, pushed to a device,
 * confirmed by its `show license status` field, and removed when the play drops it. The
 * production table stays without it.
 */
import { applyPlan } from '../../../src/converge/apply';
import type { DesiredSlp } from '../../../src/converge/desired';
import { planSlp } from '../../../src/converge/plan';
import { predictOwnedLines } from '../../../src/converge/predict';
import { readState } from '../../../src/converge/read-device';
import { ownedConfigLines, planRollback } from '../../../src/converge/rollback-plan';
import { isOwnedCommand } from '../../../src/converge/owned-settings';
import type { SettingRow } from '../../../src/settings/setting-row';
import { SETTINGS } from '../../../src/settings/settings-table';
import { SYSTEM_CLOCK } from '../../../src/clock';
import { FakeDevice } from '../../helpers/fake-device';

/** The playbook field the fake setting comes from; the schema does not have it. */
type FakeDesired = DesiredSlp & { custom_id?: string };

const CUSTOM_ID: SettingRow = {
  name: 'customId',
  shape: 'single',
  field: 'slp.custom_id',
  match: /^license smart custom_id (?<value>\S+)$/,
  render: (v) => `license smart custom_id ${v}`,
  remove: (v) => `no license smart custom_id ${v}`,
  desired: (d) => {
    const id = (d as FakeDesired).custom_id;
    return id === undefined ? [] : [{ value: id, cause: 'slp.custom_id' }];
  },
  removeWhenAbsent: 'slp.custom_id',
  status: {
    label: 'Custom Id',
    noun: 'custom id',
    path: 'customId',
    read: (s) => s.customId ?? undefined,
    absent: '<empty>',
  },
};

const TABLE = [...SETTINGS, CUSTOM_ID];

const PLAY: FakeDesired = { transport: 'smart', url: 'default', custom_id: 'LAB-42' };

/** A device that knows the line and prints what the agent uses under Miscellaneous. */
function device(agentUses?: string): FakeDevice {
  return new FakeDevice({
    config: ['license smart transport smart'],
    extraSlots: ['license smart custom_id'],
    extraStatus: (config) => {
      const shown = config.find((l) => l.startsWith('license smart custom_id '))?.split(' ')[3];
      return ['', 'Miscellaneous:', `  Custom Id: ${agentUses ?? shown ?? '<empty>'}`];
    },
  });
}

const push = (d: FakeDevice, plan: ReturnType<typeof planSlp>) =>
  applyPlan(d, plan, { host: 'fake', before: {}, clock: SYSTEM_CLOCK, trustTimeoutMs: 1000, syncTimeoutMs: 1000, pollMs: 1 });

describe('a setting added as one row of the settings table', () => {
  it('is planned, pushed, confirmed by its status field, and removed when the play drops it', async () => {
    const d = device();
    // Planned: the line, with its playbook field as the cause.
    const first = planSlp(PLAY, (await readState(d, TABLE)).observed, { settings: TABLE });
    expect(first.lines).toEqual([{ line: 'license smart custom_id LAB-42', kind: 'add', cause: 'slp.custom_id' }]);

    // Pushed: apply sends it; the device holds it.
    const pushed = await push(d, first);
    expect(pushed.error).toBeUndefined();
    expect(d.log.filter((l) => l.mode === 'config').map((l) => l.command)).toEqual(['license smart custom_id LAB-42']);
    expect(d.config).toContain('license smart custom_id LAB-42');

    // Confirmed: read back from show running-config and show license status, nothing left to do.
    const after = await readState(d, TABLE);
    expect(after.observed.config.customId).toBe('LAB-42');
    expect(after.observed.status?.customId).toBe('LAB-42');
    expect(ownedConfigLines(after.observed.config, TABLE)).toEqual(['license smart transport smart', 'license smart custom_id LAB-42']);
    expect(planSlp(PLAY, after.observed, { settings: TABLE })).toMatchObject({ commands: [], changed: false });

    // Removed: the play no longer declares it (state: replaced owns it whole).
    const { custom_id: _dropped, ...withoutIt } = PLAY;
    const removal = planSlp(withoutIt, after.observed, { settings: TABLE });
    expect(removal.lines).toEqual([{ line: 'no license smart custom_id LAB-42', kind: 'remove', cause: 'slp.custom_id (absent)' }]);
    expect(predictOwnedLines(ownedConfigLines(after.observed.config, TABLE), removal, TABLE)).toEqual(['license smart transport smart']);
    expect((await push(d, removal)).error).toBeUndefined();
    expect(d.config).not.toContain('license smart custom_id LAB-42');
    expect(planSlp(withoutIt, (await readState(d, TABLE)).observed, { settings: TABLE }).commands).toEqual([]);
  });

  it('is pushed again when show license status disagrees with a config that looks right', async () => {
    const d = device('OTHER-1');
    await d.configure(['license smart custom_id LAB-42']);
    const plan = planSlp(PLAY, (await readState(d, TABLE)).observed, { settings: TABLE });
    expect(plan.lines).toEqual([
      { line: 'license smart custom_id LAB-42', kind: 'add', cause: 'slp.custom_id; show license status Custom Id: OTHER-1' },
    ]);
  });

  it('is removed when only the status still shows it, and rolled back like any owned line', async () => {
    const d = device('OLD-7');
    const { custom_id: _dropped, ...withoutIt } = PLAY;
    expect(planSlp(withoutIt, (await readState(d, TABLE)).observed, { settings: TABLE }).lines).toEqual([
      { line: 'no license smart custom_id OLD-7', kind: 'remove', cause: 'slp.custom_id (absent); show license status Custom Id: OLD-7' },
    ]);
    expect(planRollback({ customId: 'A-1' }, { customId: 'B-2' }, TABLE)).toEqual(['license smart custom_id A-1']);
    expect(planRollback({}, { customId: 'B-2' }, TABLE)).toEqual(['no license smart custom_id B-2']);
    expect(isOwnedCommand('no license smart custom_id B-2', TABLE)).toBe(true);
  });

  it('stays out of the production table: the same device and play plan nothing for it', async () => {
    const d = device();
    await d.configure(['license smart custom_id LAB-42']);
    const observed = (await readState(d)).observed;
    expect(observed.config.customId).toBeUndefined();
    expect(planSlp(PLAY, observed).commands).toEqual([]);
    expect(isOwnedCommand('license smart custom_id LAB-42')).toBe(false);
  });
});
