/**
 * Secrets an IOS running-config carries besides the tool's own, masked where IOS puts them: the
 * value only, so the line stays and a diff of two backups still reads. Pure and line-based: each
 * rule anchors at the start of a config line (after an optional prompt, for transcripts that show
 * the echo), so a host name such as `sw-password-01` elsewhere in a line never matches.
 *
 * Sources: IOS XE command references for each command below; type digits 0/5/6/7/8/9 as IOS
 * writes them (`password 7 0822455D0A16`, `secret 9 $9$…`).
 */
export const MASK = '***';

// A prompt before the line, as a transcript shows the echo (`sw1(config)#enable secret …`).
const LINE = String.raw`^(?:[\w.\-@/:+]{1,63}(?:\([\w.\-]{1,40}\))?[#>])?[ \t]*`;
const TYPE = String.raw`(?:[0-9][ \t]+)?`;

/** One kind of secret: a regex (flags gm) whose whole match is the value to mask. */
export interface ConfigSecretRule {
  name: string;
  pattern: RegExp;
}

/**
 * The value after `before`. TYPE is optional, so where a type digit (or `level N`) may stand,
 * the lookahead keeps the match off it: the value is the token after the type, not the type (nor `local`/`remote`).
 */
const rule = (name: string, before: string): ConfigSecretRule => ({
  name,
  pattern: new RegExp(`(?<=${LINE}${before})(?!(?:[0-9]|level|local|remote)[ \\t]+\\S)\\S+`, 'gm'),
});

export const CONFIG_SECRET_RULES: readonly ConfigSecretRule[] = [
  // enable secret 9 …, enable password 7 …, and `password 7 …` under `line vty`
  rule('enable/line password or secret', String.raw`(?:enable[ \t]+)?(?:secret|password)[ \t]+(?:level[ \t]+\d+[ \t]+)?${TYPE}`),
  // username admin privilege 15 [algorithm-type scrypt] secret 9 …
  rule('username password or secret', String.raw`username[ \t]+\S+(?:[ \t]+\S+)*?[ \t]+(?:secret|password)[ \t]+${TYPE}`),
  rule('SNMP community', String.raw`snmp-server[ \t]+community[ \t]+`),
  // snmp-server user u g v3 auth sha <auth> priv aes 128 <priv>
  rule('SNMPv3 auth key', String.raw`snmp-server[ \t]+user[ \t]+.*?[ \t]auth[ \t]+\S+[ \t]+`),
  rule('SNMPv3 priv key', String.raw`snmp-server[ \t]+user[ \t]+.*?[ \t]priv[ \t]+(?:3des|des|aes[ \t]+\d+)[ \t]+`),
  // key chain: key-string 7 …; tacacs/radius server sub-mode: key 7 … (`key 1` alone is a key id)
  rule('key-string', String.raw`key-string[ \t]+${TYPE}`),
  rule('server key', String.raw`key[ \t]+[0-9][ \t]+`),
  rule('TACACS+/RADIUS key', String.raw`(?:tacacs-server|radius-server)[ \t]+(?:host[ \t]+\S+[ \t]+(?:\S+[ \t]+)*?)?key[ \t]+${TYPE}`),
  rule('AAA server-private key', String.raw`server-private[ \t]+\S+[ \t]+(?:\S+[ \t]+)*?key[ \t]+${TYPE}`),
  rule('crypto isakmp key', String.raw`crypto[ \t]+isakmp[ \t]+key[ \t]+${TYPE}`),
  rule('pre-shared-key', String.raw`pre-shared-key[ \t]+(?:local[ \t]+|remote[ \t]+)?${TYPE}`),
  // ntp authentication-key 1 md5 <value> [7]
  rule('NTP authentication key', String.raw`ntp[ \t]+authentication-key[ \t]+\d+[ \t]+\S+[ \t]+`),
];

/** Every rule needs one of these words; most command output has none. */
const WORDS = /secret|password|community|key|snmp-server/i;

/** `text` with every known config secret's value replaced by MASK, line for line. */
export function maskConfigSecrets(text: string): string {
  if (!WORDS.test(text)) return text;
  // The rules never cross a line, so only the lines with one of the words are scanned: over a
  // whole running-config the look-behinds were a tenth of the runner's CPU (bench/README.md).
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!WORDS.test(line)) continue;
    let out = line;
    for (const r of CONFIG_SECRET_RULES) out = out.replace(r.pattern, (v) => (v === MASK ? v : MASK));
    if (out !== line) {
      lines[i] = out;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}
