/**
 * IOS accepts any unambiguous prefix of an interface type (`gi0/0`, `vlan10`, `Fi1/0/48`) and
 * stores the canonical name. The table order breaks ties the way IOS does (`g` → Gigabit).
 */
const TYPES = [
  'GigabitEthernet',
  'FiveGigabitEthernet',
  'TenGigabitEthernet',
  'TwentyFiveGigE',
  'FortyGigabitEthernet',
  'HundredGigE',
  'AppGigabitEthernet',
  'Vlan',
  'Loopback',
  'Port-channel',
];

/** Short forms IOS prints in tables (`show mac address-table`, `show ip arp`, `show ip cef`). */
const SHORT: Record<string, string> = {
  GigabitEthernet: 'Gi',
  FiveGigabitEthernet: 'Fi',
  TenGigabitEthernet: 'Te',
  TwentyFiveGigE: 'Twe',
  FortyGigabitEthernet: 'Fo',
  HundredGigE: 'Hu',
  AppGigabitEthernet: 'Ap',
  Vlan: 'Vlan',
  Loopback: 'Lo',
  'Port-channel': 'Po',
};

/** Canonical interface name, or undefined when the text is not an interface. */
export function canonicalInterface(text: string): string | undefined {
  const m = /^([A-Za-z-]+)\s*(\d+(?:\/\d+)*(?:\.\d+)?)$/.exec(text);
  if (!m) return undefined;
  const typed = m[1].toLowerCase();
  const exact = TYPES.find((t) => t.toLowerCase() === typed);
  if (exact) return exact + m[2];
  // `Fi` and `Fo`, `T`/`Te`/`Tw`: IOS needs enough letters to be unambiguous, except `g`.
  const special: Record<string, string> = { g: 'GigabitEthernet', gi: 'GigabitEthernet', te: 'TenGigabitEthernet', twe: 'TwentyFiveGigE', tw: 'TwentyFiveGigE', fi: 'FiveGigabitEthernet', fo: 'FortyGigabitEthernet', hu: 'HundredGigE', lo: 'Loopback', po: 'Port-channel', vl: 'Vlan' };
  if (special[typed]) return special[typed] + m[2];
  const hits = TYPES.filter((t) => t.toLowerCase().startsWith(typed));
  return hits.length === 1 ? hits[0] + m[2] : undefined;
}

export function shortInterface(name: string): string {
  const m = /^([A-Za-z-]+)(.*)$/.exec(name);
  if (!m) return name;
  return (SHORT[m[1]] ?? m[1]) + m[2];
}
