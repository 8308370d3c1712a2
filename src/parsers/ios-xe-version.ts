/** A numeric IOS XE release, for the version gate (`>= 17.9.1`). */
export interface IosXeVersion {
  /** As printed, e.g. `17.09.04a`, `17.9.4`, `17.18.01prd21`. */
  raw: string;
  /** Without zero padding: `17.9.4a`. */
  normalized: string;
  major: number;
  minor: number;
  /** null for engineering builds whose third field is a build date (`17.10.20220531:054228`). */
  rebuild: number | null;
  /** Letters after the rebuild (`a`, `prd21`), '' when none. */
  suffix: string;
}

const VERSION_RE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d+))?([A-Za-z][\w]*)?(?::\d+)?$/;

/**
 * Reads `17.09.04`, `17.9.4`, `17.9.4a`, `17.18.01prd21`, `17.10.20220531:054228` (experimental:
 * rebuild unknown). Returns null for build labels such as `S2C` or `BLD_POLARIS_…`.
 */
export function parseIosXeVersion(text: string): IosXeVersion | null {
  const raw = text.trim();
  const m = VERSION_RE.exec(raw);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  // A third field longer than 3 digits is a build date on engineering images, not a rebuild.
  const rebuild = m[3] !== undefined && m[3].length <= 3 ? Number(m[3]) : null;
  const suffix = m[4] ?? '';
  const normalized = `${major}.${minor}${rebuild !== null ? `.${rebuild}` : ''}${suffix}`;
  return { raw, normalized, major, minor, rebuild, suffix };
}

/** Compares two versions by major, minor, rebuild (unknown rebuild counts as 0), then suffix. */
export function compareIosXeVersions(a: IosXeVersion, b: IosXeVersion): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    (a.rebuild ?? 0) - (b.rebuild ?? 0) ||
    (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0)
  );
}
