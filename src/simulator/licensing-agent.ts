/**
 * The SLP state machine: trust install, sync, periodic RUM reporting and factory reset, on the
 * simulated clock. Each action records its REQUEST at once, then lands its result after
 * `asyncDelayMs` of real time (so a client's "wait until" logic is exercised), updating counters,
 * history, event log and syslog the way reference §2 and the seed's timeline describe.
 */
import type { SimClock } from './sim-clock';
import type { SimFaults, SimMember } from './types';
import { cssmReachable, COMM_FAILURE_REASON, type CssmVerdict, type NetContext } from './network-model';
import { initialLicensingState, type CommCategory, type HistoryCategory, type HistoryEntry, type LicensingState } from './licensing-state';
import { requestJson, responseJson } from './history-json';

const DAY = 86_400_000;
const TRUST_SYNC_AFTER_MS = 45_000; // seed: trust installed 23:19:05, first Trust Sync OK 23:19:50
const RETRY_AFTER_MS = 30_000; // seed: a failed trust request is re-sent 30 s later
const MAX_RETRIES = 3;
/** Real capture syslog-smart-lic/01: a default switch's CSLU failures come every ~60 min 9 s. */
export const CSLU_RETRY_MS = 3_609_000;
export const CSLU_FAILURE = '%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name';
/** The lab's accepted token alphabet (contracts §4) plus `%`, since real tokens are URL-encoded. */
const TOKEN_RE = /^[A-Za-z0-9+/=._%-]{20,2048}$/;

export interface LicensingHost {
  readonly clock: SimClock;
  readonly members: SimMember[];
  readonly faults: SimFaults;
  readonly asyncDelayMs: number;
  readonly softwareFamily: string;
  hostname(): string;
  netContext(): NetContext;
  /** Emits a syslog message (`%FAC-SEV-MNEMONIC: text`) to the buffer and monitoring sessions. */
  syslog(message: string): void;
  /** One HTTPS attempt toward CSSM landed with this verdict (for the debugs that are on). */
  httpAttempt(verdict: CssmVerdict, clockNotSet: boolean): void;
  state(): LicensingState;
}

const udi = (m: SimMember): string => `P:${m.pid},S:${m.serial}`;

export class LicensingAgent {
  private timers: Array<{ cancel(): void }> = [];
  private reportTimer?: { cancel(): void };

  constructor(private readonly host: LicensingHost) {}

  stop(): void {
    for (const t of this.timers) t.cancel();
    this.timers = [];
    this.reportTimer?.cancel();
  }

  private later(fn: () => void): void {
    const t = setTimeout(fn, this.host.asyncDelayMs);
    t.unref();
    this.timers.push({ cancel: () => clearTimeout(t) });
  }

  private simTimer(ms: number, fn: () => void): void {
    this.timers.push(this.host.clock.setTimer(ms, fn));
  }

  private nonce(): string {
    const s = this.host.state();
    s.nonce = (s.nonce * 48271 + 11) % 2_147_483_647;
    return String(1_000_000_000_000 + s.nonce * 3_000);
  }

  private event(text: string): void {
    this.host.state().events.push({ at: this.host.clock.now(), text });
  }

  private record(cat: CommCategory, ok: boolean, token: string, reason?: string, comm = true): void {
    const st = this.host.state().stats[cat];
    const now = this.host.clock.now();
    st.total++;
    if (ok) {
      st.success++;
      st.ongoingOverall = 0;
      st.ongoingComm = 0;
      st.lastSuccess = now;
      st.failureReason = undefined;
    } else {
      st.fail++;
      st.ongoingOverall++;
      if (comm) st.ongoingComm++;
      st.lastFailure = now;
      st.failureReason = reason;
    }
    st.lastResponse = { token, at: now };
  }

  private commFailed(reason: string): void {
    const s = this.host.state();
    this.event(`SAEVT_COMM_FAIL error="${reason}"`);
    this.host.syslog(`%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : ${reason}`);
    s.commFailing = true;
  }

  private commOk(): void {
    const s = this.host.state();
    if (s.commFailing) {
      this.event('SAEVT_COMM_RESTORED');
      this.host.syslog('%SMART_LIC-5-COMM_RESTORED: Communications with the Cisco Smart Software Manager (CSSM) restored');
    }
    s.commFailing = false;
  }

  private addRequest(cat: HistoryCategory, request: string): HistoryEntry {
    const entry: HistoryEntry = { requestAt: this.host.clock.now(), request };
    this.host.state().history[cat].push(entry);
    return entry;
  }

  /**
   * A factory-default switch looks for a CSLU every hour; with no CSLU address and no `cslu-local`
   * name it fails and says so (real capture syslog-smart-lic/01). Nothing is logged once the
   * transport is something else; the schedule keeps running, as the agent's does [I].
   */
  startCsluDiscovery(): void {
    this.simTimer(CSLU_RETRY_MS, () => {
      const lic = this.host.netContext().config.license;
      if ((lic.transport ?? 'cslu') === 'cslu' && !lic.csluUrl) {
        this.event('SAEVT_COMM_FAIL error="Unable to resolve server hostname/domain name"');
        this.record('Hello Message', false, 'NO REPLY', 'Unable to resolve server hostname/domain name');
        this.host.syslog(CSLU_FAILURE);
      }
      this.startCsluDiscovery();
    });
  }

  /** `license smart trust idtoken TOKEN {local|all} [force]`. Returns the immediate CLI reply. */
  trustInstall(token: string, scope: 'local' | 'all', force: boolean): string {
    this.attemptTrust(token, scope, force, 0);
    return '\n[OK]';
  }

  private targets(scope: 'local' | 'all'): number[] {
    return scope === 'all' ? this.host.members.map((_, i) => i) : [0];
  }

  private attemptTrust(token: string, scope: 'local' | 'all', force: boolean, attempt: number): void {
    const s = this.host.state();
    const idx = this.targets(scope);
    const active = this.host.members[0];
    if (!force && idx.every((i) => s.trust[i].state === 'installed')) {
      // NXOS-TS: without `force` an existing trust code is kept and the install fails [I for the text].
      this.later(() => this.host.syslog(`%SMART_LIC-3-TRUST_CODE_INSTALL_FAILED: The install of a new licensing trust code has failed on ${udi(active)}: Trust code already installed, use force to overwrite.`));
      return;
    }
    const nonce = this.nonce();
    const at = this.host.clock.now();
    const devices = idx.map((i) => ({ member: this.host.members[i], trustId: s.trust[i].trustId }));
    const entry = this.addRequest('Trust Establishment', requestJson({ requestType: 'ID_TOKEN_TRUST', active, devices, hostname: this.host.hostname(), nonce, at, family: this.host.softwareFamily, token, force }));
    for (const i of idx) if (s.trust[i].state === 'none') s.trust[i].state = 'requested';
    this.later(() => {
      const now = this.host.clock.now();
      // cssm_fail_attempts: the first attempts time out, as behind a flaky firewall; the retry goes through.
      const flaky = attempt < (this.host.faults.cssm_fail_attempts ?? 0);
      const verdict: CssmVerdict = flaky ? { ok: false, failure: 'timeout' } : cssmReachable(this.host.netContext());
      this.host.httpAttempt(verdict, !!this.host.faults.clock_not_set);
      if (this.host.faults.clock_not_set) {
        entry.responseAt = now;
        entry.response = '';
        this.record('Trust Establishment', false, 'FAILED', 'Clock is not synchronized', false);
        this.host.syslog(`%SMART_LIC-3-TRUST_CODE_INSTALL_FAILED: The install of a new licensing trust code has failed on ${udi(active)}: Certificate validation failed, the system clock is not set.`);
        return;
      }
      if (!verdict.ok) {
        entry.responseAt = now;
        entry.response = '';
        const reason = COMM_FAILURE_REASON[verdict.failure];
        this.record('Trust Establishment', false, 'NO REPLY', verdict.failure === 'no_reply' ? undefined : reason);
        if (verdict.failure !== 'no_reply') this.commFailed(reason);
        if (attempt < MAX_RETRIES) this.simTimer(RETRY_AFTER_MS, () => this.attemptTrust(token, scope, force, attempt + 1));
        return;
      }
      this.commOk();
      const tokenFault = this.host.faults.token ?? (TOKEN_RE.test(token) ? undefined : 'invalid');
      if (tokenFault) {
        const message = tokenFault === 'expired' ? 'The ID token has expired.' : 'The ID token is not valid.';
        entry.responseAt = now;
        entry.response = responseJson({ requestType: 'ID_TOKEN_TRUST', active, devices: [], nonce, at: now, status: 'FAILED', message, account: '', virtualAccount: '' });
        this.record('Trust Establishment', false, 'FAILED', message, false);
        this.host.syslog(`%SMART_LIC-3-TRUST_CODE_INSTALL_FAILED: The install of a new licensing trust code has failed on ${udi(active)}: ${message}`);
        return;
      }
      entry.responseAt = now;
      entry.response = responseJson({ requestType: 'ID_TOKEN_TRUST', active, devices: idx.map((i) => this.host.members[i]), nonce, at: now, status: 'OK', message: 'OK', account: 'LAB Smart Account', virtualAccount: 'LAB-VA' });
      this.record('Trust Establishment', true, 'OK');
      for (const i of idx) {
        s.trust[i] = { ...s.trust[i], state: 'installed', installedAt: now };
        this.host.syslog(`%SMART_LIC-6-TRUST_INSTALL_SUCCESS: A new licensing trust code was successfully installed on ${udi(this.host.members[i])}.`);
      }
      s.policy = { customer: true, installedAt: now };
      s.account = { smart: 'LAB Smart Account', virtual: 'LAB-VA', asOf: now };
      s.imports.trustCode = now;
      s.imports.accountInfo = now;
      this.simTimer(TRUST_SYNC_AFTER_MS, () => this.exchange('all', false));
    });
  }

  /** `license smart sync {all|local}`: no CLI reply; a request leaves at once (bypasses the daily throttle). */
  sync(scope: 'local' | 'all'): string {
    this.exchange(scope, true);
    return '';
  }

  /**
   * One Trust Sync + usage report round trip. Needs a trust code on the active member: without
   * one the agent has "insufficient trust for direct communication" and sends nothing [I].
   */
  private exchange(scope: 'local' | 'all', report: boolean): void {
    const s = this.host.state();
    if (s.trust[0].state !== 'installed') return;
    const active = this.host.members[0];
    const idx = this.targets(scope).filter((i) => s.trust[i].state === 'installed');
    const devices = idx.map((i) => ({ member: this.host.members[i], trustId: s.trust[i].trustId }));
    const at = this.host.clock.now();
    const syncNonce = this.nonce();
    const syncEntry = this.addRequest('Trust Sync', requestJson({ requestType: 'TRUST_SYNC', active, devices, hostname: this.host.hostname(), nonce: syncNonce, at, family: this.host.softwareFamily }));
    const repNonce = this.nonce();
    const repEntry = report ? this.addRequest('Usage Reporting', requestJson({ requestType: 'USAGE_REPORT', active, devices, hostname: this.host.hostname(), nonce: repNonce, at, family: this.host.softwareFamily })) : undefined;
    this.later(() => {
      const now = this.host.clock.now();
      const verdict = cssmReachable(this.host.netContext());
      this.host.httpAttempt(verdict, false);
      if (!verdict.ok) {
        for (const [cat, entry] of [['Trust Sync', syncEntry], ['Usage Reporting', repEntry]] as const) {
          if (!entry) continue;
          entry.responseAt = now;
          entry.response = '';
          this.record(cat, false, 'NO REPLY', verdict.failure === 'no_reply' ? undefined : COMM_FAILURE_REASON[verdict.failure]);
        }
        if (verdict.failure !== 'no_reply') this.commFailed(COMM_FAILURE_REASON[verdict.failure]);
        return;
      }
      this.commOk();
      if (this.host.faults.cssm === 'server_error') {
        // CSSM answers but fails on its side (reference §4.1 "Server-side error", [C GP]).
        const reason = 'Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT';
        for (const [cat, entry, type, nonce] of [['Trust Sync', syncEntry, 'TRUST_SYNC', syncNonce], ['Usage Reporting', repEntry, 'USAGE_REPORT', repNonce]] as const) {
          if (!entry) continue;
          entry.responseAt = now;
          entry.response = responseJson({ requestType: type, active, devices: [], nonce, at: now, status: 'OK_TRY_AGAIN', message: reason, account: '', virtualAccount: '' });
          this.record(cat, false, 'OK_TRY_AGAIN', reason, false);
        }
        return;
      }
      syncEntry.responseAt = now;
      syncEntry.response = responseJson({ requestType: 'TRUST_SYNC', active, devices: idx.map((i) => this.host.members[i]), nonce: syncNonce, at: now, status: 'OK', message: 'OK', account: 'LAB Smart Account', virtualAccount: 'LAB-VA' });
      this.record('Trust Sync', true, 'OK');
      if (repEntry) {
        repEntry.responseAt = now;
        repEntry.response = responseJson({ requestType: 'USAGE_REPORT', active, devices: idx.map((i) => this.host.members[i]), nonce: repNonce, at: now, status: 'OK', message: 'OK', account: 'LAB Smart Account', virtualAccount: 'LAB-VA' });
        this.record('Usage Reporting', true, 'OK_POLL');
        this.reported(now);
      }
    });
  }

  private reported(now: number): void {
    const s = this.host.state();
    s.usage.lastReportPush = now;
    s.usage.lastAck = now;
    s.imports.rumAck = now;
    s.usage.nextAckDeadline = now + 60 * DAY;
    this.scheduleReport();
  }

  /** Periodic RUM report every `usage interval` days (default 30), never more than once a day (§5). */
  scheduleReport(intervalDays?: number): void {
    const s = this.host.state();
    const days = Math.max(1, intervalDays ?? this.interval());
    s.usage.nextReportPush = (s.usage.lastReportPush ?? this.host.clock.now()) + days * DAY;
    this.reportTimer?.cancel();
    this.reportTimer = this.host.clock.setTimer(s.usage.nextReportPush - this.host.clock.now(), () => this.exchange('all', true));
  }

  private interval(): number {
    return this.host.netContext().config.license.usageInterval ?? 30;
  }

  /** `license smart factory reset`: wipes policy, trust and history (a reload is required). */
  factoryReset(bootTime: number): string {
    this.stop();
    const fresh = initialLicensingState(this.host.members.length, bootTime);
    Object.assign(this.host.state(), fresh);
    return '\n%Warning: reload required after "license smart factory reset" command';
  }
}
