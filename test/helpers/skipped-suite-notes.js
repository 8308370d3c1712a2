'use strict';
/**
 * Jest reporter: prints what a suite said (its `note: … skipped` line) when every one of its tests
 * was skipped. Jest's default reporter drops the console output of such a suite as soon as more
 * than one file runs, so a suite skipped for a missing program or ../shared would pass unseen.
 */
class SkippedSuiteNotes {
  onTestResult(_test, result) {
    if (!result.skipped) return;
    for (const entry of result.console ?? []) {
      process.stderr.write(`${entry.message} (${require('node:path').relative(process.cwd(), result.testFilePath)})\n`);
    }
  }
}
module.exports = SkippedSuiteNotes;
