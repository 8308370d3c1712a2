/**
 * One simulated switch: identity (platform, members, version), configuration (running + startup),
 * clock, licensing agent, syslog buffer and the config-archive/revert machinery. Sessions share it.
 * Built lazily by the fleet, so a thousand idle devices cost little more than their listeners.
 */
import { SimClock } from './sim-clock';
import { cloneConfig, newInterface, type DeviceConfig } from './device-config';
import { platformFor, type Platform } from './platforms';
import { renderRunningConfig, renderStartupConfig, type ConfigIdentity } from './render-running-config';
import { initialLicensingState, type LicensingState } from './licensing-state';
import { CSLU_FAILURE, CSLU_RETRY_MS, LicensingAgent } from './licensing-agent';
import { syslogDate } from './format-time';
import { DEFAULT_LAB, type SimDeviceSpec, type SimFaults, type SimLab, type SimMember } from './types';
import type { CssmVerdict, NetContext } from './network-model';
import type { DebugFlag } from './debug-commands';
import { describeHttpAttempt, httpDebugLines } from './debug-trace';

export interface DeviceOptions {
  asyncDelayMs: number;
  startTime?: number;
}

const DEFAULT_INTERFACES = ['Vlan10', 'GigabitEthernet0/0'];

function serialFor(name: string, i: number): string {
  let h = 0;
  for (const ch of `${name}#${i}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const alnum = h.toString(36).toUpperCase().padStart(5, '0').slice(-5);
  return `FOC${2300 + (h % 50)}${alnum}`.slice(0, 11);
}

export class SimDevice {
  readonly clock: SimClock;
  readonly platform: Platform;
  readonly members: SimMember[];
  readonly version: string;
  readonly faults: SimFaults;
  readonly lab: Required<SimLab>;
  readonly bootTime: number;
  readonly agent: LicensingAgent;
  running: DeviceConfig;
  startup: DeviceConfig;
  lastChange: { at: number; by: string };
  licensing: LicensingState;
  /** Syslog buffer (`show logging`), newest last, bounded. */
  readonly logBuffer: string[] = [];
  private monitors = new Set<(line: string) => void>();
  archive: DeviceConfig[] = [];
  revert?: { timer: { cancel(): void }; snapshot: DeviceConfig; deadline: number };
  readonly flash = new Map<string, number>();
  readonly captures = new Map<string, { iface?: string; match?: string; running: boolean; packets: number }>();
  reloads = 0;
  /** Debugs turned on (`debug …`); device-wide as on IOS, cleared by `undebug all` and reload. */
  readonly debugs = new Set<DebugFlag>();
  /** Open CLI sessions and the mode each is in (tests check that no switch is left in config mode). */
  readonly sessions = new Set<{ readonly mode: string }>();
  /** How each closed session ended: its mode, and whether the client or the device closed it. */
  readonly closedSessions: { mode: string; by: 'client' | 'device' }[] = [];
  /** Lines entered at the CLI over all sessions; each one costs `latency_ms` (the benchmark's floor). */
  linesEntered = 0;
  /** `disconnect_after_commands` has cut a session; it fires once per switch. */
  sessionDropped = false;

  constructor(readonly spec: SimDeviceSpec, readonly options: DeviceOptions) {
    const sim = spec.sim ?? {};
    this.faults = sim.faults ?? {};
    this.clock = new SimClock(this.faults.clock_not_set ? Date.UTC(1993, 2, 1, 0, 0, 0) : options.startTime);
    this.bootTime = this.clock.now() - 3 * 60_000;
    this.version = sim.version ?? '17.09.04';
    const active = sim.platform ?? 'C9300-48UN';
    if (Array.isArray(sim.members)) this.members = sim.members.map((m) => ({ ...m }));
    else {
      const n = Math.min(8, Math.max(1, sim.members ?? 1));
      this.members = Array.from({ length: n }, (_, i) => ({ pid: active, serial: i === 0 && sim.serial ? sim.serial : serialFor(spec.name, i) }));
    }
    this.platform = platformFor(this.members[0].pid);
    const lab = spec.lab ?? {};
    this.lab = {
      dns_servers: lab.dns_servers ?? DEFAULT_LAB.dns_servers,
      proxy: lab.proxy ?? DEFAULT_LAB.proxy,
      proxy_required: lab.proxy_required ?? DEFAULT_LAB.proxy_required,
      cssm_hosts: lab.cssm_hosts ?? DEFAULT_LAB.cssm_hosts,
      subnets: lab.subnets ?? DEFAULT_LAB.subnets,
    };
    this.running = this.factoryConfig();
    this.startup = cloneConfig(this.running);
    this.lastChange = { at: this.bootTime, by: spec.credentials.username };
    this.licensing = initialLicensingState(this.members.length, this.bootTime);
    this.agent = new LicensingAgent({
      clock: this.clock,
      members: this.members,
      faults: this.faults,
      asyncDelayMs: spec.sim?.async_delay_ms ?? options.asyncDelayMs,
      softwareFamily: this.platform.softwareIdFamily,
      hostname: () => this.running.hostname,
      netContext: () => this.netContext(),
      syslog: (m) => this.syslog(m),
      httpAttempt: (verdict, clockNotSet) => this.debugHttp(verdict, clockNotSet),
      state: () => this.licensing,
    });
    if (sim.cslu_failures_hours !== undefined) {
      // The hours of CSLU failures a default switch has logged before anyone logs in.
      for (let h = sim.cslu_failures_hours; h >= 1; h--) {
        this.logBuffer.push(`${this.clockUnsynced() ? '*' : ''}${syslogDate(this.clock.now() - h * CSLU_RETRY_MS)}: ${CSLU_FAILURE}`);
      }
      this.agent.startCsluDiscovery();
    }
  }

  /** Factory configuration: interfaces from `sim.interfaces` addressed from the lab. */
  private factoryConfig(): DeviceConfig {
    const sim = this.spec.sim ?? {};
    const cfg: DeviceConfig = {
      hostname: sim.hostname ?? 'Switch',
      enableSecret: this.spec.credentials.enableSecret,
      username: { name: this.spec.credentials.username, secret: this.spec.credentials.password },
      bannerMotd: sim.motd,
      license: { urlDefault: false },
      dns: { lookup: true, lookupSource: {}, nameServers: {}, domainName: {} },
      vrfs: ['Mgmt-vrf'],
      interfaces: { Vlan1: { ...newInterface(), shutdown: true } },
      loggingMonitor: true,
      ...(sim.vty_transport_output ? { vtyTransportOutput: sim.vty_transport_output } : {}),
    };
    if (sim.profile === 'hardened') {
      // A common hardening baseline: no syslog on vty sessions, no outbound connections from them.
      cfg.loggingMonitor = false;
      cfg.vtyTransportOutput = 'none';
    }
    for (const name of sim.interfaces ?? DEFAULT_INTERFACES) {
      const net = this.lab.subnets[name];
      const c = newInterface();
      if (net) {
        c.ip = { address: net.address, mask: net.mask };
        if (net.vrf) c.vrf = net.vrf;
      }
      cfg.interfaces[name] = c;
    }
    return cfg;
  }

  identity(): ConfigIdentity {
    return { platform: this.platform, version: this.version, members: this.members, lastChange: this.lastChange };
  }

  netContext(): NetContext {
    return { config: this.running, lab: this.lab, faults: this.faults };
  }

  runningConfigText(withDefaults = false): string {
    return renderRunningConfig(this.running, this.identity(), withDefaults);
  }

  startupConfigText(): string {
    return renderStartupConfig(this.startup, this.identity());
  }

  /** True when the clock has no authoritative source (`*` in syslog stamps and show clock). */
  clockUnsynced(): boolean {
    return !!this.faults.clock_not_set;
  }

  syslog(message: string): void {
    const line = `${this.clockUnsynced() ? '*' : ''}${syslogDate(this.clock.now())}: ${message}`;
    this.logBuffer.push(line);
    if (this.logBuffer.length > 200) this.logBuffer.shift();
    if (!this.reachesMonitors(message)) return;
    for (const m of this.monitors) m(line);
  }

  /**
   * `no logging monitor` sends nothing to a vty even with `terminal monitor`; `logging monitor
   * warnings` only severities 0–4 (so TRUST_INSTALL_SUCCESS, severity 6, never shows). Standard
   * IOS logging; debug lines count as severity 7 [I].
   */
  private reachesMonitors(message: string): boolean {
    if (!this.running.loggingMonitor) return false;
    const severity = Number(/^%[A-Z0-9_]+-(\d)-/.exec(message)?.[1] ?? 7);
    return severity <= (this.running.loggingMonitorLevel ?? 7);
  }

  /** Debug lines for one HTTPS attempt toward CSSM: stamped and delivered like syslog (buffer + monitor). */
  private debugHttp(verdict: CssmVerdict, clockNotSet: boolean): void {
    // crl_fetch_fail: PKI logs the failed download at each TLS attempt [I for the text].
    if (!verdict.ok && verdict.failure === 'crl') this.syslog('%PKI-3-CRL_FETCH_FAIL: CRL fetch for trustpoint SLA-TrustPoint failed');
    if (this.debugs.size === 0) return;
    for (const line of httpDebugLines(this.debugs, describeHttpAttempt(this.netContext(), verdict, clockNotSet))) this.syslog(line);
  }

  onSyslog(listener: (line: string) => void): () => void {
    this.monitors.add(listener);
    return () => this.monitors.delete(listener);
  }

  markChanged(by: string): void {
    this.lastChange = { at: this.clock.now(), by };
  }

  saveConfig(): void {
    this.startup = cloneConfig(this.running);
  }

  /** `configure terminal revert timer N`: snapshot now, roll back unless confirmed in time. */
  startRevertTimer(minutes: number, by: string): void {
    this.revert?.timer.cancel();
    const snapshot = cloneConfig(this.running);
    this.archive.push(snapshot);
    const ms = minutes * 60_000;
    const timer = this.clock.setTimer(ms, () => {
      this.running = cloneConfig(snapshot);
      this.revert = undefined;
      this.markChanged(by);
      this.syslog('%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_ROLLBACK_START: Start rollback to: flash:archive-Switch-1');
      this.syslog('%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_TIMER_EXPIRED: The rollback timer has expired');
    });
    this.revert = { timer, snapshot, deadline: this.clock.now() + ms };
  }

  confirmRevert(): boolean {
    if (!this.revert) return false;
    this.revert.timer.cancel();
    this.revert = undefined;
    this.syslog('%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_CONFIRM: User: confirmed the configuration changes');
    return true;
  }

  /** `reload`: running config becomes startup config; licensing state survives except a factory reset. */
  reload(): void {
    this.reloads++;
    this.debugs.clear();
    this.revert?.timer.cancel();
    this.revert = undefined;
    this.running = cloneConfig(this.startup);
  }

  stop(): void {
    this.agent.stop();
    this.revert?.timer.cancel();
    this.clock.cancelAll();
    this.monitors.clear();
  }
}
