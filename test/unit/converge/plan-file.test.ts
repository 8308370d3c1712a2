import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DriftError } from '../../../src/errors';
import type { DesiredSlp } from '../../../src/converge/desired';
import {
  applyHostPlan, driftChanges, hashOwnedConfig, hostPlanFrom, parsePlanFile, planAgainstPlaybook, serializePlanFile, type HostPlan,
} from '../../../src/converge/plan-file';
import { PlanMismatchError } from '../../../src/errors';
import { emptyObservedConfig } from '../../../src/converge/running-state';
import { planSlp } from '../../../src/converge/plan';
import { readState } from '../../../src/converge/read-device';
import { ownedConfigLines } from '../../../src/converge/rollback-plan';
import { FakeDevice } from '../../helpers/fake-device';

const TOKEN = 'c2VjcmV0LXRva2VuLXZhbHVlLWZvci10ZXN0cw==';
const DESIRED: DesiredSlp = { transport: 'smart', url: 'default', proxy: { address: '10.9.9.9', port: 3128 }, trust: { token: TOKEN } };
const SOURCE = { playbook: { path: '/pb/day0.yaml', sha256: `sha256:${'a'.repeat(64)}` }, inventory: { paths: ['/pb/inv.yaml'], sha256: `sha256:${'b'.repeat(64)}` } };
const DAY0 = { name: 'Day-0', index: 0 };

async function makePlan(device: FakeDevice) {
  const state = await readState(device);
  const plan = planSlp(DESIRED, state.observed);
  return hostPlanFrom('sw-a1', DAY0, plan, ownedConfigLines(state.observed.config));
}

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(os.tmpdir(), 'slp-planfile-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('plan files', () => {
  it('round-trips every line, action and cause, and never holds the token', async () => {
    const hostPlan = await makePlan(new FakeDevice({ config: ['license smart transport callhome'] }));
    const text = serializePlanFile(SOURCE, [hostPlan], new Date(Date.UTC(2025, 0, 1)), [TOKEN]);
    expect(text).not.toContain(TOKEN);
    const file = parsePlanFile(text);
    expect(file.hosts[0]).toEqual(hostPlan);
    expect(file.hosts[0]!.plan.lines).toEqual([
      { line: 'license smart transport smart', kind: 'add', cause: 'slp.transport' },
      { line: 'license smart proxy address 10.9.9.9', kind: 'add', cause: 'slp.proxy.address' },
      { line: 'license smart proxy port 3128', kind: 'add', cause: 'slp.proxy.port' },
    ]);
    expect(file.hosts[0]!.ownedConfigHash).toBe(hashOwnedConfig(['license smart transport callhome']));
    expect(file.source).toEqual(SOURCE);
    expect(file.hosts[0]).not.toHaveProperty('tokenRef');
  });

  it('rejects what is not a plan file, with the file name', () => {
    expect(() => parsePlanFile('{"version":7}', 'p.json')).toThrow('p.json:1:1: not a slp plan file (version 2 with hosts[])');
    expect(() => parsePlanFile('{"version":1,"hosts":[]}', 'p.json')).toThrow('(an older version: make it again with `slp plan`)');
    expect(() => parsePlanFile('{"version":2,"hosts":[]}', 'p.json')).toThrow('source.playbook (path, sha256) and source.inventory (paths, sha256) are required');
  });

  it('round-trips a plan with removals (bare and valued no-forms) and a revert timer', () => {
    const plan = planSlp({ transport: 'smart', url: 'default', dns: { servers: ['10.0.0.2'] }, purge: ['dns.servers', 'http_client_source_interface'] }, {
      config: { ...emptyObservedConfig(), transport: 'callhome', proxyAddress: '10.1.1.1', proxyPort: 3128, usageInterval: 30, httpClientSourceInterface: 'Vlan10', nameServers: { '': ['10.0.0.1'] } },
      trust: [],
    });
    expect(plan.commands).toEqual([
      'no license smart proxy address 10.1.1.1', 'no license smart proxy port 3128', 'no license smart usage interval',
      'no ip http client source-interface', 'no ip name-server 10.0.0.1', 'license smart transport smart', 'ip name-server 10.0.0.2',
    ]);
    const hostPlan = hostPlanFrom('sw-a1', DAY0, plan, [], { revertTimer: 5 });
    expect(parsePlanFile(serializePlanFile(SOURCE, [hostPlan], new Date(0))).hosts[0]).toEqual(hostPlan);
  });

  it('refuses a plan file edited to push what the tool does not own, naming host and field', async () => {
    const hostPlan = await makePlan(new FakeDevice({ config: ['license smart transport callhome'] }));
    const edit = (change: (h: HostPlan) => void): string => {
      const h = JSON.parse(JSON.stringify(hostPlan)) as HostPlan;
      change(h);
      return serializePlanFile(SOURCE, [h], new Date(0));
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
    // A token source of its own: the token comes from the playbook only.
    expect(() => parsePlanFile(edit((h) => void Object.assign(h, { tokenRef: 'env:HOME' })))).toThrow(
      'hosts[0] (sw-a1): tokenRef is not a plan field (the token is taken from the playbook)',
    );
    const many = edit((h) => {
      h.plan.commands = Array.from({ length: 20_000 }, () => 'license smart transport smart');
      h.plan.lines = h.plan.commands.map((line) => ({ line, kind: 'add' as const, cause: 'slp.transport' }));
    });
    expect(() => parsePlanFile(many)).toThrow('plan.commands has 20000 lines, more than any playbook renders (200)');
    expect(() => parsePlanFile(serializePlanFile(SOURCE, [hostPlan, hostPlan], new Date(0)))).toThrow('hosts[1] (sw-a1): the host is planned twice');
  });

  it('refuses, before any host is contacted, a line the playbook does not render (a redirected URL or proxy)', async () => {
    const hostPlan = await makePlan(new FakeDevice({ config: ['license smart transport callhome'] }));
    expect(planAgainstPlaybook(hostPlan, DESIRED)).toEqual([]);
    const redirect = (from: string, to: string): HostPlan => ({ ...hostPlan, plan: { ...hostPlan.plan, commands: hostPlan.plan.commands.map((c) => (c === from ? to : c)) } });
    expect(planAgainstPlaybook(redirect('license smart proxy address 10.9.9.9', 'license smart proxy address 203.0.113.66'), DESIRED)).toEqual([
      '"license smart proxy address 203.0.113.66" is not a line the playbook renders for this host',
    ]);
    expect(planAgainstPlaybook({ ...hostPlan, plan: { ...hostPlan.plan, commands: [...hostPlan.plan.commands, 'license smart url smart https://evil.example.com/x'] } }, DESIRED)).toEqual([
      '"license smart url smart https://evil.example.com/x" is not a line the playbook renders for this host',
    ]);
    const { trust: _t, ...noTrust } = DESIRED;
    expect(planAgainstPlaybook(hostPlan, noTrust)).toEqual(['plan installs a trust code the playbook does not declare']);
  });

  it('refuses at apply a recorded plan that lost a line (the plan made again differs), sending nothing', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'] });
    const hostPlan = await makePlan(device);
    const edited: HostPlan = { ...hostPlan, plan: { ...hostPlan.plan, commands: hostPlan.plan.commands.filter((c) => c !== 'license smart transport smart') } };
    const pushed = device.log.length;
    const result = await applyHostPlan(device, edited, DESIRED, { token: TOKEN, backupDir: dir });
    expect(result.error).toBeInstanceOf(PlanMismatchError);
    expect(result.error?.message).toBe(
      'sw-a1: the plan file is not what the playbook plans for this host now (missing "license smart transport smart"); nothing was sent: make the plan again with `slp plan`',
    );
    expect(device.log.slice(pushed).filter((l) => l.mode === 'config')).toEqual([]);
  });

  it('applies exactly the plan when nothing drifted', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'] });
    const hostPlan = await makePlan(device);
    const result = await applyHostPlan(device, hostPlan, DESIRED, { token: TOKEN, backupDir: dir, pollMs: 0 });
    expect(result.error).toBeUndefined();
    expect(result.applied).toEqual([...hostPlan.plan.commands, 'license smart trust idtoken *** all', 'write memory']);
  });

  it('drift guard: refuses a host whose owned config changed, saying what changed', async () => {
    const device = new FakeDevice({ config: ['license smart transport callhome'] });
    const hostPlan = await makePlan(device);
    await device.configure(['license smart proxy address 10.1.1.1']);
    const pushed = device.log.length;
    const result = await applyHostPlan(device, hostPlan, DESIRED, { token: TOKEN, backupDir: dir });
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
