/**
 * A suite skipped because its program or ../shared is missing prints a visible note (README,
 * Development), also when other suites run with it: jest's default reporter drops a skipped
 * suite's console output then, so the project's reporter (test/helpers/skipped-suite-notes.js)
 * prints it. Runs jest itself on two throw-away suites.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('the note of a skipped suite is shown when it runs with other suites', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slp-skipnote-'));
  try {
    writeFileSync(path.join(dir, 'skipped.test.js'), "console.warn('note: the-program not installed; checks skipped');\ndescribe.skip('needs the-program', () => test('x', () => undefined));\n");
    writeFileSync(path.join(dir, 'runs.test.js'), "test('runs', () => expect(1 + 1).toBe(2));\n");
    const reporter = path.join(__dirname, '../helpers/skipped-suite-notes.js');
    const config = JSON.stringify({ rootDir: dir, testMatch: ['**/*.test.js'], reporters: ['default', reporter] });
    const jest = require.resolve('jest/bin/jest');
    const r = spawnSync(process.execPath, [jest, '--ci', '--config', config, '--maxWorkers=1'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note: the-program not installed; checks skipped (skipped.test.js)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
