/**
 * What the guide's debugs print when the licensing agent's HTTPS client talks to CSSM, derived from
 * the network model (never canned per fault): the request, name resolution, the TCP connect, the
 * TLS handshake with its certificate check, and the reply — stopping where the model says the
 * attempt fails, with the model's reason. Pure: (flags on, attempt) → lines without timestamps.
 *
 * Real IOS debug lines carry no `%FAC-SEV-MNEMONIC`: `<stamp>: HTTPC: …`, `<stamp>: CRYPTO_PKI: …`.
 * The texts after the facility tag are placeholders [I] (no capture of these debugs in shared/);
 * the SSL state names are OpenSSL's own (SSL_state_string_long).
 */
import type { DebugFlag } from './debug-commands';
import { COMM_FAILURE_REASON, DEFAULT_SMART_URL, resolve, type CssmVerdict, type NetContext } from './network-model';

export interface HttpAttempt {
  url: string;
  /** Host name or address dialled first: the proxy when one is configured, else the URL's host. */
  dial: string;
  port: number;
  proxy: boolean;
  /** Name server asked ('' when `dial` is an address). */
  server: string;
  /** Address `dial` resolved to, when it did. */
  address?: string;
  /** Where the attempt stops. */
  outcome: 'ok' | 'dns' | 'timeout' | 'no_reply' | 'certificate';
  reason: string;
}

/** Describes one attempt from the configuration and the verdict the agent acted on. */
export function describeHttpAttempt(ctx: NetContext, verdict: CssmVerdict, clockNotSet: boolean): HttpAttempt | undefined {
  const lic = ctx.config.license;
  const url = lic.smartUrl ?? lic.legacyUrl ?? DEFAULT_SMART_URL;
  const host = /^https?:\/\/([^/:]+)/.exec(url)?.[1] ?? url;
  const dial = lic.proxyAddress ?? host;
  const port = lic.proxyAddress ? lic.proxyPort ?? 80 : 443;
  const name = resolve(ctx, dial, lic.vrf ?? '');
  const failure = verdict.ok ? undefined : verdict.failure;
  if (failure === 'transport') return undefined; // not Smart: no HTTPS toward CSSM
  // TLS and CRL failures stop at the certificate check; an empty reply or a 407 after the request.
  const stage = { tls: 'certificate', crl: 'certificate', empty_response: 'no_reply', proxy_auth: 'no_reply' } as const;
  const outcome = failure ? (failure in stage ? stage[failure as keyof typeof stage] : failure as HttpAttempt['outcome']) : (clockNotSet ? 'certificate' : 'ok');
  const reason = failure && failure in stage ? COMM_FAILURE_REASON[failure]
    : outcome === 'certificate' ? 'certificate is not yet valid' : outcome === 'ok' ? 'OK' : COMM_FAILURE_REASON[outcome as 'dns' | 'timeout' | 'no_reply'];
  return { url, dial, port, proxy: !!lic.proxyAddress, server: name.server, address: name.ok ? name.address : undefined, outcome, reason };
}

type Step = readonly [DebugFlag, string];

/** The attempt as (flag, text) steps, in the order they happen on the wire. */
function steps(a: HttpAttempt): Step[] {
  const to = `${a.address ?? a.dial}:${a.port}`;
  const out: Step[] = [['http-client', `HTTPC: POST ${a.url}${a.proxy ? ` via proxy ${a.dial}:${a.port}` : ''}`]];
  if (a.server) out.push(['http-client', `HTTPC: resolving ${a.dial} (domain server ${a.server})`]);
  if (a.outcome === 'dns') {
    out.push(['http-client', `HTTPC: ip address lookup error for ${a.dial}: ${a.reason}`]);
    return out;
  }
  out.push(['http-client', `HTTPC: connecting to ${to}`]);
  if (a.outcome === 'timeout') {
    out.push(['http-client', `HTTPC: connect to ${to} failed: ${a.reason}`]);
    return out;
  }
  out.push(
    ['http-client', `HTTPC: connected to ${to}`],
    ['pki-transactions', 'CRYPTO_PKI: Session started - identity not specified'],
    ['ssl-states', 'SSL_connect:before SSL initialization'],
    ['ssl-states', 'SSL_connect:SSLv3/TLS write client hello'],
    ['ssl-states', 'SSL_connect:SSLv3/TLS read server hello'],
    ['ssl-states', 'SSL_connect:SSLv3/TLS read server certificate'],
    ['pki-messages', 'CRYPTO_PKI: validating the server certificate chain'],
  );
  if (a.outcome === 'certificate') {
    out.push(
      ['pki-messages', `CRYPTO_PKI: certificate validation failed: ${a.reason}`],
      ['ssl-errors', `SSL_connect:error: certificate verify failed (${a.reason})`],
      ['pki-transactions', 'CRYPTO_PKI: Session terminated'],
      ['http-client', `HTTPC: request to ${a.url} failed: TLS handshake failed`],
    );
    return out;
  }
  out.push(
    ['pki-messages', 'CRYPTO_PKI: certificate chain validated'],
    ['pki-transactions', 'CRYPTO_PKI: Session terminated'],
    ['ssl-states', 'SSL_connect:SSLv3/TLS write finished'],
    ['ssl-states', 'SSL_connect:SSL negotiation finished successfully'],
    ['http-client', 'HTTPC: request sent, waiting for the response'],
  );
  if (a.outcome === 'no_reply') {
    out.push(
      ['ssl-errors', `SSL_read:error: ${a.reason}`],
      ['http-client', `HTTPC: no response from server: ${a.reason}`],
    );
    return out;
  }
  out.push(['http-client', 'HTTPC: received response: 200 OK']);
  return out;
}

/** The lines the flags that are on print for this attempt (none when every debug is off). */
export function httpDebugLines(flags: ReadonlySet<DebugFlag>, attempt: HttpAttempt | undefined): string[] {
  if (!attempt || flags.size === 0) return [];
  return steps(attempt).filter(([flag]) => flags.has(flag)).map(([, text]) => text);
}
