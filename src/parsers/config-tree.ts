import { indentOf } from './preprocess';

/** One line of a running-config with the lines indented under it. */
export interface ConfigLine {
  /** The line without its indentation. */
  text: string;
  /** Leading spaces as printed (0 for global commands). */
  indent: number;
  /** 1-based line number in the cleaned output (after prompt/echo removal). */
  lineNumber: number;
  children: ConfigLine[];
}

// Lines that are not configuration: the show-run header and `!` separators/comments.
const NOISE_RE = /^(?:!.*|Building configuration\.\.\.|Current configuration\s*:.*|end)$/;
// `banner motd ^C` … `^C`: free text whose indentation means nothing.
const BANNER_RE = /^banner\s+\S+\s+(\^C|\S)/;

/**
 * Builds the parent/child tree from indentation, the way IOS nests config modes. A line indented
 * deeper than any open parent (what `| include` leaves behind) is kept at the root with its indent,
 * so filtered output still yields every line.
 */
export function buildConfigTree(lines: readonly string[]): ConfigLine[] {
  const root: ConfigLine[] = [];
  const stack: ConfigLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i];
    const text = rawLine.trim();
    if (text === '' || NOISE_RE.test(text)) continue;
    const node: ConfigLine = { text, indent: indentOf(rawLine), lineNumber: i + 1, children: [] };
    const banner = node.indent === 0 ? BANNER_RE.exec(text) : null;
    if (banner) {
      // The banner body becomes children verbatim, up to the closing delimiter.
      const delim = banner[1];
      const rest = text.slice(banner[0].length);
      if (!rest.includes(delim)) {
        while (++i < lines.length) {
          node.children.push({ text: lines[i], indent: 0, lineNumber: i + 1, children: [] });
          if (lines[i].includes(delim)) break;
        }
      }
      root.push(node);
      stack.length = 0;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1].indent >= node.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root.push(node);
    stack.push(node);
  }
  return root;
}
