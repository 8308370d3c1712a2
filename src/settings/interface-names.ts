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
