import { emptyObservedConfig, type ObservedConfig } from '../../../src/converge/running-state';
import { ownedConfigLines, planRollback } from '../../../src/converge/rollback-plan';

const cfg = (over: Partial<ObservedConfig>): ObservedConfig => ({ ...emptyObservedConfig(), ...over });

describe('planRollback', () => {
  it('undoes every owned change of a partial push, back to the backup', () => {
    const before = cfg({ transport: 'callhome', nameServers: { '': ['10.0.0.1', '10.0.0.2'] }, domainName: { '': 'old.example.com' } });
    const now = cfg({
      transport: 'smart',
      url: 'https://onprem.example.com/x',
      proxyAddress: '10.9.9.9',
      domainLookup: false,
      nameServers: { '': ['10.0.0.2', '10.0.0.7'], 'Mgmt-vrf': ['10.5.5.5'] },
      domainName: { '': 'new.example.com' },
    });
    expect(planRollback(before, now)).toEqual([
      'license smart url default',
      'no license smart proxy address 10.9.9.9',
      'ip domain lookup',
      'no ip name-server 10.0.0.2',
      'no ip name-server 10.0.0.7',
      'no ip name-server vrf Mgmt-vrf 10.5.5.5',
      'license smart transport callhome',
      'ip domain name old.example.com',
      'ip name-server 10.0.0.1',
      'ip name-server 10.0.0.2',
    ]);
  });
  it('nothing to undo → []', () => {
    const c = cfg({ transport: 'smart', url: 'default' });
    expect(planRollback(c, cfg({ transport: 'smart' }))).toEqual([]);
    expect(ownedConfigLines(c)).toEqual(['license smart transport smart']);
  });
});
