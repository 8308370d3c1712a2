/**
 * test/helpers/requires.ts decides whether a suite that needs ../shared or a real program runs,
 * fails (CI) or is skipped with a note (elsewhere). The decision on its own, and the checks it
 * rests on against this machine.
 */
import path from 'node:path';
import { isCi, requireProgram, requireShared, sharedDir, SKIP_NOTE_PREFIX, verdict } from '../helpers/requires';

const present = { what: 'node', missing: null };
const absent = { what: '../shared/real-outputs', missing: '/x/shared/real-outputs not found' };

describe('run, fail in CI, or skip with a note', () => {
  test('everything present: the suite runs, in CI or not', () => {
    expect(verdict('real outputs', [present], true)).toEqual({ run: true });
    expect(verdict('real outputs', [present], false)).toEqual({ run: true });
  });

  test('in CI a missing requirement fails the suite and says what is missing', () => {
    expect(verdict('real outputs', [present, absent], true)).toEqual({
      run: false,
      fail: true,
      message: '"real outputs" cannot run in CI: /x/shared/real-outputs not found. CI must provide it; the suite is not skipped there.',
    });
  });

  test('elsewhere it is skipped, with a note the end-of-run reporter picks up', () => {
    const v = verdict('real clients', [absent, { what: 'ansible-playbook', missing: 'ansible-playbook is not installed' }], false);
    expect(v).toEqual({ run: false, fail: false, message: `${SKIP_NOTE_PREFIX}"real clients": /x/shared/real-outputs not found; ansible-playbook is not installed` });
  });

  test.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'woodpecker' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('CI=%j → in CI: %s', (env, ci) => {
    expect(isCi(env as NodeJS.ProcessEnv)).toBe(ci);
  });
});

describe('skip-notes-reporter.js', () => {
  test('prints, after the run, each note a suite logged through requires.ts, and nothing else', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Reporter = require('../helpers/skip-notes-reporter.js') as new (c: { rootDir: string }) => { onTestResult(t: unknown, r: object): void; onRunComplete(): void };
    const root = path.resolve(__dirname, '..', '..');
    const reporter = new Reporter({ rootDir: root });
    const note = verdict('real outputs', [absent], false);
    reporter.onTestResult({}, { testFilePath: path.join(root, 'test/real-outputs/real-outputs.test.ts'), console: [{ type: 'warn', message: note.run ? '' : note.message, origin: '' }, { type: 'log', message: 'unrelated', origin: '' }] });
    reporter.onTestResult({}, { testFilePath: path.join(root, 'test/unit/x.test.ts') });
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      reporter.onRunComplete();
    } finally {
      spy.mockRestore();
    }
    expect(written.join('').split('\n')).toEqual([
      '',
      'Skipped on this machine (in CI, with CI=true, these fail instead):',
      '  - test/real-outputs/real-outputs.test.ts: "real outputs": /x/shared/real-outputs not found',
      '',
      '',
    ]);
  });
});

describe('the checks', () => {
  test('../shared is beside the repository unless SLP_SHARED_DIR says otherwise', () => {
    expect(sharedDir({})).toBe(path.resolve(__dirname, '..', '..', '..', 'shared'));
    expect(sharedDir({ SLP_SHARED_DIR: '/srv/slp-shared' })).toBe('/srv/slp-shared');
  });

  test('a file that is not in ../shared is reported missing, with where it was looked for', () => {
    expect(requireShared('no-such-folder-here')).toEqual({
      what: '../shared/no-such-folder-here',
      missing: `${path.join(sharedDir(), 'no-such-folder-here')} not found (../shared lives beside the repository, not in it; or set SLP_SHARED_DIR)`,
    });
  });

  test('a program is present when it runs, missing when it does not', () => {
    expect(requireProgram(process.execPath)).toEqual({ what: process.execPath, missing: null });
    expect(requireProgram('slp-no-such-program-xyz', ['--version'], 'apt-get install nothing')).toEqual({
      what: 'slp-no-such-program-xyz',
      missing: 'slp-no-such-program-xyz is not installed (apt-get install nothing)',
    });
  });
});
