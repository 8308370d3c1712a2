/**
 * Which configured values IOS XE hides in running-config because they equal the default.
 * Reference §1.2: `ip domain lookup` is on by default and hidden (only `no ip domain lookup`
 * shows); `license smart transport cslu` is the SLP default and hidden. Whether
 * `license smart url default` is printed is unconfirmed (§8 item 2): it is printed here, which is
 * what keeps a plain ios_config push of that line idempotent. Flip a row to change the behaviour.
 */
export interface DefaultRule {
  /** The line as IOS would print it when not hidden. */
  line: string;
  /** true = hidden in running-config when this is the configured value. */
  hidden: boolean;
  why: string;
}

export const DEFAULT_RULES = {
  ipDomainLookup: { line: 'ip domain lookup', hidden: true, why: 'IOS default; only the no form is shown' },
  transportCslu: { line: 'license smart transport cslu', hidden: true, why: 'SLP default transport' },
  urlDefault: { line: 'license smart url default', hidden: false, why: 'unconfirmed on 17.9; printed as typed' },
} satisfies Record<string, DefaultRule>;
