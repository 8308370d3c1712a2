import { createTwoFilesPatch } from 'diff';
import type { Redactor } from '../redact';

/** `--diff`: unified diff of the owned running-config lines, secrets redacted. '' when equal. */
export function ownedConfigDiff(host: string, before: readonly string[], after: readonly string[], redactor: Redactor): string {
  const a = before.join('\n');
  const b = after.join('\n');
  if (a === b) return '';
  const text = (lines: string): string => (lines ? `${lines}\n` : '');
  return redactor.redact(
    createTwoFilesPatch(`${host} (before)`, `${host} (after)`, text(a), text(b), undefined, undefined, { context: 3 }),
  );
}
