/**
 * THE settings table: one row per setting slp-runner owns. Lines, the running state read from a
 * device, removals, equivalences, the `show license status` confirmation and the playbook cause
 * all come from here (docs/converge.md, "The settings table"). Rows are in push order.
 *
 * Command forms and renderings: slp-smart-transport.md §1.1/§1.2. The `no` forms follow §1.2 and
 * Cisco's genielibs (proxy removal sends the value too); a custom Smart URL is removed with the
 * positive `license smart url default`. Where §1.2 marks a rendering as not confirmed, the row's
 * equivalences accept every plausible one, so the choice is safe whichever way a 17.9 switch prints.
 */
import { canonicalInterface } from './interface-names';
import { vrfWord, type SettingRow, type SettingsTable, type StatusField } from './setting-row';

/** What `show license status` prints as the URL when the Smart URL is the default. */
export const DEFAULT_SMART_URL = 'https://smartreceiver.cisco.com/licservice/license';

const letters = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const one = (value: string | number | undefined, cause: string): { value: string; cause: string }[] =>
  value === undefined ? [] : [{ value: String(value), cause }];

export const TRANSPORT: SettingRow = {
  name: 'transport',
  shape: 'single',
  field: 'slp.transport',
  match: /^license smart transport (?<value>\S+)$/,
  render: (v) => `license smart transport ${v}`,
  remove: () => 'no license smart transport',
  bareRemoval: 'no license smart transport',
  // cslu is the SLP default; a switch shows `license smart url cslu …` with no transport line.
  hiddenDefault: 'cslu',
  desired: (d) => one(d.transport, 'slp.transport'),
  removeWhenAbsent: 'slp.transport',
  status: {
    label: 'Type',
    noun: 'transport',
    path: 'type',
    read: (s) => s.transport?.type ?? s.transport?.typeRaw ?? undefined,
    quoted: (s) => s.transport?.typeRaw ?? undefined,
    // Printed `Smart`, `cslu`, `Callhome`, `Transport Off`.
    agrees: (shown, expected) => letters(shown).includes(expected),
  },
};

export const SMART_URL: SettingRow = {
  name: 'url',
  shape: 'single',
  field: 'slp.url',
  match: /^license smart url (?=default$|smart \S+$)(?:smart )?(?<value>\S+)$/,
  render: (v) => (v === 'default' ? 'license smart url default' : `license smart url smart ${v}`),
  remove: () => 'license smart url default',
  hiddenDefault: 'default',
  desired: (d, replaced) => {
    const url = d.url;
    if (url === 'default') return one('default', 'slp.url');
    if (url?.smart) return one(url.smart, 'slp.url.smart');
    if (url?.cslu) return [];
    return replaced ? one('default', 'slp.url (absent: default)') : [];
  },
  removeWhenAbsent: 'slp.url',
  equivalences: [
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
  ],
  status: {
    label: 'URL',
    noun: 'URL',
    path: 'url',
    read: (s) => s.transport?.url || undefined,
    expected: (v) => (v === 'default' ? DEFAULT_SMART_URL : v),
    // The URL only means something once the transport is Smart.
    when: (d, shown) => d.transport === 'smart' && letters(shown('type') ?? '') === 'smart',
  },
};

export const CSLU_URL: SettingRow = {
  name: 'csluUrl',
  shape: 'single',
  field: 'slp.url.cslu',
  match: /^license smart url cslu (?<value>\S+)$/,
  render: (v) => `license smart url cslu ${v}`,
  remove: () => 'no license smart url cslu',
  bareRemoval: 'no license smart url cslu',
  desired: (d) => (typeof d.url === 'object' && !d.url.smart ? one(d.url.cslu, 'slp.url.cslu') : []),
  status: {
    label: 'Cslu address',
    noun: 'CSLU address',
    path: 'csluAddress',
    read: (s) => s.transport?.csluAddress ?? undefined,
    absent: '<empty>',
    // Captures only show `Cslu address: <empty>` (§1.1): whether a switch prints the URL as typed
    // is not confirmed.
    reportOnly: true,
    when: (d) => d.transport === 'cslu',
  },
};

export const LICENSE_VRF: SettingRow = {
  name: 'vrf',
  shape: 'single',
  field: 'slp.vrf',
  match: /^license smart vrf (?<value>\S+)$/,
  render: (v) => `license smart vrf ${v}`,
  remove: (v) => `no license smart vrf ${v}`,
  desired: (d) => one(d.vrf, 'slp.vrf'),
  removeWhenAbsent: 'slp.vrf',
  status: { label: 'VRF', noun: 'VRF', path: 'vrf', read: (s) => s.transport?.vrf ?? undefined, absent: '<empty>' },
};

export const PROXY_ADDRESS: SettingRow = {
  name: 'proxyAddress',
  shape: 'single',
  field: 'slp.proxy.address',
  match: /^license smart proxy address (?<value>\S+)$/,
  render: (v) => `license smart proxy address ${v}`,
  remove: (v) => `no license smart proxy address ${v}`,
  desired: (d) => one(d.proxy?.address, 'slp.proxy.address'),
  removeWhenAbsent: 'slp.proxy',
  status: {
    label: 'Proxy Address',
    noun: 'proxy address',
    group: 'proxy',
    path: 'proxy.address',
    read: (s) => (s.transport?.proxyConfigured ? s.transport.proxyAddress || undefined : undefined),
    absent: 'Not Configured',
  },
};

export const PROXY_PORT: SettingRow = {
  name: 'proxyPort',
  shape: 'single',
  field: 'slp.proxy.port',
  match: /^license smart proxy port (?<value>\d+)$/,
  numeric: true,
  render: (v) => `license smart proxy port ${v}`,
  remove: (v) => `no license smart proxy port ${v}`,
  desired: (d) => one(d.proxy?.port, 'slp.proxy.port'),
  removeWhenAbsent: 'slp.proxy',
  status: {
    label: 'Proxy Port',
    noun: 'proxy port',
    group: 'proxy',
    path: 'proxy.port',
    read: (s) => (s.transport?.proxyConfigured ? s.transport.proxyPort ?? undefined : undefined),
    absent: 'Not Configured',
  },
};

export const USAGE_INTERVAL: SettingRow = {
  name: 'usageInterval',
  shape: 'single',
  field: 'slp.usage_interval',
  match: /^license smart usage interval (?<value>\d+)$/,
  numeric: true,
  render: (v) => `license smart usage interval ${v}`,
  remove: () => 'no license smart usage interval',
  bareRemoval: 'no license smart usage interval',
  desired: (d) => one(d.usage_interval, 'slp.usage_interval'),
  removeWhenAbsent: 'slp.usage_interval',
};

/** IOS stores interface names canonically (`vlan10` → `Vlan10`), so lines are compared that way. */
const interfaceNames = (name: string, prefix: RegExp, canonicalPrefix: (m: RegExpExecArray) => string) => ({
  name,
  match: new RegExp(`^${prefix.source}(.+)$`),
  rewrite: (m: RegExpExecArray) => [`${canonicalPrefix(m)}${canonicalInterface(m[m.length - 1]!)}`],
});

export const HTTP_CLIENT_SOURCE: SettingRow = {
  name: 'httpClientSourceInterface',
  shape: 'single',
  field: 'slp.http_client_source_interface',
  match: /^ip http client source-interface (?<value>\S+)$/,
  render: (v) => `ip http client source-interface ${v}`,
  remove: () => 'no ip http client source-interface',
  bareRemoval: 'no ip http client source-interface',
  desired: (d) =>
    one(d.http_client_source_interface && canonicalInterface(d.http_client_source_interface), 'slp.http_client_source_interface'),
  removeWhenAbsent: 'slp.http_client_source_interface',
  shared: 'http_client_source_interface',
  equivalences: [
    interfaceNames('interface names are stored canonically', /ip http client source-interface /, () => 'ip http client source-interface '),
  ],
};

export const DOMAIN_LOOKUP: SettingRow = {
  name: 'domainLookup',
  shape: 'flag',
  field: 'slp.dns.lookup',
  match: /^(?<no>no )?ip domain lookup$/,
  render: (v) => (v === 'on' ? 'ip domain lookup' : 'no ip domain lookup'),
  remove: () => 'ip domain lookup',
  // On by default and never shown; only `no ip domain lookup` is.
  hiddenDefault: 'on',
  desired: (d) => (d.dns?.lookup === undefined ? [] : one(d.dns.lookup ? 'on' : 'off', 'slp.dns.lookup')),
  equivalences: [
    { name: 'ip domain-lookup is the old spelling of ip domain lookup', match: /^(no )?ip domain-lookup$/, rewrite: (m) => [`${m[1] ?? ''}ip domain lookup`] },
  ],
};

export const NAME_SERVERS: SettingRow = {
  name: 'nameServers',
  shape: 'list',
  field: 'slp.dns.servers',
  match: /^ip name-server (?:vrf (?<vrf>\S+) )?(?<value>\S+)$/,
  render: (v, vrf) => `ip name-server ${vrfWord(vrf)}${v}`,
  remove: (v, vrf) => `no ip name-server ${vrfWord(vrf)}${v}`,
  desired: (d) => (d.dns?.servers ?? []).map((s, i) => ({ value: s, ...(d.vrf ? { vrf: d.vrf } : {}), cause: `slp.dns.servers[${i}]` })),
  shared: 'dns.servers',
  equivalences: [
    {
      name: 'several name servers on one line are one line each, order kept',
      match: /^ip name-server ((?:vrf \S+ )?)(?!vrf )(\S+(?: \S+)+)$/,
      rewrite: (m) => m[2]!.split(' ').map((s) => `ip name-server ${m[1]}${s}`),
    },
  ],
};

export const DOMAIN_NAME: SettingRow = {
  name: 'domainName',
  shape: 'per-vrf',
  field: 'slp.dns.domain',
  match: /^ip domain name (?:vrf (?<vrf>\S+) )?(?<value>\S+)$/,
  render: (v, vrf) => `ip domain name ${vrfWord(vrf)}${v}`,
  remove: (v, vrf) => `no ip domain name ${vrfWord(vrf)}${v}`,
  desired: (d) => one(d.dns?.domain, 'slp.dns.domain').map((x) => ({ ...x, ...(d.vrf ? { vrf: d.vrf } : {}) })),
  removeWhenAbsent: 'slp.dns.domain',
  shared: 'dns.domain',
  equivalences: [
    { name: 'ip domain-name is the old spelling of ip domain name', match: /^ip domain-name (.+)$/, rewrite: (m) => [`ip domain name ${m[1]}`] },
  ],
};

export const DOMAIN_LOOKUP_SOURCE: SettingRow = {
  name: 'domainLookupSourceInterface',
  shape: 'per-vrf',
  field: 'slp.dns.source_interface',
  match: /^ip domain lookup (?:vrf (?<vrf>\S+) )?source-interface (?<value>\S+)$/,
  render: (v, vrf) => `ip domain lookup ${vrfWord(vrf)}source-interface ${v}`,
  remove: (v, vrf) => `no ip domain lookup ${vrfWord(vrf)}source-interface ${v}`,
  desired: (d) =>
    one(d.dns?.source_interface && canonicalInterface(d.dns.source_interface), 'slp.dns.source_interface').map((x) => ({
      ...x,
      ...(d.vrf ? { vrf: d.vrf } : {}),
    })),
  equivalences: [
    interfaceNames('interface names are stored canonically (and ip domain-lookup is ip domain lookup)', /ip domain[ -]lookup ((?:vrf \S+ )?)source-interface /, (m) => `ip domain lookup ${m[1]}source-interface `),
  ],
};

/**
 * The order `show license status` prints its Transport labels in (slp-smart-transport.md §3.1):
 * status mismatches and verify's differences are listed in it. A label not listed here comes
 * after these, in table order, so a new row needs no entry.
 */
export const STATUS_LABEL_ORDER: readonly string[] = ['Type', 'URL', 'Cslu address', 'Proxy Address', 'Proxy Port', 'VRF'];

/** The rows `show license status` confirms, in the order it prints them. */
export function statusRows(table: SettingsTable): (SettingRow & { status: StatusField })[] {
  const rank = (row: SettingRow): number => {
    const i = STATUS_LABEL_ORDER.indexOf(row.status?.label ?? '');
    return i < 0 ? STATUS_LABEL_ORDER.length : i;
  };
  return table
    .filter((row): row is SettingRow & { status: StatusField } => row.status !== undefined)
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.i - b.i)
    .map(({ row }) => row);
}

/** The production table, in push order. */
export const SETTINGS: SettingsTable = [
  TRANSPORT,
  SMART_URL,
  CSLU_URL,
  LICENSE_VRF,
  PROXY_ADDRESS,
  PROXY_PORT,
  USAGE_INTERVAL,
  HTTP_CLIENT_SOURCE,
  DOMAIN_LOOKUP,
  NAME_SERVERS,
  DOMAIN_NAME,
  DOMAIN_LOOKUP_SOURCE,
];
