/** Reads a playbook and checks its structure; template values are checked per host later. */
import { ConfigError, type ConfigIssue } from '../errors';
import { checkDocument, type Templated } from '../schema/check-document';
import type { DocPath } from '../schema/yaml-source';
import type { Playbook } from '../schema/types.generated';
import { validatePlaybook } from '../schema/validators';
import { readYamlFile, type YamlSource } from '../schema/yaml-source';

/** A playbook read and structurally checked; its templates are still unrendered. */
export interface RawPlaybook {
  source: YamlSource;
  plays: Templated<Playbook>;
}

/** Play keywords the runner reads before any host is known: no templates there (the schema then
 * rejects a `{{ }}` string as it would any other wrong value). */
const FIXED_KEYS = ['hosts', 'serial', 'max_fail_percentage', 'revert_timer', 'save'] as const;

/** How a path inside a playbook is named in messages: `slp.proxy.port`, `play 2`. */
export function playbookLabel(path: DocPath): string {
  if (path.length === 0) return 'the playbook';
  if (path.length === 1) return `play ${Number(path[0]) + 1}`;
  return path.slice(1).join('.');
}

/** `source` is set whenever the file was read and parsed, even if its structure is wrong. */
export function collectPlaybook(file: string): { playbook?: RawPlaybook; source?: YamlSource; issues: ConfigIssue[] } {
  let source: YamlSource;
  try {
    source = readYamlFile(file, 'playbook');
  } catch (error) {
    if (error instanceof ConfigError) return { issues: error.issues };
    throw error;
  }
  const checked = checkDocument(validatePlaybook, source, { label: playbookLabel }, (path) => path.length >= 2 && !(FIXED_KEYS as readonly string[]).includes(path[1]!));
  if (checked.value === undefined) return { source, issues: checked.issues };
  return { playbook: { source, plays: checked.value }, source, issues: [] };
}
