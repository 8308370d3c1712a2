import { ConfigError, formatIssue } from '../../src/errors';

/** The located issues `fn` throws as a ConfigError, formatted as the CLI prints them. */
export function configIssues(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error('expected a ConfigError');
}
