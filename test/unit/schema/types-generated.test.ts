import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');

describe('types generated from the schemas', () => {
  test('src/schema/types.generated.ts is up to date (run `npm run gen:types` if not)', () => {
    // The generator runs as a plain node process: prettier (used by json-schema-to-typescript)
    // loads through a dynamic import that jest's CommonJS runtime refuses. Compiled into a
    // directory two levels below the root, like dist/gen, so its relative paths hold.
    const out = mkdtempSync(join(ROOT, 'dist-gen-test-'));
    try {
      const tsc = require.resolve('typescript/bin/tsc');
      execFileSync(process.execPath, [
        tsc, join(ROOT, 'src/schema/generate-types.ts'), '--outDir', join(out, 'gen'), '--module', 'commonjs',
        '--target', 'es2022', '--moduleResolution', 'node10', '--esModuleInterop', '--skipLibCheck', '--types', 'node',
      ]);
      const generated = execFileSync(process.execPath, [join(out, 'gen', 'generate-types.js'), '--stdout'], { encoding: 'utf8' });
      expect(generated).toBe(readFileSync(join(ROOT, 'src/schema/types.generated.ts'), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('the Playbook / Play / SlpState shapes are pinned', () => {
    const pin = join(__dirname, 'types-pin.ts');
    const program = ts.createProgram([pin], { strict: true, noEmit: true, skipLibCheck: true, types: [] });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  });
});
