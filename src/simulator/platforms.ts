/**
 * What differs between Catalyst 9000 models, as data. Port counts and licence descriptions follow
 * the real captures (`show license summary` prints `C9300-48 Network Advantage`; a C9200L boots
 * `CAT9K_LITE_IOSXE` and runs the essentials tiers). Unknown PIDs get a generic C9300-like row.
 */
export interface Platform {
  pid: string;
  image: 'CAT9K_IOSXE' | 'CAT9K_LITE_IOSXE';
  /** Front-panel port type and count per member, e.g. FiveGigabitEthernet × 48. */
  ports: { type: string; count: number };
  /** Licence prefix used in descriptions (`C9300-48`). */
  licencePrefix: string;
  tier: 'advantage' | 'essentials';
  memoryK: string;
  softwareIdFamily: string;
}

const ROWS: Platform[] = [
  { pid: 'C9300-48UN', image: 'CAT9K_IOSXE', ports: { type: 'FiveGigabitEthernet', count: 48 }, licencePrefix: 'C9300-48', tier: 'advantage', memoryK: '1333273K/6147K', softwareIdFamily: 'C9300' },
  { pid: 'C9300-48P', image: 'CAT9K_IOSXE', ports: { type: 'GigabitEthernet', count: 48 }, licencePrefix: 'C9300-48', tier: 'advantage', memoryK: '1333273K/6147K', softwareIdFamily: 'C9300' },
  { pid: 'C9300-24P', image: 'CAT9K_IOSXE', ports: { type: 'GigabitEthernet', count: 24 }, licencePrefix: 'C9300-24', tier: 'advantage', memoryK: '1333273K/6147K', softwareIdFamily: 'C9300' },
  { pid: 'C9500-24Y4C', image: 'CAT9K_IOSXE', ports: { type: 'TwentyFiveGigE', count: 24 }, licencePrefix: 'C9500 24Y4C', tier: 'advantage', memoryK: '1868361K/6147K', softwareIdFamily: 'C9500' },
  // Modular chassis with two supervisors: one chassis UDI for both (real capture show-license-tech-support/12;
  // licence descriptions `C9400 Network Advantage` as printed there).
  { pid: 'C9407R', image: 'CAT9K_IOSXE', ports: { type: 'GigabitEthernet', count: 48 }, licencePrefix: 'C9400', tier: 'advantage', memoryK: '3785613K/6147K', softwareIdFamily: 'C9400' },
  { pid: 'C9606R', image: 'CAT9K_IOSXE', ports: { type: 'HundredGigE', count: 48 }, licencePrefix: 'C9600', tier: 'advantage', memoryK: '3785613K/6147K', softwareIdFamily: 'C9600' },
  { pid: 'C9200L-24T-4G', image: 'CAT9K_LITE_IOSXE', ports: { type: 'GigabitEthernet', count: 28 }, licencePrefix: 'C9200L', tier: 'essentials', memoryK: '824254K/6147K', softwareIdFamily: 'C9200' },
];

export function platformFor(pid: string): Platform {
  const row = ROWS.find((r) => r.pid === pid);
  if (row) return row;
  const m = /^(C9\d{3}[A-Z]*)-(\d+)/.exec(pid);
  const count = m ? Number(m[2]) : 48;
  return {
    pid,
    image: pid.startsWith('C9200') ? 'CAT9K_LITE_IOSXE' : 'CAT9K_IOSXE',
    ports: { type: 'GigabitEthernet', count: count > 0 && count <= 96 ? count : 48 },
    licencePrefix: m ? `${m[1]}-${m[2]}` : pid,
    tier: pid.startsWith('C9200') ? 'essentials' : 'advantage',
    memoryK: '1333273K/6147K',
    softwareIdFamily: m ? m[1].replace(/[A-Z]+$/, '') : 'C9300',
  };
}

export function licenceNames(p: Platform): { network: string; dna: string } {
  return p.tier === 'essentials'
    ? { network: 'network-essentials', dna: 'dna-essentials' }
    : { network: 'network-advantage', dna: 'dna-advantage' };
}

/** `Network Advantage` / `DNA Essentials` as the licence descriptions spell them. */
export function licenceDescriptions(p: Platform): { network: string; dna: string } {
  const t = p.tier === 'essentials' ? 'Essentials' : 'Advantage';
  return { network: `${p.licencePrefix} Network ${t}`, dna: `${p.licencePrefix} DNA ${t}` };
}

/** IOS XE release train printed in `show version` line 2 (reference §3.9). */
export function trainName(version: string): string {
  const [, minor] = version.split('.').map(Number);
  if (minor <= 3) return 'Amsterdam';
  if (minor <= 6) return 'Bengaluru';
  if (minor <= 9) return 'Cupertino';
  if (minor <= 13) return 'Dublin';
  return 'IOSXE';
}
