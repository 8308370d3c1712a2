/**
 * The settings the tool owns, as data: for each canonical line, which setting ("slot") it fills
 * and the line that takes it back to the device default. Single-valued settings are replaced by
 * typing the new value; name servers are one slot per server (the key includes the address).
 *
 * The `no` forms follow slp-smart-transport.md §1.2 and Cisco's genielibs (proxy removal sends the
 * value too). Removing a custom Smart URL is done with the positive `license smart url default`.
 */
export interface OwnedSetting {
  match: RegExp;
  /** Slot key from the match; two lines with the same key set the same thing. */
  key: (m: RegExpExecArray) => string;
  /** The line that removes this one (back to default). */
  remove: (m: RegExpExecArray) => string;
}

export const OWNED_SETTINGS: readonly OwnedSetting[] = [
  {
    match: /^license smart transport (\S+)$/,
    key: () => 'license smart transport',
    remove: () => 'no license smart transport',
  },
  {
    match: /^license smart url cslu (\S+)$/,
    key: () => 'license smart url cslu',
    remove: () => 'no license smart url cslu',
  },
  {
    match: /^license smart url (?:default|smart \S+)$/,
    key: () => 'license smart url',
    remove: () => 'license smart url default',
  },
  {
    match: /^license smart proxy address (\S+)$/,
    key: () => 'license smart proxy address',
    remove: (m) => `no license smart proxy address ${m[1]}`,
  },
  {
    match: /^license smart proxy port (\d+)$/,
    key: () => 'license smart proxy port',
    remove: (m) => `no license smart proxy port ${m[1]}`,
  },
  {
    match: /^license smart vrf (\S+)$/,
    key: () => 'license smart vrf',
    remove: (m) => `no license smart vrf ${m[1]}`,
  },
  {
    match: /^license smart usage interval (\d+)$/,
    key: () => 'license smart usage interval',
    remove: () => 'no license smart usage interval',
  },
  {
    match: /^ip http client source-interface (\S+)$/,
    key: () => 'ip http client source-interface',
    remove: () => 'no ip http client source-interface',
  },
  {
    match: /^(no )?ip domain lookup$/,
    key: () => 'ip domain lookup',
    remove: () => 'ip domain lookup',
  },
  {
    match: /^ip domain lookup ((?:vrf \S+ )?)source-interface (\S+)$/,
    key: (m) => `ip domain lookup ${m[1]}source-interface`,
    remove: (m) => `no ip domain lookup ${m[1]}source-interface ${m[2]}`,
  },
  {
    match: /^ip domain name ((?:vrf \S+ )?)(\S+)$/,
    key: (m) => `ip domain name ${m[1]}`.trim(),
    remove: (m) => `no ip domain name ${m[1]}${m[2]}`,
  },
  {
    match: /^ip name-server ((?:vrf \S+ )?)(\S+)$/,
    key: (m) => `ip name-server ${m[1]}${m[2]}`,
    remove: (m) => `no ip name-server ${m[1]}${m[2]}`,
  },
];

function find(canonical: string): { setting: OwnedSetting; m: RegExpExecArray } {
  for (const setting of OWNED_SETTINGS) {
    const m = setting.match.exec(canonical);
    if (m) return { setting, m };
  }
  throw new Error(`not an owned SLP line: ${canonical}`);
}

/** The slot a canonical line fills. Throws for a line the tool does not own (a bug). */
export function settingKey(canonical: string): string {
  const { setting, m } = find(canonical);
  return setting.key(m);
}

/** The line that takes a canonical line's setting back to the default. */
export function removalLine(canonical: string): string {
  const { setting, m } = find(canonical);
  return setting.remove(m);
}

/** Removals that carry no value (the positive forms take one). */
const BARE_REMOVALS = /^no (?:license smart transport|license smart url cslu|license smart usage interval|ip http client source-interface)$/;

/**
 * Whether a line may be pushed as part of a plan: an owned setting or the removal of one, in
 * printable ASCII, single spaces, no `?` or `|` (IOS help / output filters). A plan file is text a
 * person can edit, so `slp apply` pushes nothing outside what the tool owns.
 */
export function isOwnedCommand(line: string): boolean {
  if (!/^[!-~]+(?: [!-~]+)*$/.test(line) || /[?|]/.test(line)) return false;
  if (BARE_REMOVALS.test(line)) return true;
  const positive = line.startsWith('no ') ? line.slice(3) : line;
  return OWNED_SETTINGS.some((s) => s.match.test(positive));
}
