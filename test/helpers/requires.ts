/**
 * The one way a suite says it needs something outside the repository: the shared material beside
 * it (../shared: real captures, the real-client scripts) or a real program (ansible-playbook,
 * Python with netmiko).
 *
 * In CI (CI set, and not "false" or "0") a missing requirement FAILS the suite, with what is missing
 * in the message: CI must never be green because a suite quietly did not run. Elsewhere the suite
 * is skipped, and the note is printed at the end of the run (test/helpers/skip-notes-reporter.js),
 * where jest would otherwise bury it.
 *
 * The shared folder is <repo>/../shared, or SLP_SHARED_DIR (a clone somewhere else, e.g. /tmp).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The prefix skip-notes-reporter.js looks for in a suite's console output. */
export const SKIP_NOTE_PREFIX = '[skipped here] ';

/** One thing a suite needs: what it is, and why it is not available (null when it is). */
export interface Requirement {
  what: string;
  missing: string | null;
}

const REPO = path.resolve(__dirname, '..', '..');

export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SLP_SHARED_DIR ? path.resolve(env.SLP_SHARED_DIR) : path.resolve(REPO, '..', 'shared');
}

/** A path inside the shared folder. */
export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir(), ...parts);
}

/** `relative` (a file or folder) inside ../shared. */
export function requireShared(relative: string): Requirement {
  const full = sharedPath(relative);
  return {
    what: `../shared/${relative}`,
    missing: existsSync(full) ? null : `${full} not found (../shared lives beside the repository, not in it; or set SLP_SHARED_DIR)`,
  };
}

/** A program on PATH that answers `args` (default `--version`) with exit 0. */
export function requireProgram(file: string, args: string[] = ['--version'], install = ''): Requirement {
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout: 60_000 });
    return { what: file, missing: null };
  } catch {
    return { what: file, missing: `${file} is not installed${install ? ` (${install})` : ''}` };
  }
}

/** Python modules importable by the system python (the one Debian's ansible and netmiko use). */
export function requirePythonModules(modules: string[], install = ''): Requirement {
  const what = `python3 modules ${modules.join(', ')}`;
  try {
    execFileSync('/usr/bin/python3', ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore', timeout: 60_000 });
    return { what, missing: null };
  } catch {
    return { what, missing: `/usr/bin/python3 cannot import ${modules.join(', ')}${install ? ` (${install})` : ''}` };
  }
}

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

export type Verdict = { run: true } | { run: false; fail: boolean; message: string };

/** Run, skip with a note, or fail: the decision alone (pure, so it can be tested as such). */
export function verdict(suite: string, requirements: readonly Requirement[], ci: boolean): Verdict {
  const missing = requirements.flatMap((r) => (r.missing ? [r.missing] : []));
  if (missing.length === 0) return { run: true };
  if (ci) return { run: false, fail: true, message: `"${suite}" cannot run in CI: ${missing.join('; ')}. CI must provide it; the suite is not skipped there.` };
  return { run: false, fail: false, message: `${SKIP_NOTE_PREFIX}"${suite}": ${missing.join('; ')}` };
}

/**
 * `describe`, when every requirement is met. Otherwise the body is not collected at all: in CI one
 * failing test stands in for it, elsewhere one skipped test, with the note printed.
 */
export function describeRequiring(requirements: readonly Requirement[]): (name: string, body: () => void) => void {
  return (name, body) => {
    const v = verdict(name, requirements, isCi());
    if (v.run) return describe(name, body);
    if (v.fail) {
      describe(name, () => {
        test('has what it needs', () => {
          throw new Error(v.message);
        });
      });
      return;
    }
    console.warn(v.message);
    describe.skip(name, () => test('has what it needs', () => undefined));
  };
}
