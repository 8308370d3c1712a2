/**
 * The trust wait (src/converge/trust.ts) over a scripted device and the real parsers: the result
 * comes from `show license status` compared with the device's own clock, syslog is a hint only,
 * and a final answer (history message, tech support) ends the wait at once. Time is a fake clock
 * whose sleep moves it forward, so "within seconds, not at the deadline" is read from that clock.
 */
import type { DeviceEvent } from '../../../src/device/device';
import { installTrust } from '../../../src/converge/trust';
import type { TrustAction } from '../../../src/converge/plan-trust';
import { ScriptedDevice } from '../../helpers/scripted-device';

const TOKEN = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQz%0AODA0NTV8VXVHVjdvVjByejY1aVZYa0lCVkl12345%0ANjkyST0%3D%0A';
const CLOCK = '23:18:58.120 UTC Fri Jan 24 2025';

function fakeClock() {
  let t = Date.UTC(2025, 0, 24, 23, 18, 58);
  const start = t;
  return { now: () => new Date(t), sleep: async (ms: number) => void (t += ms), elapsed: () => t - start };
}

const event = (stamp: string, mnemonic: string, severity: number, message: string): DeviceEvent => ({
  timestamp: stamp, facility: 'SMART_LIC', severity, mnemonic, message, receivedAt: new Date(0),
  raw: `${stamp}: %SMART_LIC-${severity}-${mnemonic}: ${message}`,
});
const CSLU_FAIL = (stamp: string): DeviceEvent =>
  event(stamp, 'COMM_FAILED', 3, 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name');
const CSSM_FAIL = (stamp: string): DeviceEvent =>
  event(stamp, 'COMM_FAILED', 3, 'Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out');

const standalone = (date: string | null): string => `Trust Code Installed: ${date ?? '<none>'}\n`;
const members = (rows: [role: string, pid: string, sn: string, date: string | null][]): string =>
  ['Trust Code Installed:', ...rows.flatMap(([r, p, s, d]) => [`  ${r}: PID:${p},SN:${s}`, d ? `    INSTALLED on ${d}` : '    NOT INSTALLED']), ''].join('\n');

const ALL: TrustAction = { action: 'install', scope: 'all', force: false, cause: 'slp.trust', reason: 'test' };
const FORCE: TrustAction = { ...ALL, force: true };
const command = (a: TrustAction): string => `license smart trust idtoken ${TOKEN} ${a.scope}${a.force ? ' force' : ''}`;

/** A device whose status answers come from a list (one per read, the last repeats). */
function device(statuses: string[], extra: Record<string, string> = {}, onTrust?: (d: ScriptedDevice) => void): ScriptedDevice {
  const d: ScriptedDevice = new ScriptedDevice({
    'show clock': CLOCK,
    'show license status': statuses,
    ...extra,
  });
  d.script[command(ALL)] = () => (onTrust?.(d), '\n[OK]');
  d.script[command(FORCE)] = d.script[command(ALL)]!;
  return d;
}

const wait = (clock: ReturnType<typeof fakeClock>) => ({ clock, timeoutMs: 120_000, pollMs: 1_000 });

describe('trust wait: the device state decides', () => {
  // Keys on the confirmed `(CSLU)` target of COMM_FAILED (reference §2.4 [C]) and the syslog stamp.
  it('hourly CSLU failures queued before the command, and one during the wait, do not fail it', async () => {
    const clock = fakeClock();
    const d = device([standalone(null), standalone(null), standalone(null), standalone('Jan 24 23:19:05 2025 UTC')], {}, (dev) => {
      dev.events.push(CSLU_FAIL('*Jan 24 23:19:09.580'));
    });
    d.events.push(CSLU_FAIL('*Jan 24 22:05:09.580')); // the hourly one from before the run
    const out = await installTrust(d, ALL, TOKEN, wait(clock));
    expect(out).toMatchObject({ status: 'installed', decidedBy: 'show license status: Trust Code Installed' });
    expect(out.events).toEqual([]);
  });

  it('no syslog at all (no logging monitor): the status alone ends the wait', async () => {
    const clock = fakeClock();
    const d = device([standalone(null), standalone(null), standalone('Jan 24 23:19:05 2025 UTC')]);
    expect(await installTrust(d, ALL, TOKEN, wait(clock))).toMatchObject({ status: 'installed', events: [] });
  });

  it('a success syslog without the status showing a new code is not taken at its word', async () => {
    const clock = fakeClock();
    const d = device([standalone(null)], {}, (dev) => dev.events.push(event('*Jan 24 23:19:05.144', 'TRUST_INSTALL_SUCCESS', 6, 'A new licensing trust code was successfully installed on P:C9300-48UN,S:FOC1.')));
    const out = await installTrust(d, ALL, TOKEN, { ...wait(clock), timeoutMs: 20_000 });
    expect(out.status).toBe('timeout');
  });

  it('a code older than the device clock at command time is not this install (clock read from the device, not locally)', async () => {
    const clock = fakeClock();
    // Installed an hour before the command by the device's clock: a leftover, not this result.
    const d = device([standalone(null), standalone('Jan 24 22:19:05 2025 UTC')]);
    const out = await installTrust(d, ALL, TOKEN, { ...wait(clock), timeoutMs: 10_000 });
    expect(out).toMatchObject({ status: 'timeout' });
  });

  // Keys on the COMM_FAILED tag (§2.4 [C]) as a hint only; the retry is §2.1 (SEED).
  it('an attempt the agent retries (COMM_FAILED to CSSM) is not final: the retry that succeeds is installed', async () => {
    const clock = fakeClock();
    const d = device([standalone(null), standalone(null), standalone(null), standalone(null), standalone('Jan 24 23:19:35 2025 UTC')], {
      'show license history message': HISTORY_NO_REPLY,
      'show license tech support': TECH_COMM_FAIL,
    }, (dev) => dev.events.push(CSSM_FAIL('*Jan 24 23:19:05.144')));
    const out = await installTrust(d, ALL, TOKEN, wait(clock));
    expect(out.status).toBe('installed');
    expect(out.events).toEqual(['*Jan 24 23:19:05.144: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out']);
  });

  it('a retried failure until the deadline times out naming the last attempt', async () => {
    const clock = fakeClock();
    const d = device([standalone(null)], { 'show license history message': HISTORY_NO_REPLY, 'show license tech support': TECH_COMM_FAIL }, (dev) =>
      dev.events.push(CSSM_FAIL('*Jan 24 23:19:05.144')));
    const out = await installTrust(d, ALL, TOKEN, { ...wait(clock), timeoutMs: 60_000 });
    expect(out).toMatchObject({ status: 'timeout' });
    expect(out.reason).toMatch(/within 60 s; last attempt: COMM_FAILED: Connection timed out \(the agent retries it\)$/);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(60_000);
  });

  // Keys on the history `status_code` field (§3.7 [C]); the refusal text (§8 item 4, unconfirmed) is only quoted.
  it('CSSM refusing the token in the history message is final: the wait stops within seconds and says where', async () => {
    const clock = fakeClock();
    const d = device([standalone(null)], { 'show license history message': HISTORY_REFUSED });
    const out = await installTrust(d, ALL, TOKEN, wait(clock));
    expect(out).toMatchObject({
      status: 'failed',
      reason: 'CSSM answered the trust request with FAILED: The ID token is not valid.',
      decidedBy: 'show license history message: Trust Establishment RESPONSE 2025-01-24T23:19:05.000Z',
    });
    // Simulated time, not wall time: three polls with backoff, far from the 120 s deadline.
    expect(clock.elapsed()).toBeLessThan(10_000);
  });

  // Keys on the tech-support counters (`Communication=0`) and the presence of a Failure Reason (§3.6 [C]), not its text.
  it('a tech-support failure reason that is not a communication failure is final', async () => {
    const clock = fakeClock();
    const d = device([standalone(null)], { 'show license history message': HISTORY_NO_REPLY, 'show license tech support': TECH_CLOCK_FAIL });
    const out = await installTrust(d, ALL, TOKEN, wait(clock));
    expect(out).toMatchObject({ status: 'failed', reason: 'trust establishment failed: Clock is not synchronized (last response FAILED)', decidedBy: 'show license tech support: Trust Establishment Failure Reason' });
    expect(clock.elapsed()).toBeLessThan(10_000);
  });

  it('a final answer from before the command (an earlier run) does not end this wait', async () => {
    const clock = fakeClock();
    const old = HISTORY_REFUSED.replace(/Jan 24 23:19:0\d/g, 'Jan 24 20:00:00');
    const d = device([standalone(null), standalone(null), standalone(null), standalone('Jan 24 23:19:10 2025 UTC')], { 'show license history message': old, 'show license tech support': TECH_COMM_FAIL });
    expect(await installTrust(d, ALL, TOKEN, wait(clock))).toMatchObject({ status: 'installed' });
  });
});

describe('trust wait: force and members', () => {
  const STACK_BEFORE = members([
    ['Active', 'C9300-48UN', 'FOC1', 'Jan 20 10:00:00 2025 UTC'],
    ['Standby', 'C9300-48UN', 'FOC2', 'Jan 20 10:00:00 2025 UTC'],
    ['Member', 'C9300-48UN', 'FOC3', 'Jan 20 10:00:01 2025 UTC'],
  ]);
  it('force on a stack waits until every member shows a code newer than before', async () => {
    const clock = fakeClock();
    const half = STACK_BEFORE.replace('INSTALLED on Jan 20 10:00:00 2025 UTC', 'INSTALLED on Jan 24 23:19:05 2025 UTC');
    const all = STACK_BEFORE.replace(/Jan 20 10:00:0\d/g, 'Jan 24 23:19:05');
    const d = device([STACK_BEFORE, STACK_BEFORE, half, half, all]);
    expect(await installTrust(d, FORCE, TOKEN, wait(clock))).toMatchObject({ status: 'installed' });
    expect(d.log.filter((c) => c === 'show license status')).toHaveLength(5);
  });

  const SUPS_BEFORE = members([
    ['Active', 'C9407R', 'FXS2119Q2U7', 'Nov 22 11:34:47 2023 UTC'],
    ['Standby', 'C9407R', 'FXS2119Q2U7', 'Nov 22 11:34:47 2023 UTC'],
  ]);
  it('force on a dual-supervisor chassis (one serial for both): the standby supervisor is waited for on its own', async () => {
    const clock = fakeClock();
    const activeOnly = SUPS_BEFORE.replace('INSTALLED on Nov 22 11:34:47 2023 UTC', 'INSTALLED on Jan 24 23:19:05 2025 UTC');
    const d = device([SUPS_BEFORE, activeOnly]);
    const out = await installTrust(d, FORCE, TOKEN, { ...wait(clock), timeoutMs: 30_000 });
    expect(out).toMatchObject({ status: 'timeout' });
    expect(out.reason).toMatch(/^no trust code newer than the command on Standby PID:C9407R,SN:FXS2119Q2U7 within 30 s/);
    const both = SUPS_BEFORE.replace(/Nov 22 11:34:47 2023/g, 'Jan 24 23:19:05 2025');
    const ok = device([SUPS_BEFORE, activeOnly, both]);
    expect(await installTrust(ok, FORCE, TOKEN, wait(fakeClock()))).toMatchObject({ status: 'installed' });
  });

  it('the poll interval backs off, bounded, and never sleeps past the deadline', async () => {
    const clock = fakeClock();
    const sleeps: number[] = [];
    const recording = { ...clock, sleep: async (ms: number) => (sleeps.push(ms), clock.sleep(ms)) };
    const d = device([standalone(null)]);
    await installTrust(d, ALL, TOKEN, { clock: recording, timeoutMs: 60_000, pollMs: 1_000, maxPollMs: 8_000 });
    expect(sleeps.slice(0, 6)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(60_000);
  });
});

const HISTORY_HEAD = ['Message History (oldest to newest):', '===================================================='];
const REQUEST = ['REQUEST: Jan 24 23:18:59 2025 UTC', '{"request":"{\\"header\\":{\\"request_type\\":\\"ID_TOKEN_TRUST\\"}}"}', ''];
const HISTORY_REFUSED = [
  ...HISTORY_HEAD, 'Trust Establishment:', ...REQUEST,
  'RESPONSE: Jan 24 23:19:05 2025 UTC',
  '{"signature":{},"response":"{\\"header\\":{\\"request_type\\":\\"ID_TOKEN_TRUST\\"},\\"status_code\\":\\"FAILED\\",\\"status_message\\":\\"The ID token is not valid.\\"}","sch_response":null}',
  '', 'Usage Reporting:', '  No past history', '',
].join('\n');
const HISTORY_NO_REPLY = [...HISTORY_HEAD, 'Trust Establishment:', ...REQUEST, 'RESPONSE: Jan 24 23:19:05 2025 UTC', '', '', 'Usage Reporting:', '  No past history', ''].join('\n');

const techTrust = (attempts: string, last: string, reason: string): string =>
  [
    'Communication Statistics:', '=======================', 'Communication Level Allowed: INDIRECT', 'Overall State: <empty>',
    'Trust Establishment:', `  Attempts: ${attempts}`, `  Last Response: ${last} on Jan 24 23:19:05 2025 UTC`, `    Failure Reason: ${reason}`,
    '  Last Success Time: <none>', '  Last Failure Time: Jan 24 23:19:05 2025 UTC', '',
  ].join('\n');
const TECH_COMM_FAIL = techTrust('Total=1, Success=0, Fail=1  Ongoing Failure: Overall=1 Communication=1', 'NO REPLY', 'Connection timed out');
const TECH_CLOCK_FAIL = techTrust('Total=1, Success=0, Fail=1  Ongoing Failure: Overall=1 Communication=0', 'FAILED', 'Clock is not synchronized');
