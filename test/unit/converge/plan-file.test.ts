import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DriftError } from '../../../src/errors';
import type { DesiredSlp } from '../../../src/converge/desired';
import {
  applyHostPlan, driftChanges, hashOwnedConfig, hostPlanFrom, parsePlanFile, resolveTokenRef, serializePlanFile, type HostPlan,
} from '../../../src/converge/plan-file';
import { emptyObservedConfig } from '../../../src/converge/running-state';
import { planSlp } from '../../../src/converge/plan';
import { readState } from '../../../src/converge/read-device';
import { ownedConfigLines } from '../../../src/converge/rollback-plan';
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

  it('round-trips a plan with removals (bare and valued no-forms) and a revert timer', () => {
    const plan = planSlp({ transport: 'smart', url: 'default', dns: { servers: ['10.0.0.2'] } }, {
      config: { ...emptyObservedConfig(), transport: 'callhome', proxyAddress: '10.1.1.1', proxyPort: 3128, usageInterval: 30, httpClientSourceInterface: 'Vlan10', nameServers: { '': ['10.0.0.1'] } },
      trust: [],
    });
    expect(plan.commands).toEqual([
      'no license smart proxy address 10.1.1.1', 'no license smart proxy port 3128', 'no license smart usage interval',
      'no ip http client source-interface', 'no ip name-server 10.0.0.1', 'license smart transport smart', 'ip name-server 10.0.0.2',
    ]);
    const hostPlan = hostPlanFrom('sw-a1', 'Day-0', plan, [], { revertTimer: 5 });
    expect(parsePlanFile(serializePlanFile([hostPlan], new Date(0))).hosts[0]).toEqual(hostPlan);
  });

  it('refuses a plan file edited to push what the tool does not own, naming host and field', async () => {
    const hostPlan = await makePlan(new FakeDevice({ config: ['license smart transport callhome'] }));
    const edit = (change: (h: HostPlan) => void): string => {
      const h = JSON.parse(JSON.stringify(hostPlan)) as HostPlan;
      change(h);
      return serializePlanFile([h], new Date(0));
    };
    const reload = edit((h) => {
      h.plan.commands = ['username x privilege 15 secret y'];
      h.plan.lines = [{ line: 'username x privilege 15 secret y', kind: 'add', cause: 'slp.transport' }];
    });
    expect(() => parsePlanFile(reload, 'p.json')).toThrow(
      'p.json:1:1: hosts[0] (sw-a1): plan.commands[0] "username x privilege 15 secret y" is not an SLP setting this tool owns',
    );
    const piped = edit((h) => {
      h.plan.commands = ['license smart proxy address 10.9.9.9 | x'];
      h.plan.lines = [{ line: 'license smart proxy address 10.9.9.9 | x', kind: 'add', cause: 'slp.proxy' }];
    });
    expect(() => parsePlanFile(piped)).toThrow('is not an SLP setting this tool owns');
    expect(() => parsePlanFile(edit((h) => void (h.plan.save.command = 'erase startup-config')))).toThrow(
      'hosts[0] (sw-a1): plan.save must be "write memory" (run or skip)',
    );
    expect(() => parsePlanFile(edit((h) => void (h.plan.sync.command = 'reload')))).toThrow('plan.sync must be "license smart sync all"');
    expect(() => parsePlanFile(edit((h) => void (h.plan.trust!.scope = 'all\nreload' as 'all')))).toThrow('plan.trust needs action');
    expect(() => parsePlanFile(edit((h) => void h.plan.commands.push('license smart vrf X')))).toThrow('plan.lines and plan.commands differ');
    expect(() => parsePlanFile(edit((h) => void (h.revertTimer = 0)))).toThrow('revertTimer must be whole minutes 1–120');
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
