'use strict';
// A jest reporter that repeats, after the summary, why suites were skipped on this machine
// (test/helpers/requires.ts). jest shows a skipped suite's console output nowhere, so without this
// a missing ../shared or a missing real client went unnoticed. Plain JavaScript: jest loads
// reporters without the ts-jest transform.
const path = require('node:path');

const PREFIX = '[skipped here] '; // SKIP_NOTE_PREFIX in requires.ts

class SkipNotesReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.notes = [];
  }

  onTestResult(_test, result) {
    for (const entry of result.console ?? []) {
      if (typeof entry.message === 'string' && entry.message.startsWith(PREFIX)) {
        this.notes.push(`${path.relative(this.rootDir, result.testFilePath)}: ${entry.message.slice(PREFIX.length)}`);
      }
    }
  }

  onRunComplete() {
    if (this.notes.length === 0) return;
    const lines = ['', `Skipped on this machine (in CI, with CI=true, these fail instead):`, ...this.notes.map((n) => `  - ${n}`), ''];
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}

module.exports = SkipNotesReporter;
