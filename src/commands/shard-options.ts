/**
 * The `--shard I/N` and `--shard-by PREFIX` options shared by run, plan, apply and diagnose, and
 * the input digests every report records (`slp report merge` compares them).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ReportShard } from '../report/json-report';
import { resolveShard, type Shard } from '../inventory/shard';

export interface ShardCliOptions {
  shard?: string;
  shardBy?: string;
}

export function addShardOptions(cmd: Command): Command {
  return cmd
    .option('--shard <I/N>', 'run only shard I of N (rendezvous hashing of host names); without it, read from SLP_SHARD, JOB_COMPLETION_INDEX+SLP_SHARD_TOTAL or CI_NODE_INDEX+CI_NODE_TOTAL')
    .option('--shard-by <prefix>', 'keep the hosts of each inventory group starting with this prefix (e.g. site_) on one shard');
}

export function shardFromCli(opts: ShardCliOptions, env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  return resolveShard(opts.shard, opts.shardBy, env);
}

export function reportShard(shard: Shard | undefined): ReportShard | undefined {
  return shard ? { index: shard.index, total: shard.total, by: shard.by ?? null } : undefined;
}

/** `sha256:<hex>` of a file's bytes. */
export function fileDigest(file: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
}
