/**
 * Whether saved output holds anything of the command at all, for `slp parse`'s exit code: a
 * capture of `% Invalid input` (the command does not exist on that release), an empty file, or the
 * output of another command is "nothing found", not a successful parse of an empty result.
 */

/** IOS's failure indicators and the lines that go with them (caret, echo, prompt). */
const NOISE = [
  /^\s*$/,
  /^\s*\^\s*$/,
  /^\s*% ?(Invalid input|Incomplete command|Ambiguous command|Unknown command|Unrecognized command)/i,
  /^[A-Za-z0-9_.:/-]+(\([a-z0-9-]+\))?[#>]/,
];

/** True when a value holds no information: only null, empty strings, empty lists and objects (false is an answer: `Production Cert: False`). */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmptyValue);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmptyValue);
  return false;
}

/**
 * Nothing of the command was found: no line remains once the failure indicators, carets, prompts
 * and blank lines are removed, or the parser understood nothing (its value holds no information).
 */
export function nothingFound(text: string, value: unknown): boolean {
  const meaningful = text.split(/\r?\n/).some((line) => !NOISE.some((re) => re.test(line)));
  return !meaningful || isEmptyValue(value);
}
