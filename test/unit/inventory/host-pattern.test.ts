import { matchHosts, type PatternScope } from '../../../src/inventory/host-pattern';
import { validatePlay } from '../../../src/schema/validators';

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
    // Subscripts, as Ansible's: [i], [-i], [start:end] inclusive, [start:]; ':' inside [] is no separator
    ['lab[0:1]', ['sw-a1', 'sw-d1']],
    ['lab[-1]', ['sw-f-dns']],
    ['faulty[1:]', ['sw-f-old']],
    ['lab[1]:access_stacks[0]', ['sw-a1', 'sw-d1']],
    // ~regex: Python's re.match (anchored at the start only), on group and host names
    ['~sw-[ad]1', ['sw-a1', 'sw-d1']],
    ['~fault', ['sw-f-dns', 'sw-f-old']],
    ['all:!~sw-f', ['sw-a1', 'sw-a2', 'sw-d1']],
  ])('%s → %j', (pattern, expected) => {
    expect(matchHosts(pattern, SCOPE)).toEqual({ hosts: expected, problems: [] });
  });

  test.each([
    ['acess_stacks', [{ offset: 0, message: '"acess_stacks" is neither a host nor a group in the inventory (did you mean "access_stacks"?)' }]],
    ['lab:&nothere', [{ offset: 4, message: '"nothere" is neither a host nor a group in the inventory' }]],
    ['lab::faulty', [{ offset: 4, message: 'empty term in host pattern "lab::faulty"' }]],
    ['lab:faulty[5]', [{ offset: 4, message: '"faulty[5]": there is no host 5 in "faulty" (2 host(s), counted from 0)' }]],
    ['lab,~sw-(', [{ offset: 4, message: expect.stringMatching(/^invalid regular expression in host pattern "~sw-\(": /) }]],
    ['lab:a b', [{ offset: 4, message: 'invalid host pattern term "a b": expected a host or group name, * and ? wildcards, ~regex or a [subscript], with & (and) or ! (not) in front' }]],
  ])('%s is an error', (pattern, problems) => {
    expect(matchHosts(pattern, SCOPE)).toEqual({ hosts: [], problems });
  });
});

describe('the playbook schema takes every pattern the matcher reads', () => {
  test.each(['web[0:2]', 'web[-1]:!db', '~^sw-(a|b)[0-9]+$', 'lab,~core\\d+'])('%s', (hosts) => {
    expect(validatePlay({ name: 'p', hosts, slp: { transport: 'smart' } })).toBe(true);
  });
  test.each(['web\n', 'a;b', 'x\u0000'])('%j is refused', (hosts) => {
    expect(validatePlay({ name: 'p', hosts, slp: { transport: 'smart' } })).toBe(false);
  });
});
