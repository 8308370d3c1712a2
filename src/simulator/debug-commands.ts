/**
 * The troubleshooting guide's debugs (seed step 6) as one table: the words after `debug`, what IOS
 * answers when one is turned on or off, and how `show debugging` lists it. Debug flags are per
 * device (as on IOS, not per session); what each flag makes the device print lives in
 * `debug-trace.ts`.
 *
 * Wording: `HTTP Client all debugging is on` and `All possible debugging has been turned off` are
 * IOS's; the Crypto PKI `Msg`/`Trans` forms are classic IOS wording; the SSL openssl texts and the
 * `show debugging` section titles are placeholders [I] (no real capture in shared/).
 */
import type { CommandTree } from './command-tree';
import type { Handler, SessionApi } from './command-types';

export type DebugFlag = 'http-client' | 'ssl-states' | 'ssl-errors' | 'pki-messages' | 'pki-transactions';

interface DebugRow {
  flag: DebugFlag;
  /** Words after `debug` / `undebug` / `no debug`. */
  words: string;
  /** `<name> debugging is on|off`. */
  name: string;
  /** `show debugging` section title. */
  section: string;
}

export const DEBUG_TABLE: readonly DebugRow[] = [
  { flag: 'http-client', words: 'ip http client all', name: 'HTTP Client all', section: 'HTTP Client' },
  { flag: 'ssl-states', words: 'ssl openssl states', name: 'SSL openssl states', section: 'SSL' }, // [I]
  { flag: 'ssl-errors', words: 'ssl openssl errors', name: 'SSL openssl errors', section: 'SSL' }, // [I]
  { flag: 'pki-messages', words: 'crypto pki messages', name: 'Crypto PKI Msg', section: 'Crypto PKI' },
  { flag: 'pki-transactions', words: 'crypto pki transactions', name: 'Crypto PKI Trans', section: 'Crypto PKI' },
];

export const ALL_DEBUGS_OFF = 'All possible debugging has been turned off\n';

/** `show debugging`: one section per facility with a flag on; nothing when every debug is off. */
function renderShowDebugging(flags: ReadonlySet<DebugFlag>): string {
  const out: string[] = [];
  for (const row of DEBUG_TABLE) {
    if (!flags.has(row.flag)) continue;
    if (!out.includes(`${row.section}:`)) out.push(`${row.section}:`);
    out.push(`  ${row.name} debugging is on`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Registers `debug …`, `undebug …`, `no debug …`, `undebug all`, `no debug all`, `show debugging`. */
export function debugCommands(t: CommandTree<Handler>): void {
  const set = (on: boolean, row: DebugRow): Handler => (s: SessionApi) => {
    if (on) s.device.debugs.add(row.flag);
    else s.device.debugs.delete(row.flag);
    return `${row.name} debugging is ${on ? 'on' : 'off'}\n`;
  };
  for (const row of DEBUG_TABLE) {
    t.add(`debug ${row.words}`, set(true, row));
    t.add(`undebug ${row.words}`, set(false, row));
    t.add(`no debug ${row.words}`, set(false, row));
  }
  const allOff: Handler = (s) => (s.device.debugs.clear(), ALL_DEBUGS_OFF);
  t.add('undebug all', allOff);
  t.add('no debug all', allOff);
  t.add('show debugging', (s) => renderShowDebugging(s.device.debugs));
}
