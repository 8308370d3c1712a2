/**
 * Ordered lists (name servers: IOS asks them in order and appends new ones at the end).
 * To turn `have` into `want`: keep the longest head of `want` the device already holds in that
 * order, remove everything else, and append the rest of `want` in order.
 */
export function listChanges(
  want: readonly string[],
  have: readonly string[],
): { remove: string[]; add: string[] } {
  let p = 0;
  for (let i = 0; i < have.length && p < want.length; i++) if (have[i] === want[p]) p++;
  const head = want.slice(0, p);
  return { remove: have.filter((s) => !head.includes(s)), add: want.slice(p) };
}
