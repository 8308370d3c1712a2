import { planSlp } from '../../../src/converge/plan';
import type { DesiredSlp } from '../../../src/converge/desired';
import { emptyObservedConfig, type ObservedConfig, type ObservedSlp } from '../../../src/converge/running-state';
import { DEFAULT_SMART_URL } from '../../../src/settings/equivalences';

const DAY0: DesiredSlp = {
  transport: 'smart',
  url: 'default',
  http_client_source_interface: 'Vlan10',
  dns: { lookup: true, servers: ['10.31.104.74'], domain: 'example.com', source_interface: 'vlan10' },
  proxy: { address: '192.168.217.105', port: 80 },
};

/** How a 17.9 switch shows DAY0 once applied (url default hidden, lookup hidden). */
const DAY0_CONFIG: ObservedConfig = {
  ...emptyObservedConfig(),
  transport: 'smart',
  proxyAddress: '192.168.217.105',
  proxyPort: 80,
  httpClientSourceInterface: 'Vlan10',
  nameServers: { '': ['10.31.104.74'] },
  domainName: { '': 'example.com' },
  domainLookupSourceInterface: { '': 'Vlan10' },
};

function observed(config: Partial<ObservedConfig>, extra: Partial<ObservedSlp> = {}): ObservedSlp {
  return { config: { ...emptyObservedConfig(), ...config }, trust: [], ...extra };
}

const converged = (over: Partial<ObservedConfig> = {}): ObservedSlp => observed({ ...DAY0_CONFIG, ...over });

describe('planSlp: config lines (replaced unless said otherwise)', () => {
  const cases: [string, DesiredSlp, ObservedSlp, string[]][] = [
    [
      'fresh switch (factory default)',
      DAY0,
      observed({}),
      [
        'license smart transport smart',
        'license smart proxy address 192.168.217.105',
        'license smart proxy port 80',
        'ip http client source-interface Vlan10',
        'ip name-server 10.31.104.74',
        'ip domain name example.com',
        'ip domain lookup source-interface Vlan10',
      ],
    ],
    ['already converged', DAY0, converged(), []],
    [
      'converged, rendered differently (url default shown expanded, domain-name, two servers on one line)',
      { ...DAY0, dns: { ...DAY0.dns, servers: ['10.0.0.1', '10.0.0.2'] } },
      converged({ url: DEFAULT_SMART_URL, nameServers: { '': ['10.0.0.1', '10.0.0.2'] } }),
      [],
    ],
    [
      'proxy added',
      DAY0,
      converged({ proxyAddress: undefined, proxyPort: undefined }),
      ['license smart proxy address 192.168.217.105', 'license smart proxy port 80'],
    ],
    ['proxy port changed', { ...DAY0, proxy: { address: '192.168.217.105', port: 8080 } }, converged(), ['license smart proxy port 8080']],
    [
      'proxy removed',
      { ...DAY0, proxy: undefined },
      converged(),
      ['no license smart proxy address 192.168.217.105', 'no license smart proxy port 80'],
    ],
    ['proxy removed from the playbook, merged: kept', { ...DAY0, proxy: undefined, state: 'merged' }, converged(), []],
    [
      'DNS servers reordered (purge: dns.servers)',
      { ...DAY0, dns: { ...DAY0.dns, servers: ['10.0.0.2', '10.0.0.1'] }, purge: ['dns.servers'] },
      converged({ nameServers: { '': ['10.0.0.1', '10.0.0.2'] } }),
      ['no ip name-server 10.0.0.1', 'ip name-server 10.0.0.1'],
    ],
    [
      'DNS servers in another order, no purge: shared servers are left as they are',
      { ...DAY0, dns: { ...DAY0.dns, servers: ['10.0.0.2', '10.0.0.1'] } },
      converged({ nameServers: { '': ['10.0.0.1', '10.0.0.2'] } }),
      [],
    ],
    [
      'DNS server added',
      { ...DAY0, dns: { ...DAY0.dns, servers: ['10.31.104.74', '10.0.0.9'] } },
      converged(),
      ['ip name-server 10.0.0.9'],
    ],
    [
      'DNS server not listed, replaced without purge: kept (NTP, AAA, PKI use it too)',
      DAY0,
      converged({ nameServers: { '': ['10.0.0.8', '10.31.104.74'] } }),
      [],
    ],
    [
      'DNS server not listed, purge: dns.servers: removed',
      { ...DAY0, purge: ['dns.servers'] },
      converged({ nameServers: { '': ['10.0.0.8', '10.31.104.74'] } }),
      ['no ip name-server 10.0.0.8'],
    ],
    [
      'purge: dns.servers with no servers declared empties the play VRF only',
      { ...DAY0, dns: { lookup: true }, purge: ['dns.servers'] },
      converged({ nameServers: { '': ['10.31.104.74'], 'Mgmt-vrf': ['10.0.0.7'] } }),
      ['no ip name-server 10.31.104.74'],
    ],
    [
      'domain name not declared: kept without purge',
      { ...DAY0, dns: { servers: ['10.31.104.74'] } },
      converged(),
      [],
    ],
    [
      'domain name not declared, purge: dns.domain: removed in the play VRF, not in another',
      { ...DAY0, dns: { servers: ['10.31.104.74'] }, purge: ['dns.domain'] },
      converged({ domainName: { '': 'example.com', 'Mgmt-vrf': 'mgmt.example.com' } }),
      ['no ip domain name example.com'],
    ],
    [
      'DNS server removed, merged: kept',
      { ...DAY0, state: 'merged' },
      converged({ nameServers: { '': ['10.0.0.8', '10.31.104.74'] } }),
      [],
    ],
    [
      'VRF on: license smart vrf and the VRF variants of the DNS lines',
      { ...DAY0, vrf: 'Mgmt-vrf', http_client_source_interface: 'gi0/0', dns: { ...DAY0.dns, source_interface: 'GigabitEthernet0/0' } },
      converged(),
      [
        'license smart vrf Mgmt-vrf',
        'ip http client source-interface GigabitEthernet0/0',
        'ip name-server vrf Mgmt-vrf 10.31.104.74',
        'ip domain name vrf Mgmt-vrf example.com',
        'ip domain lookup vrf Mgmt-vrf source-interface GigabitEthernet0/0',
      ],
    ],
    [
      'VRF off: the VRF goes, global DNS lines come; lines in other VRFs are not touched',
      DAY0,
      converged({
        vrf: 'Mgmt-vrf',
        nameServers: { 'Mgmt-vrf': ['10.31.104.74'] },
        domainName: { 'Mgmt-vrf': 'example.com' },
        domainLookupSourceInterface: { 'Mgmt-vrf': 'Vlan10' },
      }),
      [
        'no license smart vrf Mgmt-vrf',
        'ip name-server 10.31.104.74',
        'ip domain name example.com',
        'ip domain lookup source-interface Vlan10',
      ],
    ],
    [
      'custom URL',
      { ...DAY0, url: { smart: 'https://onprem.example.com/SmartTransport' } },
      converged(),
      ['license smart url smart https://onprem.example.com/SmartTransport'],
    ],
    ['custom URL already set (legacy form shown)', { ...DAY0, url: { smart: 'https://onprem.example.com/SmartTransport' } }, converged({ url: 'https://onprem.example.com/SmartTransport' }), []],
    ['custom URL back to default', DAY0, converged({ url: 'https://onprem.example.com/SmartTransport' }), ['license smart url default']],
    ['transport changed from callhome', DAY0, converged({ transport: 'callhome' }), ['license smart transport smart']],
    ['transport back to cslu (the hidden default)', { transport: 'cslu' }, observed({ transport: 'smart' }), ['license smart transport cslu']],
    ['transport cslu on a factory-default switch', { transport: 'cslu' }, observed({}), []],
    ['DNS lookup disabled on the device', DAY0, converged({ domainLookup: false }), ['ip domain lookup']],
    [
      'usage interval removed (replaced); http client source interface kept without purge',
      { ...DAY0, http_client_source_interface: undefined },
      converged({ usageInterval: 60 }),
      ['no license smart usage interval'],
    ],
    [
      'http client source interface removed with purge: http_client_source_interface',
      { ...DAY0, http_client_source_interface: undefined, purge: ['http_client_source_interface'] },
      converged({ usageInterval: 60 }),
      ['no license smart usage interval', 'no ip http client source-interface'],
    ],
    [
      'http client source interface kept under merged even with purge',
      { ...DAY0, http_client_source_interface: undefined, purge: ['http_client_source_interface'], state: 'merged' },
      converged(),
      [],
    ],
  ];
  it.each(cases)('%s', (_name, desired, obs, expected) => {
    expect(planSlp(desired, obs).commands).toEqual(expected);
  });

  it('names the playbook field behind every line', () => {
    const plan = planSlp({ ...DAY0, proxy: undefined, dns: { servers: ['10.0.0.2'] }, purge: ['dns.servers'] }, converged());
    expect(plan.lines).toEqual([
      { line: 'no license smart proxy address 192.168.217.105', kind: 'remove', cause: 'slp.proxy (absent)' },
      { line: 'no license smart proxy port 80', kind: 'remove', cause: 'slp.proxy (absent)' },
      { line: 'no ip name-server 10.31.104.74', kind: 'remove', cause: 'slp.dns.servers (not listed; slp.purge)' },
      { line: 'ip name-server 10.0.0.2', kind: 'add', cause: 'slp.dns.servers[0]' },
    ]);
  });
});

describe('planSlp: settings confirmed by show license status', () => {
  it('a config that looks right but a status that disagrees is pushed again', () => {
    const obs = converged();
    obs.status = { type: 'smart', url: 'https://other.example.com/x', vrf: 'Mgmt-vrf' };
    expect(planSlp(DAY0, obs).commands).toEqual([
      'no license smart vrf Mgmt-vrf',
      'license smart url default',
      'license smart proxy address 192.168.217.105',
      'license smart proxy port 80',
    ]);
  });
  it('status agreeing with a hidden url line is converged', () => {
    const obs = converged();
    obs.status = { type: 'smart', url: DEFAULT_SMART_URL, proxy: { address: '192.168.217.105', port: 80 } };
    expect(planSlp(DAY0, obs)).toMatchObject({ commands: [], changed: false });
  });
});

describe('planSlp: trust, sync, save', () => {
  const trust = { token: 'x'.repeat(40) };
  it('trust not installed → install (all members), sync and save follow changes', () => {
    const plan = planSlp({ ...DAY0, trust, sync: true }, observed({}));
    expect(plan.trust).toEqual({ action: 'install', scope: 'all', force: false, cause: 'slp.trust', reason: 'no trust code installed' });
    expect(plan.sync).toEqual({ action: 'run', command: 'license smart sync all', cause: 'slp.sync' });
    expect(plan.save.action).toBe('run');
    expect(plan.changed).toBe(true);
  });
  it('trust installed on every member → skip; converged → nothing at all', () => {
    const obs = converged();
    obs.trust = [{ role: 'active', installed: true }, { role: 'member', installed: true }];
    const plan = planSlp({ ...DAY0, trust, sync: true }, obs);
    expect(plan).toMatchObject({ commands: [], changed: false, trust: { action: 'skip' }, sync: { action: 'skip' }, save: { action: 'skip' } });
  });
  it('trust missing on a member (scope all) → install with force, since the active holds one', () => {
    const obs = converged();
    obs.trust = [{ role: 'active', installed: true }, { role: 'member', installed: false }];
    expect(planSlp({ ...DAY0, trust }, obs).trust).toEqual({
      action: 'install', scope: 'all', force: true, cause: 'slp.trust', reason: 'no trust code on: member',
    });
    expect(planSlp({ ...DAY0, trust: { ...trust, scope: 'local' } }, obs).trust?.action).toBe('skip');
  });
  it('force → install every run', () => {
    const obs = converged();
    obs.trust = [{ role: 'active', installed: true }];
    expect(planSlp({ ...DAY0, trust: { ...trust, force: true } }, obs).trust).toEqual({
      action: 'install', scope: 'all', force: true, cause: 'slp.trust.force', reason: 'force: true',
    });
  });
  it('save: false never saves', () => {
    expect(planSlp(DAY0, observed({}), { save: false }).save).toEqual({ action: 'skip', command: 'write memory', cause: 'save: false' });
  });
});
