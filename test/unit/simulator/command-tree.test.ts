import { CommandTree } from '../../../src/simulator/command-tree';
import { applyFilter, parseFilter } from '../../../src/simulator/output-filters';
import { canonicalInterface } from '../../../src/simulator/interface-names';

const tree = new CommandTree<string>()
  .add('show license status', 'status')
  .add('show license summary', 'summary')
  .add('show logging', 'logging')
  .add('license smart trust idtoken <token:word> <scope:local|all> [force]', 'trust')
  .add('license smart proxy port <port:1-65535>', 'port')
  .add('interface <iface:iface>', 'iface');

describe('command tree (IOS abbreviations and errors)', () => {
  test('unique prefixes select the command', () => {
    expect(tree.match('sh lic stat')).toEqual({ kind: 'ok', handler: 'status', args: { show: 'show', license: 'license', status: 'status' } });
  });
  test('a prefix shared by two words is ambiguous', () => {
    expect(tree.match('show l')).toEqual({ kind: 'ambiguous' });
  });
  test('the column of the first word that does not fit is reported for the caret', () => {
    expect(tree.match('show licence status')).toEqual({ kind: 'invalid', column: 5 });
    expect(tree.match('license smart proxy port 70000')).toEqual({ kind: 'invalid', column: 25 });
  });
  test('stopping early is incomplete', () => {
    expect(tree.match('show license')).toEqual({ kind: 'incomplete' });
  });
  test('keyword choices and optional keywords bind arguments', () => {
    const m = tree.match('license smart trust idtoken abc%0A all force');
    expect(m).toEqual({ kind: 'ok', handler: 'trust', args: { license: 'license', smart: 'smart', trust: 'trust', idtoken: 'idtoken', token: 'abc%0A', scope: 'all', force: 'force' } });
    expect(tree.match('license smart trust idtoken abc loc')).toMatchObject({ kind: 'ok', args: { scope: 'local' } });
  });
  test('interface names are stored in canonical form', () => {
    expect(tree.match('interface vlan10')).toMatchObject({ args: { iface: 'Vlan10' } });
    expect(['gi0/0', 'Fi1/0/48', 'te1/1/1', 'Vlan 10'].map(canonicalInterface)).toEqual(['GigabitEthernet0/0', 'FiveGigabitEthernet1/0/48', 'TenGigabitEthernet1/1/1', 'Vlan10']);
  });
});

describe('output filters', () => {
  const out = 'Trust Establishment:\n  Attempts: 1\nUsage Reporting:\n  Attempts: 2\nOverall Trust: No ID\n';
  const run = (spec: string): string => {
    const f = parseFilter(spec, 0);
    if (!f.ok) throw new Error('bad filter');
    return applyFilter(out, f);
  };
  test('section keeps the matching block with its indented lines', () => {
    expect(run('sec Trust')).toBe('Trust Establishment:\n  Attempts: 1\nOverall Trust: No ID\n');
  });
  test('include, exclude, begin and count', () => {
    expect(run('i Attempts')).toBe('  Attempts: 1\n  Attempts: 2\n');
    expect(run('exclude Attempts')).toBe('Trust Establishment:\nUsage Reporting:\nOverall Trust: No ID\n');
    expect(run('begin Usage')).toBe('Usage Reporting:\n  Attempts: 2\nOverall Trust: No ID\n');
    expect(run('count Attempts')).toBe('Number of lines which match regexp = 2\n');
  });
  test('the regex after the keyword is one expression, pipes included', () => {
    expect(run('include ^Usage|^Overall')).toBe('Usage Reporting:\nOverall Trust: No ID\n');
  });
  test('an unknown filter keyword is invalid input at that word', () => {
    expect(parseFilter(' grep x', 10)).toEqual({ ok: false, error: 'invalid', column: 11 });
  });
});

describe('CommandTree.help (IOS ?)', () => {
  const t = new CommandTree<string>()
    .add('show license eventlog [<days:0-365>]', 'eventlog')
    .add('show license status', 'status')
    .add('show logging', 'logging')
    .add('banner motd <text...>', 'banner');

  test('after a space: next keywords and parameters, <cr> when complete', () => {
    expect(t.help('show ')).toEqual({ kind: 'next', cr: false, items: [
      { kind: 'keyword', word: 'license', path: 'show license' },
      { kind: 'keyword', word: 'logging', path: 'show logging' },
    ] });
    expect(t.help('sh lic eventlog ')).toEqual({ kind: 'next', cr: true, items: [{ kind: 'param', name: 'days', spec: '0-365' }] });
    expect(t.help('banner ')).toEqual({ kind: 'next', cr: false, items: [{ kind: 'keyword', word: 'motd', path: 'banner motd' }] });
    expect(t.help('banner motd ')).toEqual({ kind: 'next', cr: false, items: [{ kind: 'rest', name: 'text' }] });
  });

  test('after a partial word: the keywords it abbreviates; errors as IOS words them', () => {
    expect(t.help('sh')).toEqual({ kind: 'partial', words: ['show'] });
    expect(t.help('show l')).toEqual({ kind: 'partial', words: ['license', 'logging'] });
    expect(t.help('zz')).toEqual({ kind: 'unrecognized' });
    expect(t.help('show zz ')).toEqual({ kind: 'invalid', column: 5 });
    expect(t.help('show l status ')).toEqual({ kind: 'ambiguous' });
  });
});
