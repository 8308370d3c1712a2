#!/usr/bin/env node
'use strict';
// .ci/run's verdict, read from jest's --json report rather than its human summary: the `Tests:`
// line counts only tests, so a suite that failed to load (import error, throw at top level, a
// failing beforeAll with no test failed) left it reading "N passed, 0 failed". Here every such
// suite counts as one failure, and a missing or unreadable report, or a run with no test at all,
// is a failure too.
//
//   node scripts/jest-summary.js <jest --json --outputFile> <exit status of the test command>
//
// Prints exactly one line, "N passed, N failed" (", N skipped" when some were), and exits 0 only
// when the command exited 0 and nothing failed.
const fs = require('node:fs');

/** The counts from jest's aggregated JSON result (the shape of `jest --json`). */
function summarize(report) {
  let failed = report.numFailedTests;
  // A suite that failed without a failing test (it did not load, or a hook threw) has no test to
  // count, so the suite itself is the failure.
  const suitesFailedOutsideTests = report.testResults.filter(
    (suite) => suite.status === 'failed' && !suite.assertionResults.some((t) => t.status === 'failed'),
  );
  failed += suitesFailedOutsideTests.length;
  return {
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
    brokenSuites: suitesFailedOutsideTests.map((suite) => suite.name),
    ok: report.success === true && failed === 0 && report.numTotalTests > 0 && !report.wasInterrupted,
  };
}

function line({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

function main(argv) {
  const [file, statusArg] = argv;
  const status = Number.parseInt(statusArg ?? '1', 10);
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`jest-summary: no jest report (${error.message}); the test command stopped before jest finished\n`);
    process.stdout.write(`${line({ passed: 0, failed: 1, skipped: 0 })}\n`);
    return status === 0 ? 1 : status;
  }
  const s = summarize(report);
  for (const name of s.brokenSuites) process.stderr.write(`jest-summary: suite failed outside its tests (did not load, or a hook threw): ${name}\n`);
  if (report.numTotalTests === 0) process.stderr.write('jest-summary: jest ran no test\n');
  process.stdout.write(`${line(s)}\n`);
  if (status !== 0) return status;
  return s.ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { summarize, line };
