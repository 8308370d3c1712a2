/**
 * The guide's decision tree as data (reference §4.1 signatures, §4.2 order; seed troubleshooting
 * steps 1–5). Rows are tried in order and the first that matches names the cause: configuration
 * first (transport, source interface), then name resolution, then the TCP path (proxy, then
 * CSSM), then TLS/PKI and the clock, then what CSSM answered, then trust, accounts and reporting.
 * A row's `match` returns the lines that prove it, or null. Each row keys on what a real switch
 * prints: where the reference marks a text unconfirmed (§8), the row keys on the confirmed part
 * (the mnemonic, a config line, a probe) and docs/verify-diagnose.md says so.
 */
import { exchangeLine, statLines, type DiagnosisFacts, type StatName } from './facts';
import { OK_RESPONSES } from '../verify/assertions/trust-sync-ok';

export type Cause =
  | 'unsupported_release'
  | 'not_configured'
  | 'source_interface_unusable'
  | 'dns_resolution_failure'
  | 'proxy_unreachable'
  | 'proxy_refused'
  | 'connection_timed_out'
  | 'tls_pki_failure'
  | 'clock_not_set'
  | 'empty_response_from_server'
  | 'no_reply_from_cssm'
  | 'cssm_server_error'
  | 'invalid_or_expired_token'
  | 'wrong_account'
  | 'trust_not_installed'
  | 'reporting_overdue'
  | 'healthy'
  | 'unknown';

export interface DiagnosisRule {
  /** Stable id of the row (several rows may name the same cause with different remedies). */
  id: string;
  cause: Cause;
  /** The decision-tree step the row belongs to, for the `steps` a diagnosis reports. */
  step: string;
  /** Outputs the row reads; offline, a row whose outputs are all missing says so in `steps`. */
  needs: readonly string[];
  match: (f: DiagnosisFacts) => string[] | null;
  /**
   * What the step found when the row did not match, in words for the `steps` list ("transport is
   * Smart"); null when the row does not apply to this host (no proxy configured: no proxy step).
   */
  ruledOut?: (f: DiagnosisFacts) => string | null;
  summary: (f: DiagnosisFacts) => string;
  remedy: (f: DiagnosisFacts) => string;
}

/** Clock skew beyond which TLS and trust installation fail (NXOS-TS: "less than one hour"). */
export const MAX_CLOCK_SKEW_MS = 3_600_000;
/** A usage report not acknowledged within a day of being sent is overdue (one report a day, §5). */
export const ACK_GRACE_MS = 86_400_000;
export const SLA_TRUSTPOINT = 'SLA-TrustPoint';

const tcpFailed = (f: DiagnosisFacts): boolean => !!f.telnet?.telnet && ['timed_out', 'unreachable', 'refused'].includes(f.telnet.telnet.outcome);
const tcpOpen = (f: DiagnosisFacts): boolean => f.telnet?.telnet?.outcome === 'open';
const currentFailure = (f: DiagnosisFacts, re: RegExp): boolean => !!f.commFailure && !f.commFailure.restored && re.test(f.commFailure.reason);
const failureLines = (f: DiagnosisFacts): string[] => f.commFailure?.lines ?? [];
const src = (f: DiagnosisFacts): string => f.target?.sourceInterface ?? f.sourceInterface?.name ?? 'IF';
const via = (f: DiagnosisFacts): string => (f.target ? `${f.target.host}:${f.target.port}` : 'CSSM');
const STATS: readonly StatName[] = ['Trust Establishment', 'Trust Sync', 'Usage Reporting'];
/** COMM_FAILED reasons the reference confirms (§2.4), and the 407 status the proxy row keys on. */
const KNOWN_REASONS = /resolve server hostname|Connection timed out|Received empty response|^Communications (?:init )?failure$|\b407\b/i;

/** Categories whose last response is a CSSM server error (reference §3.6/§4.1, [C GP]). */
function serverErrors(f: DiagnosisFacts): StatName[] {
  return STATS.filter((n) => {
    const s = f.stats[n];
    if (!s?.lastResponse) return false;
    return s.lastResponse === 'OK_TRY_AGAIN' || (!OK_RESPONSES.has(s.lastResponse) && /^Server error occurred\b/.test(s.failureReason ?? ''));
  });
}

/** The newest Last Response over the categories shown: `OK`/`OK_POLL` means the last talk went well. */
function lastCommunicationOk(f: DiagnosisFacts): boolean | null {
  const shown = STATS.map((n) => f.stats[n]).filter((s) => s && s.lastResponse && s.lastResponseAt);
  if (!shown.length) return null;
  const newest = shown.sort((a, b) => a!.lastResponseAt!.localeCompare(b!.lastResponseAt!)).pop()!;
  return OK_RESPONSES.has(newest.lastResponse!);
}

/** Something fails on the way to CSSM now: a current CSSM failure, an unanswered request, or no trust. */
const failingNow = (f: DiagnosisFacts): boolean =>
  (!!f.commFailure && !f.commFailure.restored) || f.unanswered.length > 0 || f.trustInstalled === false || lastCommunicationOk(f) === false;

/** Trust never came: a response that is neither OK nor an empty reply, or an install-failed syslog. */
function tokenRejected(f: DiagnosisFacts): string[] | null {
  if (f.trustInstalled !== false) return null;
  const lines: string[] = [];
  const te = f.stats['Trust Establishment'];
  // The mnemonic is confirmed, its text is not (§8 item 5): an install failure is keyed on the
  // mnemonic; the message is shown, never matched, except NXOS-TS's "already installed" case.
  if (f.trustInstallFailure && !/already installed/i.test(f.trustInstallFailure.message)) lines.push(f.trustInstallFailure.line);
  const x = f.lastTrustExchange;
  if (x && x.statusCode && x.statusCode !== 'OK') lines.push(exchangeLine(x));
  if (te?.lastResponse && !OK_RESPONSES.has(te.lastResponse) && te.lastResponse !== 'NO REPLY' && te.lastResponse !== 'OK_TRY_AGAIN' && te.failureReason) {
    lines.push(...statLines(f, 'Trust Establishment'));
  }
  return lines.length ? [...new Set(lines)] : null;
}

/** TLS/PKI: the trustpoint Smart Licensing validates CSSM with, and what overrides or breaks it. */
function tlsPki(f: DiagnosisFacts): { lines: string[]; what: string; fix: string } | null {
  if (!failingNow(f) || tcpFailed(f)) return null;
  const c = f.config;
  const crl = f.pkiLines.filter((l) => /%PKI-\d-CRL_FETCH_FAIL\b/.test(l));
  if (c) {
    const tp = c.httpSecureTrustpoint;
    if (tp && tp !== SLA_TRUSTPOINT) {
      return {
        lines: [`show running-config: ip http client secure-trustpoint ${tp}`, ...failureLines(f)],
        what: `ip http client secure-trustpoint ${tp} makes the HTTPS client validate CSSM against ${tp}, not ${SLA_TRUSTPOINT}`,
        fix: `Remove the override (no ip http client secure-trustpoint ${tp}) or make ${tp} hold the Cisco root that signs CSSM's certificate; then license smart sync all.`,
      };
    }
    if (c.fullConfig && !c.trustpoints[SLA_TRUSTPOINT]) {
      return {
        lines: [`show running-config: (no crypto pki trustpoint ${SLA_TRUSTPOINT})`, ...failureLines(f)],
        what: `the ${SLA_TRUSTPOINT} trustpoint (the CA Smart Licensing uses, created at boot) is missing`,
        fix: `Restore ${SLA_TRUSTPOINT} and its Cisco root certificate (reload re-creates it: %PKI-6-TRUSTPOINT_CREATE; or re-add crypto pki trustpoint ${SLA_TRUSTPOINT} / enrollment terminal / revocation-check none with its certificate chain), then license smart sync all.`,
      };
    }
    // `revocation-check crl` is the switch's own default for SLA-TrustPoint (real running-config
    // captures show it): only a logged CRL fetch failure makes it the cause.
    const rev = c.trustpoints[SLA_TRUSTPOINT]?.revocation;
    if (crl.length && rev && rev.includes('crl') && !rev.includes('none')) {
      return {
        lines: [`show running-config: crypto pki trustpoint ${SLA_TRUSTPOINT}: revocation-check ${rev.join(' ')}`, ...crl, ...failureLines(f)],
        what: `${SLA_TRUSTPOINT} requires a CRL check the switch cannot complete${crl.length ? ' (CRL fetch failed)' : ''}`,
        fix: `Set revocation-check none under crypto pki trustpoint ${SLA_TRUSTPOINT} (as created by the switch), or let the switch reach the CRL distribution point; then license smart sync all.`,
      };
    }
  }
  if (crl.length) {
    return {
      lines: [...crl, ...failureLines(f)],
      what: 'certificate revocation lists cannot be fetched, so the TLS session to CSSM is refused',
      fix: `Set revocation-check none under crypto pki trustpoint ${SLA_TRUSTPOINT}, or allow the CRL download; then license smart sync all.`,
    };
  }
  // A TLS-inspecting proxy re-signs CSSM's certificate with its own CA: the session to the proxy
  // is open, the proxy tunnels, yet every request fails with a reason that is none of the
  // confirmed connectivity ones (§2.4: TLS reason texts were never observed, so none is matched).
  if (f.target?.via === 'proxy' && tcpOpen(f) && currentFailure(f, /./) && !KNOWN_REASONS.test(f.commFailure!.reason)) {
    return {
      lines: [...f.probeLines.filter((l) => l.startsWith('telnet')), ...failureLines(f)],
      what: `the proxy ${via(f)} is reachable but every request through it fails (${f.commFailure!.reason}): a TLS-inspecting proxy presenting a certificate not issued by Cisco is the usual cause`,
      fix: 'Exempt smartreceiver.cisco.com from TLS inspection on the proxy (the switch accepts only the Cisco-issued certificate); confirm with TLS debugs (--debugs 60).',
    };
  }
  return null;
}

function overdue(f: DiagnosisFacts): { lines: string[]; why: string } | null {
  const r = f.reporting;
  if (!r || f.trustInstalled !== true) return null;
  const now = f.now.getTime();
  if (r.nextAckDeadline && new Date(r.nextAckDeadline).getTime() < now) {
    return { lines: r.lines, why: `the Next ACK deadline (${r.nextAckDeadline}) has passed` };
  }
  const push = r.lastReportPush ? new Date(r.lastReportPush).getTime() : null;
  const ack = r.lastAck ? new Date(r.lastAck).getTime() : null;
  if (push !== null && (ack === null || ack < push) && now - push > ACK_GRACE_MS) {
    return { lines: r.lines, why: `a usage report was sent on ${r.lastReportPush} and no ACK came${ack ? ' after it' : ''}` };
  }
  return null;
}

function accountMismatch(f: DiagnosisFacts): string[] | null {
  const want = f.expectedAccount;
  const have = f.account;
  if (!want || !have || f.trustInstalled !== true) return null;
  const bad = (want.smart_account !== undefined && have.smartAccount !== want.smart_account)
    || (want.virtual_account !== undefined && have.virtualAccount !== want.virtual_account);
  return bad ? [have.line] : null;
}

export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  {
    id: 'unsupported-release',
    cause: 'unsupported_release',
    step: 'platform and release (show version)',
    needs: ['show version'],
    match: (f) => (f.gateReason ? [f.versionLine ?? 'show version'] : null),
    ruledOut: () => 'a supported platform and release',
    summary: (f) => f.gateReason!,
    remedy: () => 'Upgrade to IOS XE 17.9.1 or later (SLP over Smart Transport; FN72578 RUM pile-up fixed there), then run the play again.',
  },
  {
    id: 'not-configured',
    cause: 'not_configured',
    step: '1. configuration (show license status: Transport)',
    needs: ['show license status'],
    match: (f) => (f.statusShown && f.transport?.type !== 'smart' ? (f.transportLines.length ? f.transportLines : ['show license status: (no Transport section)']) : null),
    ruledOut: () => 'transport is Smart',
    summary: (f) => `transport is ${f.transport?.typeRaw ?? 'not shown'}, not Smart: the switch does not talk to CSSM directly`,
    remedy: () =>
      'Configure Smart Transport (seed config steps 1–3): license smart transport smart; license smart url default; ip name-server …; ip domain lookup source-interface …; ip http client source-interface … — or run a play with slp.transport: smart.',
  },
  {
    id: 'source-interface',
    cause: 'source_interface_unusable',
    step: '1. configuration (ip http client source-interface; show ip interface brief)',
    needs: ['show running-config', 'show ip interface brief'],
    match: (f) => (f.transport?.type === 'smart' && f.sourceInterface?.problem ? [...f.sourceInterface.lines, ...failureLines(f)] : null),
    summary: (f) => `the HTTP client source interface is unusable: ${f.sourceInterface!.problem}`,
    remedy: (f) =>
      `Point ip http client source-interface at an interface that is up, addressed and in the licensing VRF${f.transport?.vrf ? ` ${f.transport.vrf}` : ' (global table)'} (check show ip interface brief), or fix ${f.sourceInterface!.name} (no shutdown, ip address, vrf forwarding) — or make license smart vrf match it.`,
  },
  {
    id: 'dns',
    cause: 'dns_resolution_failure',
    step: '2–3. name resolution (event log, ping by name)',
    needs: ['show license eventlog', 'show logging'],
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
    needs: ['telnet'],
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
    needs: ['telnet'],
    match: (f) => (f.target?.via === 'proxy' && f.telnet?.telnet?.outcome === 'refused' ? [...f.probeLines, ...f.transportLines.filter((l) => l.includes('Proxy')), ...failureLines(f)] : null),
    ruledOut: (f) => (f.target?.via === 'proxy' ? `the proxy accepts port ${f.target.port}` : null),
    summary: (f) => `proxy ${f.target!.host} refuses port ${f.target!.port}: wrong proxy port`,
    remedy: (f) => `Set the port the proxy listens on: license smart proxy port <port> (now ${f.target!.port}); confirm with telnet ${f.target!.host} <port> /ipv4 /source-interface ${src(f)}.`,
  },
  {
    // HTTP 407 / a refused CONNECT: the proxy answers but will not tunnel (RFC 9110 §15.5.8). The
    // device's wording of it is not in the reference: the row keys on the status code.
    id: 'proxy-refused',
    cause: 'proxy_refused',
    step: '3. the proxy tunnels to CSSM? (failure reason)',
    needs: ['show license eventlog', 'show logging', 'show license tech support'],
    match: (f) => {
      if (!f.transport?.proxyConfigured) return null;
      const re = /\b407\b|Proxy Authentication Required|CONNECT\b.*\b(?:403|405|denied|refused)/i;
      const reasons = [...(currentFailure(f, re) ? failureLines(f) : []),
        ...STATS.filter((n) => re.test(f.stats[n]?.failureReason ?? '')).flatMap((n) => statLines(f, n))];
      return reasons.length ? [...f.transportLines.filter((l) => l.includes('Proxy')), ...reasons] : null;
    },
    summary: (f) => `the proxy ${f.transport!.proxyAddress}:${f.transport!.proxyPort ?? '?'} refuses to open the tunnel to CSSM (CONNECT refused or authentication required: HTTP 407)`,
    remedy: () =>
      'Allow CONNECT to smartreceiver.cisco.com:443 without authentication for the switch on the proxy (Smart Transport sends no proxy credentials unless license smart proxy … username/password is set), or set the credentials the proxy asks for.',
  },
  {
    id: 'connection-timed-out',
    cause: 'connection_timed_out',
    step: '3. reachability of CSSM (ping, telnet 443)',
    needs: ['telnet', 'show license eventlog', 'show logging'],
    match: (f) => {
      if (f.target?.via === 'direct' && tcpFailed(f)) return [...f.probeLines, ...failureLines(f)];
      // The log says it and no probe contradicts it (an open port with requests unanswered is
      // the no-reply row's case).
      if (currentFailure(f, /timed out/i) && !(tcpOpen(f) && f.unanswered.length)) return [...failureLines(f), ...f.probeLines.filter((l) => l.startsWith('telnet'))];
      return null;
    },
    ruledOut: (f) => (f.target?.via === 'proxy' ? null : f.telnet?.telnet ? `TCP to ${via(f)} opens` : 'no connection timeout logged'),
    summary: (f) => `TCP to ${via(f)} from ${src(f)} ${f.telnet?.telnet ? `${tcpOpen(f) ? 'opens now, but the event log' : 'fails'} (${f.telnet.telnet.error ?? (tcpOpen(f) ? 'Connection timed out' : f.telnet.telnet.outcome)})` : 'timed out (event log)'}${f.tcpUntested ? `; TCP path untested: ${f.tcpUntested}` : ''}`,
    remedy: (f) =>
      `Open TCP 443 from ${src(f)} to ${f.target?.host ?? 'smartreceiver.cisco.com'} (firewall/ACL), check the source interface and VRF, or configure the HTTPS proxy the site requires (license smart proxy address/port).`,
  },
  {
    id: 'tls-pki',
    cause: 'tls_pki_failure',
    step: '4. TLS/PKI (crypto pki trustpoint SLA-TrustPoint, ip http client secure-trustpoint, %PKI)',
    needs: ['show running-config', 'show logging'],
    match: (f) => tlsPki(f)?.lines ?? null,
    summary: (f) => tlsPki(f)!.what,
    remedy: (f) => tlsPki(f)!.fix,
  },
  {
    id: 'clock',
    cause: 'clock_not_set',
    step: '4. clock (show clock detail, show ntp status; trust install failure)',
    needs: ['show clock'],
    match: (f) => {
      const c = f.clock;
      if (!c) return null;
      const skewed = c.skewMs !== null && Math.abs(c.skewMs) > MAX_CLOCK_SKEW_MS;
      // Unsynced and trust failed with no connectivity cause above: keyed on the `*` flag / NTP
      // state and on the TRUST_CODE_INSTALL_FAILED mnemonic or %PKI-2-NON_AUTHORITATIVE_CLOCK
      // (both confirmed), never on the wording of a reason.
      const nonAuth = f.pkiLines.filter((l) => /%PKI-2-NON_AUTHORITATIVE_CLOCK\b/.test(l));
      const failedUnsynced = !c.authoritative && f.trustInstalled === false && (!!f.trustInstallFailure || nonAuth.length > 0);
      if (!skewed && !failedUnsynced) return null;
      return [c.line, ...c.syncLines, ...nonAuth, ...(f.trustInstallFailure ? [f.trustInstallFailure.line] : []), ...statLines(f, 'Trust Establishment')];
    },
    ruledOut: (f) => (f.clock ? 'the clock is right' : 'clock not read'),
    summary: (f) =>
      f.clock!.skewMs !== null && Math.abs(f.clock!.skewMs) > MAX_CLOCK_SKEW_MS
        ? `device clock is ${Math.round(Math.abs(f.clock!.skewMs) / 3_600_000)} h off${f.clock!.authoritative ? '' : ' and not synchronised'}: TLS and trust install fail`
        : `device clock is not synchronised (${f.clock!.ntpSynced === false ? 'NTP not synced' : 'show clock *'}) and trust install failed${f.clock!.skewUnknown ? `; skew unknown: ${f.clock!.skewUnknown}` : ''}`,
    remedy: () => 'Set the clock and keep it synced: ntp server <server> (or clock set …), check show clock has no leading * and show ntp status says synchronized, then install trust again (license smart trust idtoken <token> all force).',
  },
  {
    id: 'empty-response',
    cause: 'empty_response_from_server',
    step: '4. requests answered? (COMM_FAILED reason)',
    needs: ['show license eventlog', 'show logging'],
    // `Received empty response from server` [C-other CZNOLAN]: the URL points at something that is
    // not CSSM's receiver (an SSM On-Prem, a wrong path).
    match: (f) => (currentFailure(f, /Received empty response from server/i) ? [...failureLines(f), ...f.transportLines.filter((l) => l.includes('URL'))] : null),
    summary: (f) => `the server at ${f.transport?.url ?? 'the Smart URL'} answers with an empty response: wrong URL, or SSM On-Prem behind it`,
    remedy: () =>
      'Check license smart url: for CSSM use license smart url default (https://smartreceiver.cisco.com/licservice/license); for SSM On-Prem use its own URL with transport cslu (or the On-Prem release that supports SLP) and not Smart transport.',
  },
  {
    id: 'no-reply',
    cause: 'no_reply_from_cssm',
    step: '4. requests answered? (show license history message, tech support)',
    needs: ['show license history message', 'show license tech support'],
    match: (f) => {
      // The history's empty RESPONSE, or the tech support's `Last Response: NO REPLY` with the
      // failure ongoing (reference §4.1 "No reply" row, [C SEED, GP]).
      const noReplyStats = STATS.filter((n) => {
        const s = f.stats[n];
        return s?.lastResponse === 'NO REPLY' && s.ongoingFailureOverall > 0 && (n !== 'Trust Establishment' || f.trustInstalled !== true);
      });
      const history = f.unanswered.length > 0 && !(f.trustInstalled && !f.unanswered.some((x) => x.category !== 'Trust Establishment'));
      if (!history && !noReplyStats.length) return null;
      return [...(history ? f.unanswered.map(exchangeLine) : []), ...statLines(f, ...(noReplyStats.length ? noReplyStats : ['Trust Establishment', 'Trust Sync'] as StatName[])), ...f.probeLines.filter((l) => l.startsWith('telnet'))];
    },
    ruledOut: () => 'CSSM answered every request',
    summary: (f) => `requests leave but CSSM does not answer (empty RESPONSE${tcpOpen(f) ? `; TCP to ${via(f)} is open` : ''})`,
    remedy: () =>
      'The TCP path works but HTTPS gets no reply: take a packet capture (slp diagnose --capture) to see whether TLS is set up, then TLS debugs (--debugs 60); check a proxy or firewall doing TLS inspection, and license smart url.',
  },
  {
    id: 'cssm-server-error',
    cause: 'cssm_server_error',
    step: '4. requests answered? (Last Response, Failure Reason)',
    needs: ['show license tech support'],
    match: (f) => {
      const cats = serverErrors(f);
      return cats.length ? cats.flatMap((n) => statLines(f, n)) : null;
    },
    summary: (f) => {
      const s = f.stats[serverErrors(f)[0]!]!;
      return `CSSM answered ${s.lastResponse ?? '?'}${s.failureReason ? ` (${s.failureReason})` : ''}: an error on Cisco's side, not on the switch`;
    },
    remedy: () => 'Nothing to fix on the switch: retry later (license smart sync all), and if it persists for days open a case with Cisco licensing quoting the Failure Reason.',
  },
  {
    id: 'token',
    cause: 'invalid_or_expired_token',
    step: '4. trust installation (trust install result)',
    needs: ['show logging', 'show license tech support', 'show license history message'],
    match: tokenRejected,
    ruledOut: () => 'no refused trust token',
    summary: (f) => `CSSM refused the trust token: ${f.trustInstallFailure?.message ?? f.stats['Trust Establishment']?.failureReason ?? f.lastTrustExchange?.statusCode ?? 'not OK'}`,
    remedy: () =>
      'Generate a new token in the right Virtual Account (CSSM → Inventory → General → New Token), check its expiry, and install it: license smart trust idtoken <token> all force.',
  },
  {
    id: 'wrong-account',
    cause: 'wrong_account',
    step: '4. account (show license status: Account Information)',
    needs: ['show license status'],
    match: accountMismatch,
    summary: (f) => {
      const w = f.expectedAccount!;
      return `the switch reports to ${f.account!.smartAccount ?? '<none>'} / ${f.account!.virtualAccount ?? '<none>'}, the play expects ${w.smart_account ?? '(any)'} / ${w.virtual_account ?? '(any)'}`;
    },
    remedy: () => 'Generate a token in the expected Virtual Account and install it with force (license smart trust idtoken <token> all force), or move the product instance in CSSM (Inventory → Product Instances → Move); then license smart sync all.',
  },
  {
    id: 'trust-not-installed',
    cause: 'trust_not_installed',
    step: '4. trust (Trust Code Installed)',
    needs: ['show license status'],
    match: (f) => (f.trustInstalled === false ? f.trustLines : null),
    ruledOut: () => 'a trust code is installed',
    summary: () => 'no trust code installed: the switch cannot report to CSSM directly',
    remedy: () => 'Install a trust code (seed config step 5): license smart trust idtoken <token> all force — or set slp.trust.token in the play.',
  },
  {
    id: 'reporting-overdue',
    cause: 'reporting_overdue',
    step: '5. reporting (Last ACK received, Next ACK deadline)',
    needs: ['show license status'],
    match: (f) => overdue(f)?.lines ?? null,
    summary: (f) => `reporting is overdue: ${overdue(f)!.why}`,
    remedy: () => 'Force a report and watch for the ACK (seed step 4): license smart sync all, then show license status → Last ACK received; if none comes, diagnose the path again (--capture).',
  },
  {
    id: 'healthy',
    cause: 'healthy',
    step: '5. reporting (trust, last responses, ACK)',
    needs: ['show license status'],
    match: (f) => {
      if (!f.statusShown || f.transport?.type !== 'smart' || f.trustInstalled !== true) return null;
      if ((f.commFailure && !f.commFailure.restored) || (f.telnet && !tcpOpen(f)) || f.unanswered.length) return null;
      if (lastCommunicationOk(f) === false || overdue(f)) return null;
      return [...f.trustLines.slice(0, 1), ...statLines(f, 'Trust Sync'), ...(f.reporting?.lines.slice(0, 2) ?? []), ...f.probeLines.filter((l) => /^(?:telnet|show sessions)/.test(l))];
    },
    ruledOut: () => 'not healthy yet: trust, reachability or answers missing',
    summary: (f) => `trust installed, last communication OK, reporting not overdue${f.telnet ? '; CSSM reachable' : f.tcpUntested ? `; TCP path untested (${f.tcpUntested})` : ''}`,
    remedy: () => 'Nothing to do.',
  },
];
