import { hasTemplate } from '../template/template';
import { splitPointer } from './schema-issues';

/**
 * The path of the template string at `pointer` or on the way to it, if any. Raw (unrendered)
 * documents are schema-checked with errors at allowed templates dropped: the rendered value is
 * checked per host instead, where its real value is known.
 */
export function templateAbove(data: unknown, pointer: string): string[] | undefined {
  let node = data;
  const segments = splitPointer(pointer);
  for (let i = 0; i <= segments.length; i++) {
    if (hasTemplate(node)) return segments.slice(0, i);
    if (i === segments.length || node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segments[i]!];
  }
  return undefined;
}
