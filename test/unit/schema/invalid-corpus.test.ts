import { readdirSync } from 'fs';
import { join } from 'path';
import { ConfigError } from '../../../src/errors';
import { loadRun } from '../../../src/playbook/load-run';
import { EXPECTED } from './invalid-corpus.expected';

const DIR = join('test', 'fixtures', 'invalid');
const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = readdirSync(join(ROOT, DIR)).filter((f) => f.endsWith('.yaml')).sort();
const ENV = { SLP_PROXY: '1.2.3.4\nno ip routing' };

function problemsOf(fixture: string): { error: unknown; lines: string[] } {
  const file = join(DIR, fixture);
  const inventory = fixture.startsWith('inv-');
  try {
    loadRun({
      inventoryFile: inventory ? file : 'inventory.example.yaml',
      playbookFile: inventory ? join('playbooks', 'compliance.yaml') : file,
      env: ENV,
    });
    return { error: undefined, lines: [] };
  } catch (error) {
    const issues = error instanceof ConfigError ? error.issues : [];
    return { error, lines: issues.map((i) => `${i.file === file ? '' : `${i.file}:`}${i.line}:${i.column}: ${i.message}`) };
  }
}

describe('invalid-input corpus', () => {
  const cwd = process.cwd();
  beforeAll(() => process.chdir(ROOT));
  afterAll(() => process.chdir(cwd)); // other test files resolve paths from the original cwd

  test('has at least 30 cases, each with an expectation', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30);
    expect(FIXTURES.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  test.each(FIXTURES)('%s is rejected with located messages', (fixture) => {
    const { error, lines } = problemsOf(fixture);
    expect(error).toBeInstanceOf(ConfigError);
    expect(lines).toEqual(EXPECTED[fixture]);
  });

  test('never shows a secret value', () => {
    const { lines } = problemsOf('inv-password-control.yaml');
    expect(lines.join('\n')).not.toContain('reload');
    expect(problemsOf('pb-token-short.yaml').lines.join('\n')).not.toContain('abc)');
  });
});
