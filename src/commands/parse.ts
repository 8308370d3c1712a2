import { readFileSync } from 'node:fs';
import type { RegisterCommand } from './index';
import { PARSERS, resolveParser } from '../parsers';
import { nothingFound } from '../parsers/found';
import { Redactor } from '../redact';

/** Reads a whole stream (stdin for `-`). */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Every string under a key named like a token, anywhere in a parsed (decoded) value. */
export function tokenValues(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) tokenValues(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/^(id_?token|token)$/i.test(k) && typeof v === 'string') out.push(v);
      else tokenValues(v, out);
    }
  }
  return out;
}

/**
 * `slp parse COMMAND [FILE|-]`: prints the parsed object as JSON on stdout; warnings go to stderr.
 * The output is redacted: `show license history message` carries trust tokens in clear text.
 * Exit 0 parsed, 2 nothing of that command found (or an unknown command / unreadable file).
 */
export const registerParse: RegisterCommand = (program, setExit) => {
  program
    .command('parse')
    .description('parse saved device output of COMMAND (abbreviations accepted, e.g. "sh lic stat") and print it as JSON')
    .argument('<command>', `one of: ${Object.keys(PARSERS).join(', ')}`)
    .argument('[file]', 'file holding the output; "-" or absent reads standard input')
    .option('--compact', 'print JSON on one line')
    .action(async (command: string, file: string | undefined, opts: { compact?: boolean }) => {
      const resolved = resolveParser(command);
      if (!resolved) {
        process.stderr.write(`slp parse: unknown or ambiguous command "${command}"; known: ${Object.keys(PARSERS).join(', ')}\n`);
        setExit(2);
        return;
      }
      let text: string;
      try {
        text = !file || file === '-' ? await readAll(process.stdin) : readFileSync(file, 'utf8');
      } catch (error) {
        process.stderr.write(`slp parse: cannot read ${file}: ${(error as Error).message}\n`);
        setExit(2);
        return;
      }
      const parsed = resolved.parser(text);
      // A trust request nests its token two JSON strings deep (`\\\"token\\\":\\\"…`), where the
      // redactor's patterns do not reach; the parser has decoded it, so hide it as a known value.
      const redactor = new Redactor(tokenValues(parsed.value));
      const result = redactor.redactValue(parsed);
      for (const w of result.warnings) process.stderr.write(`warning: ${redactor.redact(w)}\n`);
      // Redact the serialised text: decoded JSON leaves a token as a plain `"token": "…"` pair,
      // which the key-based pattern only catches in text form.
      const json = JSON.stringify({ command: resolved.name, ...result }, null, opts.compact ? 0 : 2);
      process.stdout.write(`${redactor.redact(json)}\n`);
      if (nothingFound(text, parsed.value)) {
        process.stderr.write(`slp parse: nothing of "${resolved.name}" found in ${!file || file === '-' ? 'standard input' : file}\n`);
        setExit(2);
        return;
      }
      setExit(0);
    });
};
