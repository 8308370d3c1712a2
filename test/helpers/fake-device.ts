/**
 * A small in-memory IOS-like device for unit tests of slp/: a running-config of top-level lines
 * with IOS's rendering habits (hidden defaults, one `ip name-server` line per VRF, canonical
 * interface names), `show version` / `show running-config` / `show license status`, trust and
 * sync with syslog events, a revert timer, and a line it can be told to reject.
 *
 * It deliberately does not use slp/'s tables, so it cannot hide their mistakes.
 */
import { CommandRejectedError, DeviceTimeoutError, DisconnectedError } from '../../src/errors';
import { CommandResult, type CommandFailure, type ConfigureOptions, type Device, type DeviceEvent, type RunOptions } from '../../src/device/device';

const INVALID: CommandFailure = { indicator: '% Invalid input detected', line: "% Invalid input detected at '^' marker." };

export interface FakeDeviceOptions {
  platform?: string;
  version?: string;
  members?: number;
  config?: string[];
  /** Config lines containing this are answered with `% Invalid input`. */
  rejectLine?: string;
  /** This EXEC command is answered with `% Invalid input` (a release that lacks it). */
  rejectCommand?: string;
  /** The trust install answers COMM_FAILED with this reason instead of success. */
  trustFailure?: string;
  trusted?: boolean;
  /**
   * The session is lost at the first config line containing `line`: it is sent (onSent) but not
   * applied, and the session dies — dropped (DisconnectedError) or never answered (DeviceTimeoutError).
   */
  loseSessionAt?: { line: string; as: 'disconnect' | 'timeout' };
  /**
   * More single-valued settings this device accepts, by the words before the value
   * (`license smart custom_id`): for tests that add a setting the tool does not own.
   */
  extraSlots?: string[];
  /** Lines appended to `show license status`, computed from the running-config lines. */
  extraStatus?: (config: readonly string[]) => string[];
}

const IFACES: Record<string, string> = { vlan: 'Vlan', gi: 'GigabitEthernet', gigabitethernet: 'GigabitEthernet' };

function canonIface(name: string): string {
  const m = /^([A-Za-z]+)\s*(\d.*)$/.exec(name);
  return m ? `${IFACES[m[1]!.toLowerCase()] ?? m[1]}${m[2]}` : name;
}

export class FakeDevice implements Device {
  readonly info = { host: 'fake', prompt: 'Switch#', hostname: 'Switch' };
  config: string[];
  /** Every command received, as sent (the test checks secrets are flagged, not that they're absent). */
  readonly log: { command: string; secret: boolean; mode: 'exec' | 'config' }[] = [];
  trusted: boolean[];
  reportPushes = 0;
  /** The startup-config's lines; the config it starts with counts as saved. */
  saved: string[] | null;
  revert: { snapshot: string[] } | null = null;
  private events: DeviceEvent[] = [];

  constructor(readonly options: FakeDeviceOptions = {}) {
    this.config = [...(options.config ?? [])];
    this.saved = [...this.config];
    this.trusted = Array.from({ length: options.members ?? 1 }, () => options.trusted ?? false);
  }

  /** The session was lost or closed: every later call fails as on a dead SSH session. */
  closed = false;
  closeCalls = 0;

  /** A new session to the same switch (state carried over), as a reconnect would find it. */
  reopen(overrides: FakeDeviceOptions = {}): FakeDevice {
    const { loseSessionAt: _lost, ...rest } = this.options;
    const next = new FakeDevice({ ...rest, ...overrides, config: this.config });
    next.trusted = [...this.trusted];
    next.reportPushes = this.reportPushes;
    next.saved = this.saved;
    next.revert = this.revert;
    return next;
  }

  async run(command: string, options: RunOptions = {}): Promise<CommandResult> {
    if (this.closed) throw new DisconnectedError('fake', command);
    this.log.push({ command, secret: options.secret === true, mode: 'exec' });
    const output = command === this.options.rejectCommand ? undefined : this.exec(command);
    // A command it does not know is answered as IOS would: a failed result, not an exception.
    return output === undefined ? this.result(command, INVALID.line, INVALID) : this.result(command, output);
  }

  async configure(lines: readonly string[], options: ConfigureOptions = {}): Promise<CommandResult[]> {
    if (options.revertTimerMinutes) {
      if (!this.config.includes('archive')) throw new CommandRejectedError('fake', 'configure terminal revert timer', '% Archive not configured', '');
      this.revert = { snapshot: [...this.config] };
    }
    if (this.closed) throw new DisconnectedError('fake');
    const out: CommandResult[] = [];
    for (const line of lines) {
      options.onSent?.(line);
      this.log.push({ command: line, secret: false, mode: 'config' });
      const lost = this.options.loseSessionAt;
      if (lost && line.includes(lost.line)) {
        this.closed = true;
        throw lost.as === 'disconnect' ? new DisconnectedError('fake', line) : new DeviceTimeoutError('fake', 'config', 1000, line);
      }
      if (this.options.rejectLine && line.includes(this.options.rejectLine)) {
        throw new CommandRejectedError('fake', line, '% Invalid input detected', `${line}\n% Invalid input detected at '^' marker.`);
      }
      this.apply(line);
      out.push(this.result(line, ''));
    }
    return out;
  }

  drainEvents(): DeviceEvent[] {
    const e = this.events;
    this.events = [];
    return e;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.closeCalls++;
  }

  /** The revert timer fires (nobody confirmed). */
  expireRevertTimer(): void {
    if (this.revert) this.config = this.revert.snapshot;
    this.revert = null;
  }

  private result(command: string, output: string, failure?: CommandFailure): CommandResult {
    return new CommandResult({ host: 'fake', command, output, raw: output, startedAt: new Date(0), elapsedMs: 0, failure });
  }

  /** The output of an EXEC command; undefined for one this fake does not know. */
  private exec(command: string): string | undefined {
    if (command === 'show version') return this.showVersion();
    if (command === 'show running-config') return this.showRun();
    if (command === 'show license status') return this.showStatus();
    if (command === 'write memory') return void (this.saved = [...this.config]), 'Building configuration...\n[OK]';
    if (command === 'show startup-config') return this.saved === null ? 'startup-config is not present' : this.showRun(this.saved).replace(/^Building configuration\.\.\.\n\nCurrent configuration : \d+ bytes/, 'Using 1234 out of 2097152 bytes');
    if (command === 'configure confirm') {
      if (!this.revert) return '% No Rollback Confirmed Change pending';
      return void (this.revert = null), '';
    }
    if (command === 'license smart sync all') return void this.reportPushes++, '';
    const trust = /^license smart trust idtoken (\S+) (all|local)( force)?$/.exec(command);
    if (trust) {
      if (this.options.trustFailure) {
        this.event('SMART_LIC', 3, 'COMM_FAILED', `Communications failure with the Cisco Smart Software Manager (CSSM) : ${this.options.trustFailure}`);
      } else {
        this.trusted = this.trusted.map((t, i) => (trust[2] === 'all' || i === 0 ? true : t));
        this.event('SMART_LIC', 6, 'TRUST_INSTALL_SUCCESS', 'A new licensing trust code was successfully installed on P:C9300-48UN,S:FOC1.');
      }
      return '\n[OK]';
    }
    return undefined;
  }

  private event(facility: string, severity: number, mnemonic: string, message: string): void {
    const raw = `*Jan 24 23:19:05.144: %${facility}-${severity}-${mnemonic}: ${message}`;
    this.events.push({ timestamp: 'Jan 24 23:19:05.144', facility, severity, mnemonic, message, receivedAt: new Date(0), raw });
  }

  /** IOS semantics for the handful of lines SLP uses. */
  private apply(raw: string): void {
    let line = raw.trim().replace(/\s+/g, ' ').replace(/^ip domain-name /, 'ip domain name ');
    line = line.replace(/source-interface (\S+)$/, (_m, i: string) => `source-interface ${canonIface(i)}`);
    const no = line.startsWith('no ');
    const body = no ? line.slice(3) : line;
    const ns = /^ip name-server ((?:vrf \S+ )?)(\S+)$/.exec(body);
    if (ns) {
      const prefix = `ip name-server ${ns[1]}`;
      const i = this.config.findIndex((l) => l.startsWith(prefix) && (ns[1] || !l.startsWith('ip name-server vrf ')));
      const list = i >= 0 ? this.config[i]!.slice(prefix.length).split(' ') : [];
      const next = no ? list.filter((s) => s !== ns[2]) : list.includes(ns[2]!) ? list : [...list, ns[2]!];
      const rendered = next.length ? `${prefix}${next.join(' ')}` : null;
      if (i >= 0) this.config.splice(i, 1, ...(rendered ? [rendered] : []));
      else if (rendered) this.config.push(rendered);
      return;
    }
    if (body === 'ip domain lookup') {
      this.config = this.config.filter((l) => l !== 'no ip domain lookup');
      if (no) this.config.push('no ip domain lookup');
      return;
    }
    // The setting a line fills: everything but its last word (`license smart proxy port 80`).
    const slot = (l: string): string => l.replace(/ \S+$/, '');
    const isSlot = (l: string): boolean => /^(license smart (transport|url( smart| cslu)?|proxy address|proxy port|vrf|usage interval) |ip http client source-interface |ip domain lookup (vrf \S+ )?source-interface |ip domain name (vrf \S+ )?)/.test(`${l} `);
    if (line === 'no archive') {
      const at = this.config.indexOf('archive');
      if (at >= 0) {
        let end = at + 1;
        while (end < this.config.length && this.config[end]!.startsWith(' ')) end++;
        this.config.splice(at, end - at);
      }
      return;
    }
    if (no) {
      this.config = this.config.filter((l) => !(l === body || l.startsWith(`${body} `)));
      return;
    }
    if (body === 'archive' || body.startsWith('path ') || body.startsWith('maximum ')) {
      if (body === 'archive') this.config.push('archive');
      else this.config.push(` ${body}`);
      return;
    }
    const extra = (this.options.extraSlots ?? []).some((p) => body.startsWith(`${p} `));
    if (!isSlot(body) && !extra) throw new Error(`fake device does not know "${body}"`);
    const url = /^license smart url (?:smart )?(\S+)$/.exec(body);
    if (url) {
      this.config = this.config.filter((l) => !/^license smart url (smart \S+|default)$/.test(l));
      // IOS hides the default URL.
      if (url[1] !== 'default') this.config.push(`license smart url smart ${url[1]}`);
      return;
    }
    this.config = this.config.filter((l) => slot(l) !== slot(body));
    // IOS hides the default transport.
    if (body !== 'license smart transport cslu') this.config.push(body);
  }

  private showVersion(): string {
    const p = this.options.platform ?? 'C9300-48UN';
    const v = this.options.version ?? '17.09.04';
    return [
      `Cisco IOS XE Software, Version ${v}`,
      `Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version ${v}, RELEASE SOFTWARE (fc1)`,
      'Switch uptime is 1 hour, 2 minutes',
      `cisco ${p} (X86) processor with 1333273K/6147K bytes of memory.`,
      'Processor board ID FOC2345X0AB',
    ].join('\n');
  }

  private showRun(config: readonly string[] = this.config): string {
    const body = ['hostname Switch', '!', ...config, '!', 'license boot level network-advantage addon dna-advantage', '!', 'end'];
    return ['Building configuration...', '', `Current configuration : ${body.join('\n').length} bytes`, '!', ...body].join('\n');
  }

  private showStatus(): string {
    const get = (prefix: string): string | undefined =>
      this.config.find((l) => l.startsWith(prefix))?.slice(prefix.length);
    const transport = get('license smart transport ') ?? 'cslu';
    const proxy = get('license smart proxy address ');
    const port = get('license smart proxy port ');
    const lines = ['Smart Licensing Using Policy:', '  Status: ENABLED', '', 'Transport:'];
    if (transport === 'smart') {
      lines.push('  Type: Smart', `  URL: ${get('license smart url smart ') ?? 'https://smartreceiver.cisco.com/licservice/license'}`);
    } else {
      lines.push(`  Type: ${transport}`, '  Cslu address: <empty>');
    }
    lines.push('  Proxy:', ...(proxy ? [`    Address: ${proxy}`, `    Port: ${port ?? '<empty>'}`] : ['    Not Configured']));
    lines.push(`  VRF: ${get('license smart vrf ') ?? '<empty>'}`, '', 'Usage Reporting:', '  Last ACK received: <none>');
    lines.push(`  Last report push: ${this.reportPushes ? `Jan 24 23:2${this.reportPushes}:00 2025 UTC` : '<none>'}`, '');
    if (this.trusted.every((t) => !t)) lines.push('Trust Code Installed: <none>');
    else if (this.trusted.length === 1) lines.push('Trust Code Installed: Jan 24 23:19:05 2025 UTC');
    else {
      lines.push('Trust Code Installed:');
      this.trusted.forEach((t, i) => {
        lines.push(`  ${i === 0 ? 'Active' : 'Member'}: PID:C9300-48UN,SN:FOC${i}`, `    ${t ? 'INSTALLED on Jan 24 23:19:05 2025 UTC' : 'NOT INSTALLED'}`);
      });
    }
    lines.push(...(this.options.extraStatus?.(this.config) ?? []));
    return lines.join('\n');
  }
}
