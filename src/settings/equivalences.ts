/**
 * The one table of equivalent renderings. IOS XE hides defaults and may print a line differently
 * from how it was typed; comparing typed lines with shown lines verbatim is exactly what makes
 * Ansible's `ios_config` (match=line) report a change on every run (realclients README, Q1/R1).
 * Every line the planner compares, desired or observed, goes through canonicalLines() first.
 *
 * Decisions (slp-smart-transport.md §1.2 marks most renderings as not confirmed, so each choice
 * below is the one that is safe whichever way a real 17.9 switch renders):
 * - `license smart url default`, `license smart url smart <default URL>`, `license smart url
 *   <default URL>` (legacy form) and no url line at all are the same setting: the default Smart URL.
 *   `show license status` (URL:) is what confirms it (plan.ts).
 * - `license smart transport cslu` is the SLP default and hidden, so it equals no transport line.
 * - `ip domain lookup` is the IOS default and never shown; only `no ip domain lookup` is.
 * - `ip domain-name X` is the old spelling of `ip domain name X`.
 * - `ip name-server A B` equals `ip name-server A` + `ip name-server B` (order kept).
 * - Interface names are stored canonically: `vlan10`, `Vlan 10` → `Vlan10`; `gi0/0` →
 *   `GigabitEthernet0/0`.
 */

export const DEFAULT_SMART_URL = 'https://smartreceiver.cisco.com/licservice/license';

/** Canonical lines that equal "nothing shown": the device's defaults. */
export const HIDDEN_DEFAULTS: ReadonlySet<string> = new Set([
  'license smart url default',
  'license smart transport cslu',
  'ip domain lookup',
]);

/**
 * Interface types in the order IOS resolves abbreviations: the first whose full name starts with
 * the typed prefix (case-insensitive, at least `min` letters) wins, e.g. `tw` → TwoGigabitEthernet
 * but `twe` → TwentyFiveGigE.
 */
export const INTERFACE_TYPES: readonly { name: string; min: number }[] = [
  { name: 'Vlan', min: 1 },
  { name: 'GigabitEthernet', min: 1 },
  { name: 'TenGigabitEthernet', min: 2 },
  { name: 'TwentyFiveGigE', min: 3 },
  { name: 'TwoGigabitEthernet', min: 2 },
  { name: 'FortyGigabitEthernet', min: 2 },
  { name: 'FiveGigabitEthernet', min: 2 },
  { name: 'FastEthernet', min: 2 },
  { name: 'HundredGigE', min: 1 },
  { name: 'AppGigabitEthernet', min: 2 },
  { name: 'Loopback', min: 1 },
  { name: 'Port-channel', min: 2 },
  { name: 'Tunnel', min: 2 },
];

/** `vlan10` / `Vlan 10` / `gi0/0` → `Vlan10` / `GigabitEthernet0/0`; unknown types unchanged. */
export function canonicalInterface(name: string): string {
  const m = /^([A-Za-z][A-Za-z-]*)\s*(\d[\d/.:]*)$/.exec(name.trim());
  if (!m) return name.trim();
  const typed = m[1]!.toLowerCase();
  const type = INTERFACE_TYPES.find(
    (t) => typed.length >= t.min && t.name.toLowerCase().startsWith(typed),
  );
  return `${type ? type.name : m[1]}${m[2]}`;
}

interface Rewrite {
  /** What the rule is about, for documentation and test names. */
  name: string;
  match: RegExp;
  /** Canonical line(s) for a matching line. */
  rewrite: (m: RegExpExecArray) => string[];
}

/** Applied in order; each rule sees the output of the ones before it. */
export const EQUIVALENCES: readonly Rewrite[] = [
  {
    name: 'ip domain-name is the old spelling of ip domain name',
    match: /^ip domain-name (.+)$/,
    rewrite: (m) => [`ip domain name ${m[1]}`],
  },
  {
    name: 'the default Smart URL, typed in full or in the legacy form, is url default',
    match: new RegExp(`^license smart url (?:smart )?${escape(DEFAULT_SMART_URL)}/?$`),
    rewrite: () => ['license smart url default'],
  },
  {
    name: 'license smart url <url> (legacy, no keyword) is url smart <url>',
    match: /^license smart url (https?:\/\/\S+)$/,
    rewrite: (m) => [`license smart url smart ${m[1]}`],
  },
  {
    name: 'several name servers on one line are one line each, order kept',
    match: /^ip name-server ((?:vrf \S+ )?)(?!vrf )(\S+(?: \S+)+)$/,
    rewrite: (m) => m[2]!.split(' ').map((s) => `ip name-server ${m[1]}${s}`),
  },
  {
    name: 'interface names are stored canonically',
    match: /^(.*\bsource-interface )(.+)$/,
    rewrite: (m) => [`${m[1]}${canonicalInterface(m[2]!)}`],
  },
];

/** A line in canonical form; one typed line may stand for several (name servers). */
export function canonicalLines(line: string): string[] {
  let lines = [line.trim().replace(/\s+/g, ' ')];
  for (const rule of EQUIVALENCES) {
    lines = lines.flatMap((l) => {
      const m = rule.match.exec(l);
      return m ? rule.rewrite(m) : [l];
    });
  }
  return lines;
}

/** The canonical form of a line that stands for exactly one setting. */
export function canonicalLine(line: string): string {
  return canonicalLines(line)[0] ?? '';
}

export function isHiddenDefault(canonical: string): boolean {
  return HIDDEN_DEFAULTS.has(canonical);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
