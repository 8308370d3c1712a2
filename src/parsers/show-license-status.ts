import { parseLicenseStatusLines, type ShowLicenseStatus } from './license-status-block';
import { preprocess } from './preprocess';
import type { ParseResult } from './types';

export type { ShowLicenseStatus } from './license-status-block';

/**
 * Parses `show license status` (17.3 → 17.18 layouts, standalone and stack, also `| include` /
 * `| section` excerpts: fields not shown stay null).
 */
export function parseShowLicenseStatus(text: string): ParseResult<ShowLicenseStatus> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const value = parseLicenseStatusLines(pre.lines, warnings);
  if (value.sections.length === 0 && pre.lines.length > 0) warnings.push('no show license status section found');
  return { value, warnings, syslog: pre.syslog };
}
