/**
 * Names that mix Latin letters with Cyrillic or Greek look-alikes (`ansiblе_host` with a Cyrillic
 * `е`): Unicode's mixed-script signal for spoofing (UTS #39). Such a variable would otherwise be
 * taken as a free template variable, silently, while the real `ansible_host` stays unset.
 */

/** Cyrillic and Greek letters drawn like a Latin one (UTS #39 confusables, lowercase subset). */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', һ: 'h', і: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm', н: 'h', о: 'o', р: 'p',
  ԛ: 'q', ѕ: 's', т: 't', и: 'u', ѵ: 'v', ԝ: 'w', х: 'x', у: 'y', ү: 'y',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
};

/** The name with each look-alike letter replaced by the Latin letter it imitates. */
export function skeleton(name: string): string {
  return [...name].map((c) => CONFUSABLES[c] ?? CONFUSABLES[c.toLowerCase()] ?? c).join('');
}

/** The non-ASCII letters of `name`, as `"е" (U+0435) at 7`, for a message. */
export function describeNonAscii(name: string): string {
  return [...name]
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.charCodeAt(0) > 0x7f)
    .map(({ c, i }) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) at ${i + 1}`)
    .join(', ');
}

/** The known name `name` imitates, when its skeleton is one; undefined otherwise. */
export function resembles(name: string, known: Iterable<string>): string | undefined {
  const s = skeleton(name);
  for (const k of known) if (k === s) return k;
  return undefined;
}
