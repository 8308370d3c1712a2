/**
 * Runs a play's `verify:` list against one device: gather the evidence each assertion needs,
 * evaluate it (pure, ./assertions/), and for items with `within:` look again until the assertion
 * holds or the budget is spent ("eventually") — a switch that was just configured needs a little
 * while before CSSM has answered.
 */
import type { Device } from '../device/device';
import type { VerifyItem } from '../schema/types.generated';
import { ASSERTIONS, type Assertion } from './assertions';
import { SYSTEM_CLOCK, type Clock } from '../clock';
import type { DesiredSlp } from '../converge/desired';
import { DEFAULT_EVENTLOG_DAYS, EVIDENCE_SOURCES, gatherEvidence, type Evidence, type Readings } from './evidence';
import { runProbes } from './probes';
import { parseDuration } from './time';

/** The result of one `verify:` item. `evidence` holds the device lines that prove the verdict. */
export interface CheckResult {
  /** The item's `name:`, else its assertion key (`reachable smartreceiver.cisco.com:443`). */
  name: string;
  /** The assertion key, e.g. `trust_installed`. */
  assertion: string;
  passed: boolean;
  message: string;
  evidence: string[];
  /** Looks taken (1 without `within:`). */
  attempts: number;
  elapsedMs: number;
}

export interface VerifyOptions {
  clock?: Clock;
  /** Pause between looks under `within:` (default 5 s; never beyond the budget). */
  pollMs?: number;
}

export const DEFAULT_VERIFY_POLL_MS = 5_000;

/** The assertion key of an item: its one key besides `name` and `within`. */
function assertionKey(item: VerifyItem): string {
  const keys = Object.keys(item).filter((k) => k !== 'name' && k !== 'within');
  if (keys.length !== 1) throw new Error(`verify item must have exactly one assertion key, got ${keys.join(', ') || 'none'}`);
  return keys[0]!;
}

function itemName(item: VerifyItem, key: string): string {
  if (item.name) return item.name;
  if (item.reachable) return `reachable ${item.reachable.host}:${item.reachable.port}`;
  const v = (item as Record<string, unknown>)[key];
  return typeof v === 'boolean' ? key : `${key} ${String(v)}`;
}

/**
 * One look: gather what the assertion needs, probe when it probes, evaluate. `readings` holds what
 * earlier items of the same pass read: the items look at one moment of the switch, so a `show`
 * another item just read is not sent again. A second look under `within:` reads afresh (and what
 * it reads is what later items see).
 */
async function look(device: Device, assertion: Assertion<unknown>, param: unknown, slp: DesiredSlp, clock: Clock, readings: Readings, again: boolean) {
  const options = { eventlogDays: assertion.eventlogDays?.(param) ?? DEFAULT_EVENTLOG_DAYS, readings };
  if (again) for (const part of assertion.needs(param)) readings.delete(EVIDENCE_SOURCES[part].command(options));
  const evidence: Evidence = await gatherEvidence(device, assertion.needs(param), options);
  if (assertion.probe) evidence.probes = await runProbes(device, assertion.probe(param, evidence));
  return assertion.evaluate(param, evidence, { slp, now: clock.now() });
}

/**
 * Evaluates one item, re-checking under `within:` until it passes or the time is up. `readings`:
 * the outputs earlier items of the same pass read (runVerify), none when not given.
 */
export async function runCheck(device: Device, item: VerifyItem, slp: DesiredSlp, options: VerifyOptions = {}, readings: Readings = new Map()): Promise<CheckResult> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const key = assertionKey(item);
  const name = itemName(item, key);
  const started = clock.now().getTime();
  const assertion = ASSERTIONS[key] as Assertion<unknown> | undefined;
  if (!assertion) return { name, assertion: key, passed: false, message: `unknown assertion "${key}"`, evidence: [], attempts: 0, elapsedMs: 0 };
  const param = (item as Record<string, unknown>)[key];
  const elapsed = (): number => clock.now().getTime() - started;
  if (param === false) {
    return { name, assertion: key, passed: true, message: 'not checked (set to false)', evidence: [], attempts: 0, elapsedMs: 0 };
  }
  const budget = item.within ? parseDuration(item.within) : 0;
  const poll = options.pollMs ?? DEFAULT_VERIFY_POLL_MS;
  let attempts = 0;
  for (;;) {
    attempts++;
    const verdict = await look(device, assertion, param, slp, clock, readings, attempts > 1);
    const left = budget - elapsed();
    if (verdict.passed || left <= 0) {
      const suffix = !verdict.passed && budget > 0 ? ` (still failing after ${item.within}, ${attempts} looks)` : '';
      return { name, assertion: key, ...verdict, message: verdict.message + suffix, attempts, elapsedMs: elapsed() };
    }
    await clock.sleep(Math.min(poll, left));
  }
}

/**
 * Runs every `verify:` item of a play in order; a failing item does not stop the others. The items
 * share what they read: each `show` is sent once per pass, unless a `within:` look repeats it.
 */
export async function runVerify(
  device: Device,
  play: { slp: DesiredSlp; verify?: VerifyItem[] },
  options: VerifyOptions = {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const readings: Readings = new Map();
  for (const item of play.verify ?? []) results.push(await runCheck(device, item, play.slp, options, readings));
  return results;
}
