import { buildConfigTree, type ConfigLine } from './config-tree';
import { collapseSpaces, preprocess } from './preprocess';
import type { ParseResult } from './types';

/** Transport as `license smart transport …` configures it. */
export type SlpTransport = 'smart' | 'callhome' | 'cslu' | 'off' | 'automatic';

/**
 * The Smart-transport URL setting as configured:
 * `license smart url default` → default; `license smart url smart <u>` → smart;
 * `license smart url <u>` (old form, still accepted) → legacy.
 */
export type SlpUrlSetting = { kind: 'default' } | { kind: 'smart'; url: string } | { kind: 'legacy'; url: string };

/** A VRF-scoped value: `vrf` is null for the global routing table. */
export interface VrfScoped<T> {
  vrf: string | null;
  value: T;
}

/** The settings slp-runner owns, read from the running-config (global lines only). */
export interface SlpConfigView {
  hostname: string | null;
  /** `license smart transport X`; null when no line is shown (IOS default: cslu, hidden). */
  transport: SlpTransport | null;
  url: SlpUrlSetting | null;
  /** `license smart url cslu <url>`. */
  csluUrl: string | null;
  proxyAddress: string | null;
  proxyPort: number | null;
  /** `license smart vrf X`. */
  vrf: string | null;
  /** `license smart usage interval N` (days). */
  usageInterval: number | null;
  /** `license boot level <level> [addon <addon>]`. */
  bootLevel: { level: string; addon: string | null } | null;
  /** Every global `license smart …` line, as shown, in order. */
  licenseSmartLines: string[];
  /** `ip http client source-interface X`. */
  httpClientSourceInterface: string | null;
  dns: {
    /** false only when `no ip domain lookup` (or `no ip domain-lookup`) is shown; IOS default is on. */
    lookup: boolean;
    /** `ip domain lookup [vrf V] source-interface X`. */
    lookupSourceInterfaces: VrfScoped<string>[];
    /** `ip domain name [vrf V] N` (and the old `ip domain-name`). */
    domainNames: VrfScoped<string>[];
    /** `ip name-server [vrf V] A [B …]`, one entry per address, in order. */
    nameServers: VrfScoped<string>[];
  };
  /** The `archive` block (needed for `configure terminal revert timer`); null when absent. */
  archive: { path: string | null; maximum: number | null; writeMemory: boolean; timePeriod: number | null } | null;
}

/** `show running-config`: the indented line tree and the licensing settings read from it. */
export interface ShowRunningConfig {
  tree: ConfigLine[];
  slp: SlpConfigView;
}

const TRANSPORTS: readonly SlpTransport[] = ['smart', 'callhome', 'cslu', 'off', 'automatic'];

/** One row per `license smart` keyword: how it changes the view. Unknown keywords warn. */
const LICENSE_SMART_ROWS: ReadonlyArray<{ re: RegExp; apply: (m: RegExpExecArray, v: SlpConfigView) => boolean }> = [
  {
    re: /^transport\s+(\S+)$/,
    apply: (m, v) => {
      const t = m[1].toLowerCase() as SlpTransport;
      if (!TRANSPORTS.includes(t)) return false;
      v.transport = t;
      return true;
    },
  },
  { re: /^url\s+default$/, apply: (_m, v) => ((v.url = { kind: 'default' }), true) },
  { re: /^url\s+smart\s+(\S+)$/, apply: (m, v) => ((v.url = { kind: 'smart', url: m[1] }), true) },
  { re: /^url\s+cslu\s+(\S+)$/, apply: (m, v) => ((v.csluUrl = m[1]), true) },
  { re: /^url\s+utility\s+\S+$/, apply: () => true },
  { re: /^url\s+((?:https?:\/\/)\S+)$/i, apply: (m, v) => ((v.url = { kind: 'legacy', url: m[1] }), true) },
  { re: /^proxy\s+address\s+(\S+)$/, apply: (m, v) => ((v.proxyAddress = m[1]), true) },
  {
    re: /^proxy\s+port\s+(\d+)$/,
    apply: (m, v) => ((v.proxyPort = Number(m[1])), true),
  },
  { re: /^vrf\s+(\S+)$/, apply: (m, v) => ((v.vrf = m[1]), true) },
  { re: /^usage\s+interval\s+(\d+)$/, apply: (m, v) => ((v.usageInterval = Number(m[1])), true) },
  // Present on real configs, not owned by slp-runner: accepted silently.
  { re: /^(?:privacy|usage\s+customer-tags|custom_id|enable|server-identity-check|utility|reservation)\b/, apply: () => true },
];

function emptyView(): SlpConfigView {
  return {
    hostname: null,
    transport: null,
    url: null,
    csluUrl: null,
    proxyAddress: null,
    proxyPort: null,
    vrf: null,
    usageInterval: null,
    bootLevel: null,
    licenseSmartLines: [],
    httpClientSourceInterface: null,
    dns: { lookup: true, lookupSourceInterfaces: [], domainNames: [], nameServers: [] },
    archive: null,
  };
}

function readArchive(node: ConfigLine): NonNullable<SlpConfigView['archive']> {
  const a: NonNullable<SlpConfigView['archive']> = { path: null, maximum: null, writeMemory: false, timePeriod: null };
  for (const c of node.children) {
    let m: RegExpExecArray | null;
    if ((m = /^path\s+(\S+)/.exec(c.text))) a.path = m[1];
    else if ((m = /^maximum\s+(\d+)/.exec(c.text))) a.maximum = Number(m[1]);
    else if (c.text === 'write-memory') a.writeMemory = true;
    else if ((m = /^time-period\s+(\d+)/.exec(c.text))) a.timePeriod = Number(m[1]);
  }
  return a;
}

// Hoisted: a regex literal inside the loop is a new RegExp object on every line of every config.
const OWNED_START_RE = /^(?:hostname|license|ip|no|archive)\s/; // first words of every line read below
const HOSTNAME_RE = /^hostname (\S+)$/;
const BOOT_LEVEL_RE = /^license boot level (\S+)(?: addon (\S+))?/;
const HTTP_CLIENT_SOURCE_RE = /^ip http client source-interface (\S+)$/;
const NO_LOOKUP_RE = /^no ip domain[ -]lookup$/;
const LOOKUP_RE = /^ip domain[ -]lookup$/;
const LOOKUP_SOURCE_RE = /^ip domain[ -]lookup (?:vrf (\S+) )?source-interface (\S+)$/;
const DOMAIN_NAME_RE = /^ip domain[ -]name (?:vrf (\S+) )?(\S+)$/;
const NAME_SERVER_RE = /^ip name-server (?:vrf (\S+) )?(.+)$/;

/** Extracts the SLP/DNS/HTTP-client view from global (indent 0) config lines. */
export function extractSlpView(tree: readonly ConfigLine[], warnings: string[]): SlpConfigView {
  const v = emptyView();
  for (const node of tree) {
    if (node.indent !== 0) continue; // `| include` leftovers such as ` transport input ssh`
    if (node.text !== 'archive' && !OWNED_START_RE.test(node.text)) continue;
    const t = collapseSpaces(node.text);
    let m: RegExpExecArray | null;
    if ((m = HOSTNAME_RE.exec(t))) v.hostname = m[1];
    else if (t.startsWith('license smart ')) {
      v.licenseSmartLines.push(t);
      const rest = t.slice('license smart '.length);
      const row = LICENSE_SMART_ROWS.find((r) => r.re.test(rest));
      const mm = row ? row.re.exec(rest) : null;
      if (!row || !mm || !row.apply(mm, v)) warnings.push(`line ${node.lineNumber}: unrecognised "${t}"`);
    } else if ((m = BOOT_LEVEL_RE.exec(t))) {
      v.bootLevel = { level: m[1], addon: m[2] ?? null };
    } else if ((m = HTTP_CLIENT_SOURCE_RE.exec(t))) v.httpClientSourceInterface = m[1];
    else if (NO_LOOKUP_RE.test(t)) v.dns.lookup = false;
    else if (LOOKUP_RE.test(t)) v.dns.lookup = true;
    else if ((m = LOOKUP_SOURCE_RE.exec(t))) {
      v.dns.lookupSourceInterfaces.push({ vrf: m[1] ?? null, value: m[2] });
    } else if ((m = DOMAIN_NAME_RE.exec(t))) {
      v.dns.domainNames.push({ vrf: m[1] ?? null, value: m[2] });
    } else if ((m = NAME_SERVER_RE.exec(t))) {
      for (const addr of m[2].split(' ')) if (addr) v.dns.nameServers.push({ vrf: m[1] ?? null, value: addr });
    } else if (t === 'archive') v.archive = readArchive(node);
  }
  return v;
}

/**
 * Parses `show running-config` (whole, `| section …` or `| include …` output) into a tree of
 * parent/child lines plus the extracted SLP view.
 */
export function parseShowRunningConfig(text: string): ParseResult<ShowRunningConfig> {
  const pre = preprocess(text);
  const warnings: string[] = [];
  const tree = buildConfigTree(pre.lines);
  const slp = extractSlpView(tree, warnings);
  return { value: { tree, slp }, warnings, syslog: pre.syslog };
}
