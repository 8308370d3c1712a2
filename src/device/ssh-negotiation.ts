/**
 * What the two sides of an SSH handshake offered, read from ssh2's debug lines, and which
 * algorithm class found nothing in common. Pure: transport.ts feeds the lines and formats the
 * error. ssh2 logs each class's local and remote lists before it checks that class, so the
 * class that failed is always known, also when the server hangs up instead of saying why.
 */

export type AlgorithmClass = 'kex' | 'host key' | 'cipher' | 'MAC';

/** The inventory variable that lists each class (README's inventory table). */
export const CLASS_VARIABLE: Record<AlgorithmClass, string> = {
  kex: 'slp_ssh_kex',
  'host key': 'slp_ssh_host_key_algorithms',
  cipher: 'slp_ssh_ciphers',
  MAC: 'slp_ssh_macs',
};

// ssh2 1.x kex.js: `Handshake: (local) KEX method: a,b` … `(remote) C->S MAC: …`.
const LIST_LINE = /^Handshake: \((local|remote)\) (KEX method|Host key format|C->S cipher|C->S MAC): (.*)$/;
const CLASS_OF: Record<string, AlgorithmClass> = {
  'KEX method': 'kex',
  'Host key format': 'host key',
  'C->S cipher': 'cipher',
  'C->S MAC': 'MAC',
};
const ORDER: readonly AlgorithmClass[] = ['kex', 'host key', 'cipher', 'MAC'];

export interface Negotiation {
  /** The server's identification line (`SSH-1.99-Cisco-1.25`), once seen. */
  serverIdent?: string;
  local: Partial<Record<AlgorithmClass, string[]>>;
  remote: Partial<Record<AlgorithmClass, string[]>>;
}

export function emptyNegotiation(): Negotiation {
  return { local: {}, remote: {} };
}

/** Folds one ssh2 debug line into `n` (ignores every other line). */
export function noteDebugLine(n: Negotiation, line: string): void {
  // ssh2 logs every packet of the session (`Inbound: …`, `Outbound: …`): skip them before any regex.
  if (!line.startsWith('Handshake: ') && !line.startsWith('Remote ident: ')) return;
  const ident = /^Remote ident: '(.*)'$/.exec(line);
  if (ident) n.serverIdent = ident[1]!.replace(/\\r\\n$|\\n$/, '').trimEnd();
  const m = LIST_LINE.exec(line);
  if (!m) return;
  const list = m[3]!.split(',').filter((a) => a !== '');
  (m[1] === 'local' ? n.local : n.remote)[CLASS_OF[m[2]!]!] = list;
}

export interface Mismatch {
  algorithmClass: AlgorithmClass;
  /** What the server offered for that class. */
  offered: string[];
}

/**
 * The first class, in handshake order, where the server's list shares nothing with ours. The
 * pseudo-algorithms (`ext-info-c`, `kex-strict-…`) are signals, not choices, and are ignored.
 */
export function firstMismatch(n: Negotiation): Mismatch | undefined {
  for (const c of ORDER) {
    const ours = n.local[c]?.filter((a) => !/^(ext-info-|kex-strict-)/.test(a));
    const theirs = n.remote[c];
    if (!ours || !theirs) return undefined;
    if (!theirs.some((a) => ours.includes(a))) return { algorithmClass: c, offered: theirs.filter((a) => !/^(ext-info-|kex-strict-)/.test(a)) };
  }
  return undefined;
}

/** `kex: the server offers a, b; set slp_ssh_legacy: true or list slp_ssh_kex`. */
export function describeMismatch(m: Mismatch, legacyOn: boolean): string {
  const fix = legacyOn
    ? `list what it offers in ${CLASS_VARIABLE[m.algorithmClass]}`
    : `set slp_ssh_legacy: true for old images, or list ${CLASS_VARIABLE[m.algorithmClass]}`;
  return `no ${m.algorithmClass} algorithm in common; the server offers ${m.offered.join(', ') || '(nothing)'} (${fix})`;
}
