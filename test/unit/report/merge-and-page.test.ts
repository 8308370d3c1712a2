/**
 * `slp report merge` and the fleet page, on reports of real runner runs (scripted host steps):
 * one run of a fleet vs the same fleet in shards, merged.
 */
import { ConfigError } from '../../../src/errors';
import { Redactor } from '../../../src/redact';
import { renderHtmlReport } from '../../../src/report/html-report';
import { buildJsonReport, type JsonReport } from '../../../src/report/json-report';
import { mergeReports } from '../../../src/report/merge-reports';
import { runPlaybook } from '../../../src/runner/run-playbook';
import { selectShard } from '../../../src/inventory/shard';
import { ctx, fakeSteps, play, type Script } from '../runner/fake-steps';

const TOKEN = 'Tok3n-abcdefghijklmnop';
const redactor = new Redactor([TOKEN, 'S3cret-pass']);
const HOSTS = Array.from({ length: 24 }, (_, i) => `sw-${i}`);
const SCRIPTS: Record<string, Script> = { 'sw-3': 'trust-fails', 'sw-7': 'unreachable', 'sw-11': 'old', 'sw-15': 'verify-fails', 'sw-20': 'ok' };
const DIGESTS = { playbook: 'sha256:aa', inventory: 'sha256:bb' };

async function report(hosts: string[], shard?: { index: number; total: number }): Promise<JsonReport> {
  let t = 0;
  const run = await runPlaybook([play('Day-0', hosts, {})], { steps: fakeSteps(SCRIPTS), ctx: ctx(), now: () => (t += 7) });
  run.plays[0]!.hosts.forEach((h) => h.diagnosis?.evidence.push(`license smart trust idtoken ${TOKEN} all`));
  return buildJsonReport(run, {
    command: 'run', playbook: 'pb.yaml', inventory: 'inv.yaml', toolVersion: 't', exitCode: 0, digests: DIGESTS, fleetHosts: [HOSTS],
    ...(shard ? { shard: { ...shard, by: null } } : {}),
  }, redactor);
}

const shardReports = (total: number): Promise<{ file: string; report: JsonReport }[]> =>
  Promise.all(Array.from({ length: total }, async (_, k) => ({ file: `s${k + 1}.json`, report: await report(selectShard(HOSTS, { index: k + 1, total }, () => []), { index: k + 1, total }) })));

const rows = (r: JsonReport): string[] => r.plays[0]!.hosts.map((h) => `${h.host} ${h.status} ${h.error?.name ?? ''} ${h.diagnosis?.cause ?? ''}`);

describe('slp report merge', () => {
  it('3 shards merged = one run: hosts in fleet order, outcomes, stats, exit code', async () => {
    const one = await report(HOSTS);
    const { report: merged, missing } = mergeReports(await shardReports(3));
    expect(missing).toEqual([]);
    expect(rows(merged)).toEqual(rows(one));
    expect(merged.stats).toEqual(one.stats);
    expect(merged.exitCode).toBe(4);
    expect(merged.mergedFrom!.map((m) => m.shard!.index)).toEqual([1, 2, 3]);
  });

  it('names the hosts of a shard whose report is missing, keeps them as skipped, and fails', async () => {
    const parts = await shardReports(3);
    const lost = parts[1]!.report.plays[0]!.hosts.map((h) => h.host);
    const { report: merged, missing, missingShards } = mergeReports([parts[0]!, parts[2]!]);
    expect(missingShards).toEqual([2]);
    expect(missing.map((m) => m.host)).toEqual(lost);
    const skipped = merged.plays[0]!.hosts.filter((h) => lost.includes(h.host));
    expect(skipped.every((h) => h.status === 'skipped' && /no report for shard 2\/3/.test(h.skipReason!))).toBe(true);
    expect(merged.exitCode).toBeGreaterThanOrEqual(2);
  });

  it('refuses a host in two reports, naming it and both files', async () => {
    const parts = await shardReports(2);
    const dup = parts[0]!.report.plays[0]!.hosts[0]!;
    parts[1]!.report.plays[0]!.hosts.push(dup);
    expect(() => mergeReports(parts)).toThrow(ConfigError);
    expect(() => mergeReports(parts)).toThrow(new RegExp(`s2.json:1:1: host ${dup.host} \\(play "Day-0"\\) is also in s1.json`));
  });

  it('refuses reports of a different playbook, inventory or shard count, and the same shard twice', async () => {
    const parts = await shardReports(2);
    const other = structuredClone(parts[1]!);
    other.report.digests = { ...DIGESTS, playbook: 'sha256:cc' };
    expect(() => mergeReports([parts[0]!, other])).toThrow(/s2.json:1:1: playbook digest differs from s1.json .*refusing to merge/);
    other.report.digests = { ...DIGESTS, inventory: 'sha256:dd' };
    expect(() => mergeReports([parts[0]!, other])).toThrow(/inventory digest differs/);
    const [third] = await shardReports(3);
    expect(() => mergeReports([parts[0]!, { ...third!, file: 's1of3.json' }])).toThrow(/shard count differs/);
    expect(() => mergeReports([parts[0]!, { ...parts[0]!, file: 'copy.json' }])).toThrow(/copy.json:1:1: shard 1\/2 is also in s1.json/);
  });
});

describe('fleet report page', () => {
  let page: string;
  beforeAll(async () => {
    page = renderHtmlReport(mergeReports(await shardReports(3)).report);
  });

  it('counts hosts by outcome and by cause', () => {
    const count = (k: string): string | undefined => new RegExp(`data-count="${k}">(\\d+)<`).exec(page)?.[1];
    expect([count('hosts'), count('ok'), count('changed'), count('failed'), count('unreachable'), count('skipped')]).toEqual(['24', '1', '19', '3', '1', '0']);
    expect(page).toMatch(/data-cause-count="connection_timed_out">2</);
    expect(page).toMatch(/data-cause-count="UnreachableError">1</);
  });

  it('is self-contained: no URL is fetched, and the CSP forbids any', () => {
    expect(page).toContain(`content="default-src 'none'`);
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('is redacted like the JSON and escapes what it shows', async () => {
    expect(page).not.toContain(TOKEN);
    expect(page).toContain('license smart trust idtoken *** all');
    const r = await report(['sw-0']);
    r.plays[0]!.hosts[0]!.host = '<img src=x onerror=alert(1)>';
    const evil = renderHtmlReport(r);
    expect(evil).not.toContain('<img src=x');
    expect(evil).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('has headings, a captioned table with column and row headers, labelled filters', () => {
    for (const h of ['<h1', '<h2 id="h-outcomes"', '<h2 id="h-causes"', '<h2 id="h-timing"', '<h2 id="h-hosts"']) expect(page).toContain(h);
    expect(page).toMatch(/<table id="hosts"><caption>/);
    expect(page).toContain('<th scope="col" data-key="status"><button type="button">Status</button></th>');
    expect(page).toMatch(/<th scope="row"><button type="button" class="host" aria-expanded="false" aria-controls="d0">/);
    expect(page).toContain('<label for="f-status">');
    expect(page).toContain('<html lang="en">');
  });
});
