/**
 * Bad input, generated: arbitrary values at every user-settable place of an inventory and a
 * playbook, and random edits of their YAML text. The loaders run in-process (spawning the CLI per
 * case would take minutes); `slp validate` is spawned for a handful of cases in cli-validate.
 *
 * The properties a user relies on:
 *  - the outcome is a loaded run or a ConfigError — never any other exception (a stack trace);
 *  - every issue is located: a file the user gave, a line inside it, a column ≥ 1;
 *  - when the input loads, no value that will be typed at the switch CLI can smuggle a second
 *    command or a help request (no control character, no `?`, no `|`, no whitespace in one-token
 *    fields).
 *
 * Parsers are fuzzed where they live: test/unit/parsers/history-registry-property.test.ts ("no
 * parser throws", arbitrary and mutated real-shaped text). Not duplicated here.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError } from '../../src/errors';
import { loadRun, type LoadedRun } from '../../src/playbook/load-run';
import { assertProperty } from '../helpers/fuzz';
import { BASE_INVENTORY, BASE_PLAYBOOK, HOSTILE_STRINGS, INVENTORY_PATHS, PLAYBOOK_PATHS, setAt } from './inputs';

const TOKEN = 'LabToken.0123456789abcdefXYZ';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slp-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A value anywhere in YAML: hostile strings, numbers at the edges, nesting, nulls. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer(),
    fc.constantFrom(0, -1, 1, 65535, 65536, 2 ** 53, 1.5, Number.NaN, Infinity),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 3 }),
  ),
})).v;

type Outcome = { run: LoadedRun } | { error: ConfigError; texts: Record<string, string> };

/** Writes the two documents and loads them the way `slp run` does. */
function load(inventoryText: string, playbookText: string, env: Record<string, string> = { SLP_IDTOKEN: TOKEN }): Outcome {
  const inventoryFile = join(dir, 'inventory.yaml');
  const playbookFile = join(dir, 'playbook.yaml');
  writeFileSync(inventoryFile, inventoryText);
  writeFileSync(playbookFile, playbookText);
  try {
    return { run: loadRun({ inventoryFile, playbookFile, env }) };
  } catch (error) {
    // Anything but a ConfigError is the stack trace a user must never see: fail with it.
    if (!(error instanceof ConfigError)) throw error;
    return { error, texts: { [inventoryFile]: inventoryText, [playbookFile]: playbookText } };
  }
}

/** Every issue names one of the user's files and a position inside it. */
function expectLocated(error: ConfigError, texts: Record<string, string>): void {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(Object.keys(texts)).toContain(issue.file);
    const lines = texts[issue.file]!.split('\n');
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lines.length + 1);
    expect(issue.column).toBeGreaterThanOrEqual(1);
    expect(issue.message).not.toMatch(/\n\s+at /);
  }
  // The terminal text: one `file:line:column: message` per issue.
  for (const line of error.message.split('\n').filter((l) => /^\//.test(l))) {
    expect(line).toMatch(/^\/\S+:\d+:\d+: \S/);
  }
}

/** Values typed at the CLI in one token (interfaces, VRF, addresses, domain, URL, token). */
const ONE_TOKEN_KEYS = new Set(['vrf', 'http_client_source_interface', 'source_interface', 'domain', 'address', 'servers', 'url', 'smart', 'cslu', 'token']);

function expectCliSafe(run: LoadedRun): void {
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      expect(value).not.toMatch(/[\u0000-\u001f\u007f?|]/);
      if (ONE_TOKEN_KEYS.has(key)) expect(value).not.toMatch(/\s/);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const { hosts } of run.plays) for (const { desired } of hosts) walk(desired.slp, 'slp');
  for (const host of run.inventory.hosts.values()) {
    expect(host.connection.address).not.toMatch(/[\s\u0000-\u001f\u007f]/);
    expect(Number.isInteger(host.connection.port) && host.connection.port >= 1 && host.connection.port <= 65535).toBe(true);
  }
}

function check(outcome: Outcome): void {
  if ('run' in outcome) expectCliSafe(outcome.run);
  else expectLocated(outcome.error, outcome.texts);
}

describe('fuzzed playbook values', () => {
  test('the unmodified inputs load (the properties below start from a valid run)', () => {
    const outcome = load(stringify(BASE_INVENTORY), stringify(BASE_PLAYBOOK));
    expect('run' in outcome && outcome.run.plays[0]!.hosts.map((h) => h.host.name)).toEqual(['sw1', 'sw2']);
  });

  test('any value at any playbook key: loaded and CLI-safe, or a located ConfigError', () => {
    assertProperty(
      fc.property(fc.constantFrom(...PLAYBOOK_PATHS), anyValue, (path, value) => {
        check(load(stringify(BASE_INVENTORY), stringify(setAt(BASE_PLAYBOOK, path, value))));
      }),
      { numRuns: 200 },
    );
  });

  test('hostile strings through templates ({{ var }} and {{ env.X }}) are checked after rendering', () => {
    assertProperty(
      fc.property(fc.constantFrom(...PLAYBOOK_PATHS.filter((p) => p[1] === 'slp')), fc.constantFrom(...HOSTILE_STRINGS), fc.boolean(), (path, hostile, viaEnv) => {
        const playbook = setAt(BASE_PLAYBOOK, path, viaEnv ? '{{ env.HOSTILE }}' : '{{ hostile }}');
        const inventory = setAt(BASE_INVENTORY, ['all', 'vars', 'hostile'], hostile);
        check(load(stringify(inventory), stringify(playbook), { SLP_IDTOKEN: TOKEN, HOSTILE: hostile }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('fuzzed inventory values', () => {
  test('any value at any inventory key: loaded and CLI-safe, or a located ConfigError', () => {
    assertProperty(
      fc.property(fc.constantFrom(...INVENTORY_PATHS), anyValue, (path, value) => {
        check(load(stringify(setAt(BASE_INVENTORY, path, value)), stringify(BASE_PLAYBOOK)));
      }),
      { numRuns: 200 },
    );
  });

  test('arbitrary host and group names', () => {
    assertProperty(
      fc.property(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ minLength: 1, maxLength: 20 })), fc.boolean(), (name, asGroup) => {
        const inventory = structuredClone(BASE_INVENTORY) as { all: { children: Record<string, unknown>; hosts?: Record<string, unknown> } };
        if (asGroup) inventory.all.children[name] = { hosts: { sw1: null } };
        else inventory.all.hosts = { [name]: { ansible_port: 10010 } };
        check(load(stringify(inventory), stringify(BASE_PLAYBOOK)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('fuzzed YAML text', () => {
  const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 }), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(':', '- ', '{', '[', '"', "'", '&a', '*a', '!!int', '\t', '  ', '#', '---', '? ')));
  /** Lines dropped, duplicated, truncated, re-indented or spliced with YAML punctuation. */
  function mutate(text: string, edits: [number, number, string][]): string {
    const lines = text.split('\n');
    for (const [at, op, s] of edits) {
      const i = at % lines.length;
      const l = lines[i]!;
      if (op === 0) lines.splice(i, 1);
      else if (op === 1) lines.splice(i, 0, l);
      else if (op === 2) lines[i] = l.slice(0, at % (l.length + 1));
      else if (op === 3) lines[i] = ` ${l}`;
      else lines[i] = l.slice(0, at % (l.length + 1)) + s + l.slice(at % (l.length + 1));
      if (lines.length === 0) lines.push('');
    }
    return lines.join('\n');
  }

  /**
   * Counterexamples found with 10,000 runs per property (seeds 1872793456 and 573372695): `*a`
   * typed into a value makes it a YAML alias with no anchor, and yaml's toJS threw a bare
   * ReferenceError (a stack trace for the user). Replayed first on every run.
   */
  const PLAYBOOK_ALIAS: [number, number, string][] = [[1370715620, 4, '*a']];
  const INVENTORY_ALIAS: [number, number, string][] = [[20416873, 0, ':'], [303235762, 4, '*a'], [0, 0, '']];
  const UNRESOLVED_ALIAS = 'YAML syntax error: a value starting with "*" is an alias, and no anchor "&" for it comes before it (quote the value if it is text)';

  test('regression: a value turned into an alias without anchor is a located ConfigError (no secret echoed)', () => {
    const issuesOf = (outcome: Outcome): string[] => ('error' in outcome ? outcome.error.issues.map((i) => `${i.file.slice(dir.length)}:${i.line}:${i.column}: ${i.message}`) : []);
    const playbook = mutate(stringify(BASE_PLAYBOOK), PLAYBOOK_ALIAS);
    expect(playbook.split('\n')[20]).toBe('      domain: *aexample.com');
    expect(issuesOf(load(stringify(BASE_INVENTORY), playbook))).toEqual([`/playbook.yaml:21:15: ${UNRESOLVED_ALIAS}`]);
    const inventory = mutate(stringify(BASE_INVENTORY), INVENTORY_ALIAS);
    expect(inventory.split('\n')[3]).toBe('    ansible_password: *aFuzz-Passw0rd');
    expect(issuesOf(load(inventory, stringify(BASE_PLAYBOOK)))).toEqual([`/inventory.yaml:4:23: ${UNRESOLVED_ALIAS}`]);
  });

  test('mutated playbook text: loaded and CLI-safe, or a located ConfigError', () => {
    const inventory = stringify(BASE_INVENTORY);
    const playbook = stringify(BASE_PLAYBOOK);
    assertProperty(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => check(load(inventory, mutate(playbook, edits)))), { numRuns: 200, examples: [[PLAYBOOK_ALIAS]] });
  });

  test('mutated inventory text: loaded and CLI-safe, or a located ConfigError', () => {
    const inventory = stringify(BASE_INVENTORY);
    const playbook = stringify(BASE_PLAYBOOK);
    assertProperty(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => check(load(mutate(inventory, edits), playbook))), { numRuns: 200, examples: [[INVENTORY_ALIAS]] });
  });
});
