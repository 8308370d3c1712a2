/**
 * The configuration a simulated switch holds, as typed data. Running-config text is rendered from
 * it (render-running-config.ts); `clone` gives startup-config, archive copies and revert points.
 * Only the settings this project touches are modelled; the rest of a C9300 config is fixed text.
 */
export type Transport = 'cslu' | 'smart' | 'callhome' | 'off' | 'automatic';

export interface InterfaceConfig {
  description?: string;
  vrf?: string;
  ip?: { address: string; mask: string } | 'dhcp';
  shutdown: boolean;
  switchport: string[];
}

export interface DeviceConfig {
  hostname: string;
  enableSecret?: string;
  username: { name: string; secret: string };
  bannerMotd?: string;
  license: {
    transport?: Transport;
    /** `license smart url default` was entered (rendered, see DEFAULT_RULES). */
    urlDefault: boolean;
    smartUrl?: string;
    csluUrl?: string;
    legacyUrl?: string;
    proxyAddress?: string;
    proxyPort?: number;
    vrf?: string;
    usageInterval?: number;
  };
  httpClientSourceInterface?: string;
  /** `ip http client secure-trustpoint X`: the HTTPS client validates servers against X. */
  httpSecureTrustpoint?: string;
  /** `no crypto pki trustpoint SLA-TrustPoint` was entered (the switch creates it at boot). */
  slaTrustpointRemoved?: boolean;
  /** `clock timezone NAME H [M]`. */
  clockTimezone?: { name: string; hours: number; minutes: number };
  /** `transport output …` on the vty lines; undefined = IOS default (not shown). */
  vtyTransportOutput?: string;
  dns: {
    lookup: boolean;
    /** key '' = global routing table, otherwise the VRF name. */
    lookupSource: Record<string, string>;
    nameServers: Record<string, string[]>;
    domainName: Record<string, string>;
  };
  vrfs: string[];
  interfaces: Record<string, InterfaceConfig>;
  archive?: { path?: string; maximum?: number };
  loggingMonitor: boolean;
  /** `logging monitor <level>`: the most verbose severity a vty with `terminal monitor` gets (default 7, debugging). */
  loggingMonitorLevel?: number;
}

export function cloneConfig(c: DeviceConfig): DeviceConfig {
  return structuredClone(c);
}

export function newInterface(): InterfaceConfig {
  return { shutdown: false, switchport: [] };
}
