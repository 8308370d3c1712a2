/**
 * `slp report merge`: the JSON reports of every shard → one report for the fleet. Pure. Refuses
 * (ConfigError) to mix reports of different playbooks, inventories, commands or shard counts, a
 * shard given twice, and a host found in two reports; a host that no report holds is listed as
 * `missing` and kept in the merged report as skipped, so the recap and the page show the gap.
 */
import { ConfigError, EXIT_CODES, type ConfigIssue } from '../errors';
import { runExitCode } from '../results/exit-code';
import { skippedHost, type HostResult } from '../results/host-result';
import type { PlayResult } from '../results/run-result';
import { hostStats } from './host-stats';
import { JSON_REPORT_VERSION, type JsonReport } from './json-report';

export interface ReportFile {
  file: string;
  report: JsonReport;
}

export interface Merged {
  report: JsonReport;
  /** Hosts the fleet targets that no report holds, with the play. */
  missing: { play: string; host: string }[];
  /** Shards of 1..N no report covers. */
  missingShards: number[];
}

const at = (file: string, message: string): ConfigIssue => ({ file, line: 1, column: 1, path: '', message });

/** Parses one report file; anything but a slp-runner JSON report of this version is bad input. */
export function parseReport(text: string, file: string): JsonReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([at(file, `not JSON: ${(error as Error).message}`)]);
  }
  const r = data as Partial<JsonReport> | null;
  if (!r || typeof r !== 'object' || r.tool?.name !== 'slp-runner' || !Array.isArray(r.plays)) {
    throw new ConfigError([at(file, 'not a slp-runner JSON report (written by --json)')]);
  }
  if (r.version !== JSON_REPORT_VERSION) throw new ConfigError([at(file, `report version ${String(r.version)}; this slp reads version ${JSON_REPORT_VERSION}`)]);
  return r as JsonReport;
}

function same(files: readonly ReportFile[], what: string, get: (r: JsonReport) => unknown): ConfigIssue[] {
  const first = files[0]!;
  const want = JSON.stringify(get(first.report) ?? null);
  return files
    .filter((f) => JSON.stringify(get(f.report) ?? null) !== want)
    .map((f) => at(f.file, `${what} differs from ${first.file} (${String(get(f.report) ?? 'none')} vs ${String(get(first.report) ?? 'none')}): refusing to merge reports of different runs`));
}

export function mergeReports(files: readonly ReportFile[]): Merged {
  if (!files.length) throw new ConfigError([at('slp report merge', 'no report given')]);
  const issues: ConfigIssue[] = [];
  for (const f of files) if (!f.report.digests) issues.push(at(f.file, 'has no input digests (written by an older slp-runner): cannot prove it is the same playbook and inventory'));
  if (issues.length) throw new ConfigError(issues);
  issues.push(
    ...same(files, 'playbook digest', (r) => r.digests?.playbook),
    ...same(files, 'inventory digest', (r) => r.digests?.inventory),
    ...same(files, 'command', (r) => r.command),
    ...same(files, 'check mode', (r) => r.check),
    ...same(files, 'shard count', (r) => r.shard?.total),
    ...same(files, '--shard-by', (r) => r.shard?.by),
    ...same(files, 'host selection (--limit)', (r) => JSON.stringify(r.fleetHosts)),
  );
  const byShard = new Map<number, string>();
  for (const f of files) {
    const s = f.report.shard;
    if (!s) continue;
    const other = byShard.get(s.index);
    if (other !== undefined) issues.push(at(f.file, `shard ${s.index}/${s.total} is also in ${other}`));
    else byShard.set(s.index, f.file);
  }
  if (issues.length) throw new ConfigError(issues);

  const playCount = Math.max(...files.map((f) => f.report.plays.length), f0(files).fleetHosts?.length ?? 0);
  const plays: PlayResult[] = [];
  const missing: Merged['missing'] = [];
  const dupes: ConfigIssue[] = [];
  const total = f0(files).shard?.total;
  const missingShards = total ? Array.from({ length: total }, (_, i) => i + 1).filter((i) => !byShard.has(i)) : [];
  for (let i = 0; i < playCount; i++) {
    const sources = files.flatMap((f) => (f.report.plays[i] ? [{ file: f.file, play: f.report.plays[i]! }] : []));
    const head = sources[0]?.play;
    const name = head?.name ?? `play ${i + 1}`;
    const found = new Map<string, { file: string; result: HostResult }>();
    for (const { file, play } of sources) {
      for (const h of play.hosts) {
        const prior = found.get(h.host);
        if (prior) dupes.push(at(file, `host ${h.host} (play "${name}") is also in ${prior.file}: each host must be in exactly one shard`));
        else found.set(h.host, { file, result: h });
      }
    }
    const expected = f0(files).fleetHosts?.[i] ?? [...found.keys()];
    const why = `missing: in none of the merged reports${missingShards.length ? ` (no report for shard ${missingShards.map((s) => `${s}/${total}`).join(', ')})` : ''}`;
    const hosts = expected.map((host) => {
      const r = found.get(host);
      if (r) return r.result;
      missing.push({ play: name, host });
      return skippedHost(host, name, why, f0(files).check);
    });
    // Hosts outside the recorded selection (should not happen): kept, not dropped.
    for (const [host, r] of found) if (!expected.includes(host)) hosts.push(r.result);
    const stopped = [...new Set(sources.flatMap((s) => (s.play.stopped ? [s.play.stopped] : [])))];
    plays.push({ index: head?.index ?? i, name, pattern: head?.pattern ?? '', hosts, ...(stopped.length ? { stopped: stopped.join('; ') } : {}) });
  }
  if (dupes.length) throw new ConfigError(dupes);

  const starts = files.map((f) => Date.parse(f.report.startedAt));
  const start = Math.min(...starts);
  const end = Math.max(...files.map((f, k) => starts[k]! + f.report.durationMs));
  const interrupted = files.map((f) => f.report.interrupted).find((x) => x !== null) ?? null;
  const interruptedBy = files.map((f) => f.report.interruptedBy ?? null).find((x) => x !== null) ?? null;
  const first = f0(files);
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: first.tool,
    command: first.command,
    playbook: first.playbook,
    inventory: first.inventory,
    check: first.check,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    // A host in no report was not run: the fleet did not pass, even if every report did.
    exitCode: Math.max(runExitCode({ plays, interrupted }), missing.length ? EXIT_CODES.failed : 0),
    interruptedBy,
    interrupted,
    stats: Object.fromEntries(hostStats(plays.flatMap((p) => p.hosts))),
    plays,
    // Each shard's events are timed from its own start: they stay in the shard reports.
    events: [],
    digests: first.digests,
    shard: null,
    fleetHosts: first.fleetHosts,
    mergedFrom: files.map((f) => ({ file: f.file, shard: f.report.shard, hosts: f.report.plays.reduce((n, p) => n + p.hosts.length, 0) })),
  };
  return { report, missing, missingShards };
}

function f0(files: readonly ReportFile[]): JsonReport {
  return files[0]!.report;
}
