import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Redactor } from '../redact';
import { renderHtmlReport } from '../report/html-report';
import { mergeReports, parseReport } from '../report/merge-reports';
import { renderRecap } from '../report/recap';
import { jsonDocument } from '../report/json-pieces';
import { writeReport } from '../report/write-report';
import type { RegisterCommand } from './index';

/**
 * `slp report merge SHARD.json… [--json F] [--junit F] [--html F]`: one recap, one JSON report,
 * one JUnit file and one page for the whole fleet from the shards' JSON reports. Exit as a run of
 * the whole fleet would; 2 when a host is in no report (a shard that never finished).
 */
export const registerReport: RegisterCommand = (program: Command, setExit) => {
  const report = program.command('report').description('work with JSON reports');
  report
    .command('merge')
    .description('merge the JSON reports of every shard into one recap, JSON, JUnit and HTML report')
    .argument('<reports...>', 'JSON reports written with --json')
    .option('--json <file>', 'write the merged JSON report here (- for stdout)')
    .option('--junit <file>', 'write one JUnit XML report for the fleet here')
    .option('--html <file>', 'write the fleet report page here')
    .action(async (files: string[], opts: { json?: string; junit?: string; html?: string }) => {
      const merged = mergeReports(files.map((file) => ({ file, report: parseReport(readFileSync(file, 'utf8'), file) })));
      // The reports were redacted when written; patterns still catch anything that slipped in.
      const redactor = new Redactor();
      if (opts.json !== '-') process.stdout.write(renderRecap(merged.report, { redactor }));
      if (merged.missing.length) {
        const shards = merged.missingShards.length ? ` (no report for shard ${merged.missingShards.join(', ')})` : '';
        process.stderr.write(`merge: ${merged.missing.length} host(s) in no report${shards}: ${merged.missing.map((m) => m.host).join(', ')}\n`);
      }
      if (opts.json) writeReport(opts.json, jsonDocument(merged.report));
      if (opts.junit) {
        const { renderJunitReport } = await import('../report/junit-report'); // loaded when asked for (execute-run.ts)
        writeReport(opts.junit, renderJunitReport(merged.report, redactor));
      }
      if (opts.html) writeReport(opts.html, renderHtmlReport(merged.report));
      setExit(merged.report.exitCode);
    });
};
