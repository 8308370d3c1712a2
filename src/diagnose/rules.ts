/**
 * The guide's decision tree as data (reference §4.1 signatures, §4.2 order; seed troubleshooting
 * steps 1–5). Rows are tried in order and the first that matches names the cause: configuration
 * first, then name resolution, then the TCP path (proxy, then CSSM), then the clock, then whether
 * CSSM answered, then trust. A row's `match` returns the lines that prove it, or null.
 */
import { exchangeLine, statLines, type DiagnosisFacts } from './facts';
import { OK_RESPONSES } from '../verify/assertions/trust-sync-ok';

export type Cause =
  | 'unsupported_release'
  | 'not_configured'
  | 'dns_resolution_failure'
  | 'proxy_unreachable'
  | 'connection_timed_out'
  | 'clock_not_set'
  | 'no_reply_from_cssm'
  | 'invalid_or_expired_token'
  | 'trust_not_installed'
  | 'healthy'
  | 'unknown';

export interface DiagnosisRule {
  /** Stable id of the row (several rows may name the same cause with different remedies). */
  id: string;
  cause: Cause;
  /** The decision-tree step the row belongs to, for the `steps` a diagnosis reports. */
  step: string;
  match: (f: DiagnosisFacts) => string[] | null;
  /**
   * What the step found when the row did not match, in words for the `steps` list ("transport is
   * Smart"); null when the row does not apply to this host (no proxy configured: no proxy step).
   */
  ruledOut: (f: DiagnosisFacts) => string | null;
  summary: (f: DiagnosisFacts) => string;
  remedy: (f: DiagnosisFacts) => string;
}

/** Clock skew beyond which TLS and trust installation fail (NXOS-TS: "less than one hour"). */
export const MAX_CLOCK_SKEW_MS = 3_600_000;

const CLOCK_TEXT = /clock|certificate|time/i;
const tcpFailed = (f: DiagnosisFacts): boolean => !!f.telnet?.telnet && ['timed_out', 'unreachable', 'refused'].includes(f.telnet.telnet.outcome);
const tcpOpen = (f: DiagnosisFacts): boolean => f.telnet?.telnet?.outcome === 'open';
const currentFailure = (f: DiagnosisFacts, re: RegExp): boolean => !!f.commFailure && !f.commFailure.restored && re.test(f.commFailure.reason);
const failureLines = (f: DiagnosisFacts): string[] => f.commFailure?.lines ?? [];
const src = (f: DiagnosisFacts): string => f.target?.sourceInterface ?? f.configLines.find((l) => l.includes('http client'))?.split(' ').pop() ?? 'IF';
const via = (f: DiagnosisFacts): string => (f.target ? `${f.target.host}:${f.target.port}` : 'CSSM');

/** Trust never came: a response that is neither OK nor an empty reply, or an install-failed syslog. */
function tokenRejected(f: DiagnosisFacts): string[] | null {
  if (f.trustInstalled) return null;
  const lines: string[] = [];
  const te = f.stats['Trust Establishment'];
  if (f.trustInstallFailure && !CLOCK_TEXT.test(f.trustInstallFailure.message) && !/already installed/i.test(f.trustInstallFailure.message)) {
    lines.push(f.trustInstallFailure.line);
  }
  const x = f.lastTrustExchange;
  if (x && x.statusCode && x.statusCode !== 'OK') lines.push(exchangeLine(x));
  if (te?.lastResponse && !OK_RESPONSES.has(te.lastResponse) && te.lastResponse !== 'NO REPLY' && te.failureReason && !CLOCK_TEXT.test(te.failureReason)) {
    lines.push(...statLines(f, 'Trust Establishment'));
  }
  return lines.length ? [...new Set(lines)] : null;
}

export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  {
    id: 'unsupported-release',
    cause: 'unsupported_release',
    step: 'platform and release (show version)',
    match: (f) => (f.gateReason ? [f.versionLine ?? 'show version'] : null),
    ruledOut: () => 'a supported platform and release',
    summary: (f) => f.gateReason!,
    remedy: () => 'Upgrade to IOS XE 17.9.1 or later (SLP over Smart Transport; FN72578 RUM pile-up fixed there), then run the play again.',
  },
  {
    id: 'not-configured',
    cause: 'not_configured',
    step: '1. configuration (show license status: Transport)',
    match: (f) => (f.transport?.type !== 'smart' ? (f.transportLines.length ? f.transportLines : ['show license status: (no Transport section)']) : null),
    ruledOut: () => 'transport is Smart',
    summary: (f) => `transport is ${f.transport?.typeRaw ?? 'not shown'}, not Smart: the switch does not talk to CSSM directly`,
    remedy: () =>
      'Configure Smart Transport (seed config steps 1–3): license smart transport smart; license smart url default; ip name-server …; ip domain lookup source-interface …; ip http client source-interface … — or run a play with slp.transport: smart.',
  },
  {
    id: 'dns',
    cause: 'dns_resolution_failure',
    step: '2–3. name resolution (event log, ping by name)',
    match: (f) => {
      const probe = f.ping?.ping?.outcome === 'unresolved' || f.telnet?.telnet?.outcome === 'unknown_host';
      const logged = currentFailure(f, /resolve/i) && !tcpOpen(f);
      if (!probe && !logged) return null;
      return [...f.probeLines.filter((l) => !tcpOpen(f) || l.startsWith('ping')), ...failureLines(f), ...f.configLines.filter((l) => /name-server|domain lookup/.test(l))];
    },
    ruledOut: (f) => `${f.target?.host ?? 'the Smart URL host'} resolves`,
    summary: (f) => `${f.target?.host ?? 'the Smart URL host'} does not resolve${f.dnsConfigured === false ? ' (no name server for the licensing VRF)' : ''}`,
    remedy: (f) =>
      `Fix name resolution in the licensing VRF${f.target?.vrf ? ` ${f.target.vrf}` : ''}: ip domain lookup, ip name-server${f.target?.vrf ? ` vrf ${f.target.vrf}` : ''} <server that answers>, ip domain lookup source-interface ${src(f)}; check the name server is reachable from that interface (ping <server> source ${src(f)}).`,
  },
  {
    id: 'proxy-unreachable',
    cause: 'proxy_unreachable',
    step: '3. reachability of the proxy (ping, telnet proxy port)',
    match: (f) => (f.target?.via === 'proxy' && tcpFailed(f) && f.telnet!.telnet!.outcome !== 'refused' ? [...f.probeLines, ...failureLines(f)] : null),
    ruledOut: (f) => (f.target?.via === 'proxy' ? `the proxy ${via(f)} answers` : null),
    summary: (f) => `proxy ${via(f)} does not answer from ${src(f)} (${f.telnet!.telnet!.error ?? f.telnet!.telnet!.outcome})`,
    remedy: (f) =>
      `Check the proxy ${f.target!.host} is up and routed from ${src(f)}${f.target?.vrf ? ` in VRF ${f.target.vrf}` : ''} (firewall, ACL); or correct license smart proxy address.`,
  },
  {
    id: 'proxy-wrong-port',
    cause: 'connection_timed_out',
    step: '3. reachability of the proxy (ping, telnet proxy port)',
    match: (f) => (f.target?.via === 'proxy' && f.telnet?.telnet?.outcome === 'refused' ? [...f.probeLines, ...f.transportLines.filter((l) => l.includes('Proxy')), ...failureLines(f)] : null),
    ruledOut: (f) => (f.target?.via === 'proxy' ? `the proxy accepts port ${f.target.port}` : null),
    summary: (f) => `proxy ${f.target!.host} refuses port ${f.target!.port}: wrong proxy port`,
    remedy: (f) => `Set the port the proxy listens on: license smart proxy port <port> (now ${f.target!.port}); confirm with telnet ${f.target!.host} <port> /ipv4 /source-interface ${src(f)}.`,
  },
  {
    id: 'connection-timed-out',
    cause: 'connection_timed_out',
    step: '3. reachability of CSSM (ping, telnet 443)',
    match: (f) => {
      if (f.target?.via === 'direct' && tcpFailed(f)) return [...f.probeLines, ...failureLines(f)];
      if (!f.telnet && currentFailure(f, /timed out/i)) return failureLines(f);
      return null;
    },
    ruledOut: (f) => (f.target?.via === 'proxy' ? null : f.telnet?.telnet ? `TCP to ${via(f)} opens` : 'no connection timeout logged'),
    summary: (f) => `TCP to ${via(f)} from ${src(f)} ${f.telnet?.telnet ? `fails (${f.telnet.telnet.error ?? f.telnet.telnet.outcome})` : 'timed out (event log)'}`,
    remedy: (f) =>
      `Open TCP 443 from ${src(f)} to ${f.target?.host ?? 'smartreceiver.cisco.com'} (firewall/ACL), check the source interface and VRF, or configure the HTTPS proxy the site requires (license smart proxy address/port).`,
  },
  {
    id: 'clock',
    cause: 'clock_not_set',
    step: '4. clock (show clock; trust install failure)',
    match: (f) => {
      if (!f.clock) return null;
      const skewed = f.clock.skewMs !== null && Math.abs(f.clock.skewMs) > MAX_CLOCK_SKEW_MS;
      const failedOnClock =
        !f.clock.authoritative && !f.trustInstalled &&
        ((f.trustInstallFailure && CLOCK_TEXT.test(f.trustInstallFailure.message)) || CLOCK_TEXT.test(f.stats['Trust Establishment']?.failureReason ?? ''));
      if (!skewed && !failedOnClock) return null;
      return [f.clock.line, ...(f.trustInstallFailure ? [f.trustInstallFailure.line] : []), ...statLines(f, 'Trust Establishment')];
    },
    ruledOut: (f) => (f.clock ? 'the clock is right' : 'clock not read'),
    summary: (f) =>
      f.clock!.skewMs !== null && Math.abs(f.clock!.skewMs) > MAX_CLOCK_SKEW_MS
        ? `device clock is ${Math.round(Math.abs(f.clock!.skewMs) / 3_600_000)} h off${f.clock!.authoritative ? '' : ' and not authoritative (*)'}: TLS and trust install fail`
        : 'device clock is not authoritative (*) and trust install failed on certificate/clock validation',
    remedy: () => 'Set the clock and keep it synced: ntp server <server> (or clock set …), check show clock has no leading *, then install trust again (license smart trust idtoken <token> all force).',
  },
  {
    id: 'no-reply',
    cause: 'no_reply_from_cssm',
    step: '4. requests answered? (show license history message, tech support)',
    match: (f) => {
      if (!f.unanswered.length || (f.trustInstalled && !f.unanswered.some((x) => x.category !== 'Trust Establishment'))) return null;
      return [...f.unanswered.map(exchangeLine), ...statLines(f, 'Trust Establishment', 'Trust Sync'), ...f.probeLines.filter((l) => l.startsWith('telnet'))];
    },
    ruledOut: () => 'CSSM answered every request',
    summary: (f) => `requests leave but CSSM does not answer (empty RESPONSE${tcpOpen(f) ? `; TCP to ${via(f)} is open` : ''})`,
    remedy: () =>
      'The TCP path works but HTTPS gets no reply: take a packet capture (slp diagnose --capture) to see whether TLS is set up, then TLS debugs (--debugs 60); check a proxy or firewall doing TLS inspection, and license smart url.',
  },
  {
    id: 'token',
    cause: 'invalid_or_expired_token',
    step: '4. trust installation (trust install result)',
    match: tokenRejected,
    ruledOut: () => 'no refused trust token',
    summary: (f) => `CSSM refused the trust token: ${f.trustInstallFailure?.message ?? f.stats['Trust Establishment']?.failureReason ?? f.lastTrustExchange?.statusCode ?? 'not OK'}`,
    remedy: () =>
      'Generate a new token in the right Virtual Account (CSSM → Inventory → General → New Token), check its expiry, and install it: license smart trust idtoken <token> all force.',
  },
  {
    id: 'trust-not-installed',
    cause: 'trust_not_installed',
    step: '4. trust (Trust Code Installed)',
    match: (f) => (f.trustInstalled === false ? f.trustLines : null),
    ruledOut: () => 'a trust code is installed',
    summary: () => 'no trust code installed: the switch cannot report to CSSM directly',
    remedy: () => 'Install a trust code (seed config step 5): license smart trust idtoken <token> all force — or set slp.trust.token in the play.',
  },
  {
    id: 'healthy',
    cause: 'healthy',
    step: '5. reporting (trust, last responses)',
    match: (f) => {
      if (!f.trustInstalled || (f.commFailure && !f.commFailure.restored) || (f.telnet && !tcpOpen(f)) || f.unanswered.length) return null;
      return [...f.trustLines.slice(0, 1), ...statLines(f, 'Trust Sync'), ...f.probeLines.filter((l) => l.startsWith('telnet'))];
    },
    ruledOut: () => 'not healthy yet: trust, reachability or answers missing',
    summary: () => 'trust installed, CSSM reachable and answering',
    remedy: () => 'Nothing to do.',
  },
];
