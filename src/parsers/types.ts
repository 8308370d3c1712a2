/**
 * Shapes shared by every parser. A parser is a pure function `text → ParseResult<T>`: it never
 * throws; what it cannot read becomes a warning, and the value keeps what it did understand.
 */

/** One IOS syslog line (`*Jan 24 23:19:05.144: %SMART_LIC-6-TRUST_INSTALL_SUCCESS: …`). */
export interface SyslogMessage {
  /** The device's timestamp text as printed, without the `*`/`.` sync marker (may lack a year). */
  timestamp: string;
  /** `*` = clock not authoritative, `.` = lost NTP sync, `` = synchronised. */
  clockMarker: '*' | '.' | '';
  facility: string;
  severity: number;
  mnemonic: string;
  message: string;
  /** The whole line, as received (trailing spaces removed). */
  raw: string;
}

/** What every parser returns: the value it understood, plus what it did not. */
export interface ParseResult<T> {
  value: T;
  /** Lines or values the parser did not understand, in reading order, for humans. */
  warnings: string[];
  /** Syslog lines that were interleaved in the output and lifted out before parsing. */
  syslog: SyslogMessage[];
}

/** Every parser has this signature; the registry maps a command name to one. */
export type Parser<T> = (text: string) => ParseResult<T>;

/** `PID:C9300-48UN,SN:FOC2345X0AB` split into its parts. */
export interface Udi {
  pid: string;
  sn: string;
}

/** Role of a stack / HA member as IOS licensing prints it. */
export type MemberRole = 'Active' | 'Standby' | 'Member';
