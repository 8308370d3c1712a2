/**
 * Which hosts one shard of a fleet runs: `--shard I/N`, or the job engine's own variables. Pure:
 * the caller passes the environment and the hosts' groups.
 *
 * Rendezvous (highest random weight) hashing: every host scores each shard by a hash of
 * (key, shard) and goes to the best one. The same host always lands on the same shard for a given
 * N, and going from N to N+1 shards moves only the hosts that the new shard wins (≈1/(N+1)),
 * where `hash mod N` would reshuffle almost all of them.
 */
import { createHash } from 'node:crypto';
import { ConfigError, type ConfigIssue } from '../errors';

/** One shard of N, 1-based as GitLab's CI_NODE_INDEX and as people count. */
export interface Shard {
  index: number;
  total: number;
  /** Hosts are grouped by their first inventory group starting with this prefix (`--shard-by`). */
  by?: string;
  /** Where I/N came from: `--shard`, or the environment variables read. */
  source: string;
}

/** The variables read when `--shard` is not given, in this order. */
export const SHARD_ENV = {
  /** `I/N`, 1-based: for engines without their own variables (GitHub Actions matrices). */
  explicit: 'SLP_SHARD',
  /** Kubernetes Indexed Job: 0-based index set by Kubernetes; the total is set in the manifest. */
  k8sIndex: 'JOB_COMPLETION_INDEX',
  k8sTotal: 'SLP_SHARD_TOTAL',
  /** GitLab CI `parallel:`: both 1-based. */
  gitlabIndex: 'CI_NODE_INDEX',
  gitlabTotal: 'CI_NODE_TOTAL',
} as const;

const issue = (file: string, message: string): ConfigIssue => ({ file, line: 1, column: 1, path: '', message });

/** Parses `I/N` (1 ≤ I ≤ N); `where` names the flag or variable in the message. */
export function parseShardSpec(spec: string, where: string): { index: number; total: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || index < 1 || index > total) {
    throw new ConfigError([issue(where, `${where} must be I/N with 1 ≤ I ≤ N, e.g. 2/4 (got "${spec}")`)]);
  }
  return { index, total };
}

function whole(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min) throw new ConfigError([issue(name, `${name} must be a whole number ≥ ${min} (got "${value}")`)]);
  return n;
}

/**
 * The shard from `--shard`, else from the environment: SLP_SHARD, a Kubernetes Indexed Job
 * (JOB_COMPLETION_INDEX + SLP_SHARD_TOTAL), GitLab `parallel:` (CI_NODE_INDEX + CI_NODE_TOTAL).
 * Undefined when none is set: the whole fleet runs. A half-set pair is an error, not a silent
 * full run: a pod that forgot SLP_SHARD_TOTAL would otherwise configure every switch.
 */
export function resolveShard(flag: string | undefined, by: string | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  const withBy = (s: Omit<Shard, 'by'>): Shard => (by !== undefined ? { ...s, by } : s);
  if (by !== undefined && by.trim() === '') throw new ConfigError([issue('--shard-by', '--shard-by needs a group name prefix, e.g. site_')]);
  if (flag !== undefined) return withBy({ ...parseShardSpec(flag, '--shard'), source: '--shard' });
  const e = SHARD_ENV;
  if (env[e.explicit] !== undefined && env[e.explicit] !== '') return withBy({ ...parseShardSpec(env[e.explicit]!, e.explicit), source: e.explicit });
  const pair = (indexVar: string, totalVar: string, base: 0 | 1): Shard | undefined => {
    const i = env[indexVar];
    const n = env[totalVar];
    if ((i === undefined || i === '') && (n === undefined || n === '')) return undefined;
    if (i === undefined || i === '' || n === undefined || n === '') {
      const missing = i === undefined || i === '' ? indexVar : totalVar;
      throw new ConfigError([issue(missing, `${indexVar} and ${totalVar} go together: ${missing} is not set`)]);
    }
    const total = whole(n, totalVar, 1);
    const index = whole(i, indexVar, base) + (1 - base);
    if (index > total) throw new ConfigError([issue(indexVar, `${indexVar}=${i} is past ${totalVar}=${n}`)]);
    return withBy({ index, total, source: `${indexVar}/${totalVar}` });
  };
  return pair(e.k8sIndex, e.k8sTotal, 0) ?? pair(e.gitlabIndex, e.gitlabTotal, 1);
}

function score(key: string, shard: number): bigint {
  return createHash('sha256').update(`${key}\u0000${shard}`).digest().readBigUInt64BE(0);
}

/** The shard (1-based) of N that a key (host name or group) belongs to. */
export function shardOfKey(key: string, total: number): number {
  let best = 1;
  let bestScore = -1n;
  for (let i = 1; i <= total; i++) {
    const s = score(key, i);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/**
 * What a host is placed by: its most specific group starting with `by` (groups come `all` first,
 * children last), else its own name, so hosts outside any such group are still spread out.
 */
export function shardKey(host: string, groups: readonly string[], by: string | undefined): string {
  if (by === undefined) return host;
  const group = [...groups].reverse().find((g) => g.startsWith(by));
  return group !== undefined ? `group:${group}` : host;
}

/** The hosts of `names` (order kept) that fall in the shard. */
export function selectShard(names: readonly string[], shard: Pick<Shard, 'index' | 'total' | 'by'>, groupsOf: (host: string) => readonly string[]): string[] {
  return names.filter((n) => shardOfKey(shardKey(n, groupsOf(n), shard.by), shard.total) === shard.index);
}

/** Every shard's hosts, for `slp validate --shard`. */
export function shardTable(names: readonly string[], total: number, by: string | undefined, groupsOf: (host: string) => readonly string[]): string[][] {
  const out: string[][] = Array.from({ length: total }, () => []);
  for (const n of names) out[shardOfKey(shardKey(n, groupsOf(n), by), total) - 1]!.push(n);
  return out;
}

/** One line for stderr: which shard this process runs and how it was told. */
export function shardBanner(shard: Shard, selected: number, of: number): string {
  return `shard ${shard.index}/${shard.total} (from ${shard.source}${shard.by !== undefined ? `, by groups ${shard.by}*` : ''}): ${selected} of ${of} host(s)\n`;
}
