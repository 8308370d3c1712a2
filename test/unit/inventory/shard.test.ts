import { ConfigError } from '../../../src/errors';
import { parseShardSpec, resolveShard, selectShard, shardKey, shardOfKey, shardTable } from '../../../src/inventory/shard';

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `sw-${String(i).padStart(5, '0')}`);
const noGroups = (): string[] => ['all'];

describe('shard assignment (rendezvous hashing)', () => {
  const fleet = names(10_000);

  it('puts every host in exactly one shard, the shards about equal', () => {
    const table = shardTable(fleet, 4, undefined, noGroups);
    expect(table.flat().sort()).toEqual([...fleet].sort());
    for (const shard of table) expect(Math.abs(shard.length - 2500)).toBeLessThan(250);
    expect(table.map((_, i) => selectShard(fleet, { index: i + 1, total: 4 }, noGroups))).toEqual(table);
  });

  it('going from 4 to 5 shards moves about 1/5 of the hosts, each to the new shard', () => {
    const before = new Map(fleet.map((h) => [h, shardOfKey(h, 4)]));
    const moved = fleet.filter((h) => shardOfKey(h, 5) !== before.get(h));
    // Ideal: 1/5 = 2000 of 10,000; hash mod N would move about 4/5.
    expect(moved.length / fleet.length).toBeGreaterThan(0.17);
    expect(moved.length / fleet.length).toBeLessThan(0.23);
    expect(new Set(moved.map((h) => shardOfKey(h, 5)))).toEqual(new Set([5]));
  });

  it('is stable: the same host lands on the same shard on every call', () => {
    expect(fleet.slice(0, 50).map((h) => shardOfKey(h, 7))).toEqual(fleet.slice(0, 50).map((h) => shardOfKey(h, 7)));
  });

  it('--shard-by keeps each site on one shard; hosts in no such group are spread by name', () => {
    const groups = new Map<string, string[]>();
    fleet.slice(0, 2000).forEach((h, i) => groups.set(h, ['all', 'region_eu', `site_${i % 40}`, 'access']));
    const groupsOf = (h: string): string[] => groups.get(h) ?? ['all'];
    const table = shardTable(fleet.slice(0, 3000), 4, 'site_', groupsOf);
    for (let s = 0; s < 40; s++) {
      const members = fleet.slice(0, 2000).filter((_, i) => i % 40 === s);
      expect(new Set(members.map((h) => table.findIndex((t) => t.includes(h)))).size).toBe(1);
    }
    expect(shardKey('x', ['all', 'site_a', 'site_a_b'], 'site_')).toBe('group:site_a_b');
    expect(shardKey('x', ['all'], 'site_')).toBe('x');
  });
});

describe('shard from the flag or the job engine', () => {
  it('reads --shard I/N, 1-based', () => {
    expect(resolveShard('2/4', undefined, {})).toEqual({ index: 2, total: 4, source: '--shard' });
    expect(parseShardSpec(' 4 / 4 ', '--shard')).toEqual({ index: 4, total: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '-1/3']) expect(() => parseShardSpec(bad, '--shard')).toThrow(ConfigError);
  });

  it('reads a Kubernetes Indexed Job: JOB_COMPLETION_INDEX is 0-based', () => {
    expect(resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '0', SLP_SHARD_TOTAL: '4' })).toMatchObject({ index: 1, total: 4 });
    expect(resolveShard(undefined, 'site_', { JOB_COMPLETION_INDEX: '3', SLP_SHARD_TOTAL: '4' })).toMatchObject({ index: 4, total: 4, by: 'site_' });
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '4', SLP_SHARD_TOTAL: '4' })).toThrow(/past SLP_SHARD_TOTAL/);
  });

  it('refuses half a pair rather than silently running the whole fleet', () => {
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '1' })).toThrow(/SLP_SHARD_TOTAL is not set/);
    expect(() => resolveShard(undefined, undefined, { CI_NODE_TOTAL: '3' })).toThrow(/CI_NODE_INDEX is not set/);
  });

  it('reads GitLab parallel: (1-based) and SLP_SHARD; the flag wins over both', () => {
    expect(resolveShard(undefined, undefined, { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '3' })).toMatchObject({ index: 1, total: 3 });
    expect(resolveShard(undefined, undefined, { SLP_SHARD: '3/5', CI_NODE_INDEX: '1', CI_NODE_TOTAL: '3' })).toMatchObject({ index: 3, total: 5, source: 'SLP_SHARD' });
    expect(resolveShard('1/2', undefined, { SLP_SHARD: '3/5' })).toMatchObject({ index: 1, total: 2 });
    expect(resolveShard(undefined, undefined, {})).toBeUndefined();
  });
});
