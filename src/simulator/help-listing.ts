/**
 * Renders a CommandTree `?` result the way IOS prints it: rows of keyword and description in two
 * columns, `|` (EXEC only) and `<cr>` last; matching words on one line after a partial word.
 */
import type { HelpItem, HelpResult } from './command-tree';
import { KEYWORD_HELP, paramHelp } from './help-texts';

/** `caretOffset`: columns before the typed text (the prompt), for the caret under an invalid word. */
export function renderHelp(result: HelpResult, opts: { pipe: boolean; caretOffset: number; text: string }): string {
  switch (result.kind) {
    case 'unrecognized':
      return '% Unrecognized command\n';
    case 'ambiguous':
      return `% Ambiguous command:  "${opts.text}"\n`;
    case 'invalid':
      return `${' '.repeat(opts.caretOffset + result.column)}^\n% Invalid input detected at '^' marker.\n\n`;
    case 'partial':
      return `${result.words.map((w) => `${w}  `).join('')}\n\n`;
  }
  const rows = result.items.map(row);
  if (result.cr && opts.pipe) rows.push(['|', 'Output modifiers']);
  if (result.cr) rows.push(['<cr>', '<cr>']);
  if (rows.length === 0) return '% Unrecognized command\n';
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return `${rows.map(([label, text]) => `  ${label.padEnd(width)}${text}`.trimEnd()).join('\n')}\n\n`;
}

function row(item: HelpItem): [string, string] {
  if (item.kind === 'param') return paramHelp(item.name, item.spec);
  if (item.kind === 'rest') return ['LINE', item.name === 'cmd' ? 'Exec Command' : 'Text'];
  const word = item.word;
  return [word, KEYWORD_HELP[item.path] ?? KEYWORD_HELP[word] ?? `${word[0].toUpperCase()}${word.slice(1)} options`];
}

const FILTER_HELP: Array<[string, string]> = [
  ['begin', 'Begin with the line that matches'],
  ['count', 'Count number of lines which match regexp'],
  ['exclude', 'Exclude lines that match'],
  ['include', 'Include lines that match'],
  ['section', 'Filter a section of output'],
];

/** `?` after ` | `: the output modifiers the simulator implements (output-filters.ts), or the regex slot. */
export function renderPipeHelp(after: string): string {
  const words = after.trim().split(/\s+/).filter(Boolean);
  const partial = after.length > 0 && !/\s$/.test(after);
  if (words.length === 0) return `${FILTER_HELP.map(([w, t]) => `  ${w.padEnd(9)}${t}`).join('\n')}\n\n`;
  if (words.length === 1 && partial) {
    const hits = FILTER_HELP.map(([w]) => w).filter((w) => w.startsWith(words[0].toLowerCase()));
    return hits.length ? `${hits.map((w) => `${w}  `).join('')}\n\n` : '% Unrecognized command\n';
  }
  return '  LINE  Regular Expression\n\n';
}
