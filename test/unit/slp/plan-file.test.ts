import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DriftError } from '../../../src/errors';
import type { DesiredSlp } from '../../../src/slp/desired';
import {
  applyHostPlan, driftChanges, hashOwnedConfig, hostPlanFrom, parsePlanFile, resolveTokenRef, serializePlanFile,
} from '../../../src/slp/plan-file';
import { planSlp } from '../../../src/slp/plan';
import { readState } from '../../../src/slp/read-state';
import { ownedConfigLines } from '../../../src/slp/rollback-plan';
import { FakeDevice } from '../../helpers/fake-device';

const TOKEN = 'c2VjcmV0LXRva2VuLXZhbHVlLWZvci10ZXN0cw==';
const DESIRED: DesiredSlp = { transport: 'smart', url: 'default', proxy: { address: '10.9.9.9', port: 3128 }, trust: { token: TOKEN } };

async function makePlan(device: FakeDevice) {
  const state = await readState(device);
  const plan = planSlp(DESIRED, state.observed);
  return hostPlanFrom('sw-a1', 'Day-0', plan, ownedConfigLines(state.observed.config), { tokenRef: 'env:SLP_IDTOKEN' });
}

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(os.tmpdir(), 'slp-planfile-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('plan files', () => {
  it('round-trips every line, action and cause, and never holds the token', async () => {
    const hostPlan = await makePlan(new FakeDevice({ config: ['license smart transport callhome'] }));
    const text = serializePlanFile([hostPlan], new Date(Date.UTC(2025, 0, 1)), [TOKEN]);
    expect(text).not.toContain(TOKEN);
    const file = parsePlanFile(text);
    expect(file.hosts[0]).toEqual(hostPlan);
    expect(file.hosts[0]!.plan.lines).toEqual([
      { line: 'license smart transport smart', kind: 'add', cause: 'slp.transport' },
      { line: 'license smart proxy address 10.9.9.9', kind: 'add', cause: 'slp.proxy.address' },
      { line: 'license smart proxy port 3128', kind: 'add', cause: 'slp.proxy.port' },
    ]);
    expect(file.hosts[0]!.ownedConfigHash).toBe(hashOwnedConfig(['license smart transport callhome']));
    expect(file.hosts[0]!.tokenRef).toBe('env:SLP_IDTOKEN');
  });

  it('rejects what is not a plan file, with the file name', () => {
    expect(() => parsePlanFile('{"version":7}', 'p.json')).toThrow('p.json:1:1: not a slp plan file (version 1 with hosts[])');
  });

  it('resolves token references from env and files', () => {
    expect(resolveTokenRef('env:SLP_IDTOKEN', { SLP_IDTOKEN: TOKEN })).toBe(TOKEN);
    expect(resolveTokenRef('file:tok.txt', {}, (p) => `${p}=${TOKEN}\n`, '/pb')).toBe(`/pb/tok.txt=${TOKEN}`);
    expect(() => resolveTokenRef('env:NOPE', {})).toThrow('token reference env:NOPE is empty');
  });

  it('applies exactly the plan when nothing drifted', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'] });
    const hostPlan = await makePlan(device);
    const result = await applyHostPlan(device, hostPlan, { token: TOKEN, backupDir: dir, pollMs: 0 });
    expect(result.error).toBeUndefined();
    expect(result.applied).toEqual([...hostPlan.plan.commands, 'license smart trust idtoken *** all', 'write memory']);
  });

  it('drift guard: refuses a host whose owned config changed, saying what changed', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'] });
    const hostPlan = await makePlan(device);
    await device.configure(['license smart proxy address 10.1.1.1']);
    const pushed = device.log.length;
    const result = await applyHostPlan(device, hostPlan, { token: TOKEN, backupDir: dir });
    expect(result.error).toBeInstanceOf(DriftError);
    expect(result.error?.message).toBe(
      'sw-a1: owned configuration changed since the plan was made: added "license smart proxy address 10.1.1.1"',
    );
    expect(device.log.slice(pushed).filter((l) => l.mode === 'config')).toEqual([]);
    expect(driftChanges(hostPlan, ['license smart transport smart'])).toEqual([
      'removed "license smart transport callhome"',
      'added "license smart transport smart"',
    ]);
  });
});
