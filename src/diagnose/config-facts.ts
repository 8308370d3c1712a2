/**
 * What the diagnosis reads from the running-config beyond the licensing settings: the clock zone
 * offset, the PKI trustpoints, the HTTP client's TLS trustpoint, the vty `transport output`, and
 * which VRF each interface is in. Pure, over the parsed config tree.
 */
import type { ConfigLine } from '../parsers/config-tree';

export interface DiagnoseConfigFacts {
  /**
   * The output looks like a whole running-config (a `hostname` and an `interface` line): only then
   * may a missing line (a trustpoint, an interface) be read as absent from the switch.
   */
  fullConfig: boolean;
  /** `clock timezone NAME H [M]`: the zone name and its offset in minutes; null when no line. */
  timezone: { name: string; offsetMin: number; line: string } | null;
  /** Trustpoints by name (`crypto pki trustpoint X`), with their `revocation-check` methods. */
  trustpoints: Record<string, { revocation: string[] | null; line: string }>;
  /** `ip http client secure-trustpoint X`: the HTTPS client uses X instead of SLA-TrustPoint. */
  httpSecureTrustpoint: string | null;
  /**
   * `transport output …` of the vty lines: the protocols outgoing sessions may use. null when no
   * vty line sets it (IOS default allows telnet).
   */
  vtyTransportOutput: string[] | null;
  /** `interface X` → its `vrf forwarding V` (null = global); only interfaces the config shows. */
  interfaceVrf: Record<string, string | null>;
  /** `ntp server …` lines (global or VRF). */
  ntpServers: string[];
}

const children = (l: ConfigLine): ConfigLine[] => l.children;

/** Reads the facts; an absent tree gives empty facts (the caller tells "not shown" apart). */
export function diagnoseConfigFacts(tree: readonly ConfigLine[]): DiagnoseConfigFacts {
  const f: DiagnoseConfigFacts = {
    fullConfig: tree.some((l) => l.text.startsWith('hostname ')) && tree.some((l) => l.text.startsWith('interface ')),
    timezone: null, trustpoints: {}, httpSecureTrustpoint: null, vtyTransportOutput: null, interfaceVrf: {}, ntpServers: [],
  };
  for (const l of tree) {
    let m: RegExpExecArray | null;
    if ((m = /^clock timezone (\S+) (-?\d{1,2})(?: (\d{1,2}))?\b/.exec(l.text))) {
      const h = Number(m[2]);
      const min = Number(m[3] ?? 0);
      f.timezone = { name: m[1], offsetMin: h * 60 + (h < 0 || m[2].startsWith('-') ? -min : min), line: l.text };
    } else if ((m = /^crypto pki trustpoint (\S+)/.exec(l.text))) {
      const rev = children(l).find((c) => c.text.startsWith('revocation-check '));
      f.trustpoints[m[1]] = { revocation: rev ? rev.text.split(/\s+/).slice(1) : null, line: l.text };
    } else if ((m = /^ip http client secure-trustpoint (\S+)/.exec(l.text))) {
      f.httpSecureTrustpoint = m[1];
    } else if (/^line vty /.test(l.text)) {
      const t = children(l).find((c) => c.text.startsWith('transport output '));
      if (t) f.vtyTransportOutput = t.text.split(/\s+/).slice(2);
    } else if ((m = /^interface (\S+)/.exec(l.text))) {
      const v = children(l).find((c) => /^(?:ip )?vrf forwarding \S+/.test(c.text));
      f.interfaceVrf[m[1]] = v ? v.text.split(/\s+/).pop()! : null;
    } else if (/^ntp server /.test(l.text)) {
      f.ntpServers.push(l.text);
    }
  }
  return f;
}

/** Outgoing telnet from the vty is refused by `transport output none` / `ssh` (without telnet/all). */
export function telnetOutputAllowed(f: DiagnoseConfigFacts): boolean {
  const t = f.vtyTransportOutput;
  return t === null || t.includes('telnet') || t.includes('all');
}
