/**
 * Folder dependencies point one way (issue 13): computed from the relative imports of every file
 * under src/ (import, import type, export … from, import(), require), so a new import that breaks
 * the layering fails here with the file that made it.
 *
 * Units are the folders under src/ and, each on its own, the files directly in src/ (errors.ts,
 * redact.ts, clock.ts…).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

interface Edge {
  /** Importing file, relative to src/. */
  file: string;
  /** Imported file, relative to src/. */
  target: string;
  from: string;
  to: string;
}

interface Rule {
  /** Why, as the failure shows it. */
  says: string;
  from: string;
  /** Units `from` may not import; or, with `only`, the units it may import (besides itself). */
  forbidden?: readonly string[];
  only?: readonly string[];
}

const STAGES = ['converge', 'verify', 'diagnose'] as const;

const RULES: readonly Rule[] = [
  { says: 'parsers are pure: they import only parsers', from: 'parsers', only: [] },
  {
    says: 'the simulator shares no code with the tool it stands in front of',
    from: 'simulator',
    forbidden: ['parsers', 'device', 'converge', 'verify', 'diagnose', 'runner', 'commands', 'report'],
  },
  ...STAGES.map((stage): Rule => ({ says: `${stage}/ knows no runner, command or report`, from: stage, forbidden: ['runner', 'commands', 'report'] })),
  { says: 'report/ reads results, it does not import the runner', from: 'report', forbidden: ['runner'] },
  { says: 'the template engine is a leaf', from: 'template', only: [] },
  { says: 'inventory/ sits below playbook/', from: 'inventory', forbidden: ['playbook'] },
];

/** `converge/plan.ts` → `converge`; `errors.ts` → `errors.ts`. */
const unitOf = (file: string): string => file.split('/')[0]!;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

const insideSrc = (full: string): boolean => full.startsWith(`${SRC}${path.sep}`);
const isFile = (full: string): boolean => statSync(full, { throwIfNoEntry: false })?.isFile() ?? false;

/** The .ts file under src/ a relative specifier names (x → x.ts or x/index.ts), or null. */
function resolve(fromFile: string, spec: string): string | null {
  const base = path.resolve(path.dirname(fromFile), spec);
  if (!insideSrc(base)) return null;
  return [base, `${base}.ts`, path.join(base, 'index.ts')].find((c) => c.endsWith('.ts') && isFile(c)) ?? null;
}

function readGraph(): { files: string[]; edges: Edge[]; unresolved: string[] } {
  const files = sourceFiles(SRC);
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const full of files) {
    const file = path.relative(SRC, full).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(readFileSync(full, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      if (!spec.startsWith('.')) continue;
      const resolved = resolve(full, spec);
      if (resolved === null) {
        // Outside src/ (schemas/*.json, package.json) is not ours to layer; inside, it must resolve.
        if (insideSrc(path.resolve(path.dirname(full), spec)) && !spec.endsWith('.json')) unresolved.push(`${file}: ${spec}`);
        continue;
      }
      const target = path.relative(SRC, resolved).split(path.sep).join('/');
      edges.push({ file, target, from: unitOf(file), to: unitOf(target) });
    }
  }
  return { files, edges, unresolved };
}

/** Every edge that breaks a rule, as `file → target: why`. */
function violations(edges: readonly Edge[], rules: readonly Rule[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (e.from === e.to) continue;
    for (const r of rules) {
      if (r.from !== e.from) continue;
      const bad = r.only ? !r.only.includes(e.to) : (r.forbidden ?? []).includes(e.to);
      if (bad) out.push(`src/${e.file} imports src/${e.target}: ${r.says}`);
    }
  }
  return out;
}

/** Each folder cycle (strongly connected set of units), every hop named by one importing file. */
function folderCycles(edges: readonly Edge[]): string[] {
  const next = new Map<string, Map<string, Edge>>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    if (!next.has(e.from)) next.set(e.from, new Map());
    if (!next.get(e.from)!.has(e.to)) next.get(e.from)!.set(e.to, e);
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((units) => {
    const inside = new Set(units);
    const hops = units.flatMap((u) => [...(next.get(u) ?? new Map<string, Edge>()).values()].filter((e) => inside.has(e.to)));
    return `cycle between ${units.join(', ')}: ${hops.map((e) => `${e.from} → ${e.to} (src/${e.file} imports src/${e.target})`).join('; ')}`;
  });
}

describe('import graph of src/', () => {
  const graph = readGraph();

  test('is read from the sources: every file, every relative import resolved', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.unresolved).toEqual([]);
    // Known edges, so an import reader that saw nothing would fail here rather than pass below.
    const units = new Set(graph.edges.map((e) => `${e.from} → ${e.to}`));
    expect([...units]).toEqual(expect.arrayContaining(['cli.ts → commands', 'commands → runner', 'playbook → inventory', 'inventory → template']));
  });

  test('every layering rule holds', () => {
    expect(violations(graph.edges, RULES)).toEqual([]);
  });

  test('has no folder cycle', () => {
    expect(folderCycles(graph.edges)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const edge = (file: string, target: string): Edge => ({ file, target, from: unitOf(file), to: unitOf(target) });

  test('an import that breaks a rule is named with its file and the rule', () => {
    const edges = [
      edge('parsers/show-version.ts', 'parsers/lines.ts'),
      edge('parsers/show-version.ts', 'errors.ts'),
      edge('simulator/sim-device.ts', 'device/channel.ts'),
      edge('simulator/fleet.ts', 'errors.ts'),
      edge('verify/assertions.ts', 'runner/pool.ts'),
      edge('report/json.ts', 'runner/execute-run.ts'),
      edge('template/render.ts', 'schema/ajv.ts'),
      edge('inventory/load.ts', 'playbook/load.ts'),
      edge('playbook/load.ts', 'inventory/load.ts'),
    ];
    expect(violations(edges, RULES)).toEqual([
      'src/parsers/show-version.ts imports src/errors.ts: parsers are pure: they import only parsers',
      'src/simulator/sim-device.ts imports src/device/channel.ts: the simulator shares no code with the tool it stands in front of',
      'src/verify/assertions.ts imports src/runner/pool.ts: verify/ knows no runner, command or report',
      'src/report/json.ts imports src/runner/execute-run.ts: report/ reads results, it does not import the runner',
      'src/template/render.ts imports src/schema/ajv.ts: the template engine is a leaf',
      'src/inventory/load.ts imports src/playbook/load.ts: inventory/ sits below playbook/',
    ]);
  });

  test('a folder cycle is reported with one importing file per hop', () => {
    const edges = [edge('a/x.ts', 'b/y.ts'), edge('b/y.ts', 'c/z.ts'), edge('c/z.ts', 'a/w.ts'), edge('c/z.ts', 'd/v.ts')];
    expect(folderCycles(edges)).toEqual([
      'cycle between a, b, c: a → b (src/a/x.ts imports src/b/y.ts); b → c (src/b/y.ts imports src/c/z.ts); c → a (src/c/z.ts imports src/a/w.ts)',
    ]);
    expect(folderCycles(edges.slice(0, 2))).toEqual([]);
  });
});
