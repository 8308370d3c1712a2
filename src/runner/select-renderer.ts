/**
 * Which listr2 renderer shows progress, decided in one pure function (as lint-staged's
 * getRenderer): the environment and TTY-ness are parameters, so tests pass plain objects.
 *
 * - `quiet` → silent;
 * - SLP_PROGRESS=test or NODE_ENV=test → listr2's test renderer (one JSON-ish line per event);
 * - stdout not a TTY, CI set, or TERM=dumb → verbose: one plain line per event, no cursor tricks;
 * - otherwise the animated default renderer.
 */
export type ProgressRenderer = 'default' | 'verbose' | 'test' | 'silent';

export interface RendererInput {
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  quiet?: boolean;
}

export function selectRenderer({ env, isTTY, quiet }: RendererInput): ProgressRenderer {
  if (quiet) return 'silent';
  if (env.SLP_PROGRESS === 'test' || env.NODE_ENV === 'test') return 'test';
  if (!isTTY || isSet(env.CI) || env.TERM === 'dumb') return 'verbose';
  return 'default';
}

/** Colour on the recap: a TTY, unless NO_COLOR (any value, per no-color.org) or TERM=dumb; FORCE_COLOR forces it. */
export function useColor({ env, isTTY }: RendererInput): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (isSet(env.FORCE_COLOR)) return true;
  return isTTY && env.TERM !== 'dumb';
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
