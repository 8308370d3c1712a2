import { matchHosts, type PatternScope } from '../../../src/inventory/host-pattern';

const HOSTS = ['sw-a1', 'sw-a2', 'sw-d1', 'sw-f-dns', 'sw-f-old'];
const SCOPE: PatternScope = {
  hosts: HOSTS,
  groups: new Map([
    ['all', { hosts: HOSTS }],
    ['access_stacks', { hosts: ['sw-a1', 'sw-a2'] }],
    ['distribution', { hosts: ['sw-d1'] }],
    ['faulty', { hosts: ['sw-f-dns', 'sw-f-old'] }],
    ['lab', { hosts: ['sw-a1', 'sw-d1', 'sw-f-dns'] }],
  ]),
};

describe('host patterns', () => {
  test.each([
    ['all', HOSTS],
    ['*', HOSTS],
    ['sw-d1', ['sw-d1']],
    ['access_stacks', ['sw-a1', 'sw-a2']],
    ['access_stacks:distribution', ['sw-a1', 'sw-a2', 'sw-d1']],
    ['distribution,access_stacks', ['sw-a1', 'sw-a2', 'sw-d1']],
    ['distribution, access_stacks', ['sw-a1', 'sw-a2', 'sw-d1']],
    ['access_stacks:&lab', ['sw-a1']],
    ['all:!faulty', ['sw-a1', 'sw-a2', 'sw-d1']],
    ['!faulty', ['sw-a1', 'sw-a2', 'sw-d1']],
    ['&lab:!sw-a1', ['sw-d1', 'sw-f-dns']],
    ['sw-f-*', ['sw-f-dns', 'sw-f-old']],
    ['sw-a?', ['sw-a1', 'sw-a2']],
    ['dist*', ['sw-d1']],
    // Ansible order: unions, then intersections, then exclusions, wherever they are written
    ['!sw-a1:&lab:access_stacks:distribution', ['sw-d1']],
    ['access_stacks:&faulty', []],
  ])('%s → %j', (pattern, expected) => {
    expect(matchHosts(pattern, SCOPE)).toEqual({ hosts: expected, problems: [] });
  });

  test.each([
    ['acess_stacks', [{ offset: 0, message: '"acess_stacks" is neither a host nor a group in the inventory (did you mean "access_stacks"?)' }]],
    ['lab:&nothere', [{ offset: 4, message: '"nothere" is neither a host nor a group in the inventory' }]],
    ['lab::faulty', [{ offset: 4, message: 'empty term in host pattern "lab::faulty"' }]],
    ['lab:web[0:2]', [{ offset: 7, message: 'host pattern "lab:web[0:2]": ranges ([0:2]) and regular expressions (~) are not supported' }]],
    ['lab:a b', [{ offset: 4, message: 'invalid host pattern term "a b": expected a host or group name, * and ? wildcards, with & (and) or ! (not) in front' }]],
  ])('%s is an error', (pattern, problems) => {
    expect(matchHosts(pattern, SCOPE)).toEqual({ hosts: [], problems });
  });
});
