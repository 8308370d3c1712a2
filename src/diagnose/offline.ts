/**
 * Offline diagnosis (`slp diagnose --from`): the same rules over saved outputs. The evidence is
 * what the capture holds, each part parsed by the same parser as live; what the decision tree
 * reads and the capture lacks is named ("not in the capture"), never guessed. "Now" is the
 * capture's own time, so an old capture is not called overdue for being old. Pure.
 */
import type { Capture } from '../parsers/capture-file';
import {
  parsePing, parseShowClock, parseShowIpInterfaceBrief, parseShowLicenseAll, parseShowLicenseEventlog,
  parseShowLicenseHistoryMessage, parseShowLicenseStatus, parseShowLicenseTechSupport, parseShowLicenseUdi,
  parseShowLogging, parseShowNtpStatus, parseShowRunningConfig, parseShowVersion, parseTelnet,
} from '../parsers';
import type { Evidence } from '../verify/evidence';
import { probeTarget, type Probe } from '../verify/probes';
import { diagnose, type Diagnosis } from './diagnose';
import type { ExpectedAccount } from './facts';

/** The outputs the decision tree reads, by the name `needs` and "not in the capture" use. */
export const TREE_OUTPUTS = [
  'show version', 'show license status', 'show running-config', 'show ip interface brief', 'show clock',
  'show ntp status', 'show license eventlog', 'show logging', 'show license history message',
  'show license tech support', 'ping', 'telnet',
] as const;

export interface CaptureEvidence {
  evidence: Evidence;
  notInCapture: string[];
  /** Lines on how the capture was read (excerpts, the time it is read at). */
  notes: string[];
}

function probeFrom(capture: Capture, kind: 'ping' | 'telnet', evidence: Evidence): Probe | null {
  const c = [...capture.commands].reverse().find((x) => x.name === kind);
  if (!c) return null;
  const words = c.typed.split(/\s+/);
  const base = probeTarget(evidence.status, evidence.config);
  const host = words[1] === 'vrf' ? words[3] : words[1];
  const target = { ...base, host: host ?? base.host, ...(kind === 'telnet' && /^\d+$/.test(words[2] ?? '') ? { port: Number(words[2]) } : {}) };
  return kind === 'ping'
    ? { kind, command: c.typed, target, ping: parsePing(c.output).value }
    : { kind, command: c.typed, target, telnet: parseTelnet(c.output).value };
}

/** Reads the capture into the evidence the rules use, and lists what it lacks. */
export function evidenceFromCapture(capture: Capture): CaptureEvidence {
  const o = capture.outputs;
  const filtered = (name: string): boolean => capture.commands.some((c) => c.name === name && c.filtered) && !capture.commands.some((c) => c.name === name && !c.filtered);
  const e: Evidence = {};
  const notes: string[] = [];
  if (o['show version'] !== undefined) e.version = parseShowVersion(o['show version']).value;
  if (o['show license tech support'] !== undefined) e.techSupport = parseShowLicenseTechSupport(o['show license tech support']).value;
  const all = o['show license all'] !== undefined ? parseShowLicenseAll(o['show license all']).value : undefined;
  // The status block is also printed by show license all and inside the tech support.
  if (o['show license status'] !== undefined) e.status = parseShowLicenseStatus(o['show license status']).value;
  else if (all && all.status.sections.length) e.status = all.status;
  else if (e.techSupport && e.techSupport.status.sections.length) e.status = e.techSupport.status;
  if (o['show license udi'] !== undefined) e.udi = parseShowLicenseUdi(o['show license udi']).value;
  if (o['show license eventlog'] !== undefined) e.eventlog = parseShowLicenseEventlog(o['show license eventlog']).value;
  if (o['show license history message'] !== undefined) e.history = parseShowLicenseHistoryMessage(o['show license history message']).value;
  if (o['show logging'] !== undefined) e.logging = parseShowLogging(o['show logging']).value;
  if (o['show clock'] !== undefined) {
    const clock = parseShowClock(o['show clock']).value;
    if (clock.raw) {
      e.clock = clock;
      if (clock.timeSource) e.clockDetail = clock;
    }
  }
  if (o['show ntp status'] !== undefined) e.ntp = parseShowNtpStatus(o['show ntp status']).value;
  if (o['show ip interface brief'] !== undefined && !filtered('show ip interface brief')) e.interfaces = parseShowIpInterfaceBrief(o['show ip interface brief']).value.interfaces;
  if (o['show running-config'] !== undefined) {
    const rc = parseShowRunningConfig(o['show running-config']).value;
    e.config = rc.slp;
    // An excerpt (`| include transport`) shows some lines; it cannot show that a line is absent.
    if (filtered('show running-config')) notes.push('show running-config: only an excerpt (a | filter): lines it does not show are not read as absent');
    else e.configTree = rc.tree;
  }
  const probes = (['ping', 'telnet'] as const).map((k) => probeFrom(capture, k, e)).filter((p): p is Probe => p !== null);
  if (probes.length) e.probes = probes;
  const present = (name: (typeof TREE_OUTPUTS)[number]): boolean => {
    switch (name) {
      case 'show license status': return !!e.status;
      case 'show clock': return !!e.clock;
      case 'ping': case 'telnet': return probes.some((p) => p.kind === name);
      default: return o[name] !== undefined;
    }
  };
  const notInCapture = TREE_OUTPUTS.filter((n) => !present(n));
  const now = capture.now;
  notes.push(now.time ? `read as of ${now.time} (the capture's ${now.source}: ${now.raw})` : 'the capture holds no date: deadlines are not judged');
  return { evidence: e, notInCapture: [...notInCapture], notes };
}

/** The diagnosis of a capture: the live rules, at the capture's own time. */
export function diagnoseCapture(capture: Capture, options: { expectedAccount?: ExpectedAccount | null } = {}): Diagnosis {
  const { evidence, notInCapture, notes } = evidenceFromCapture(capture);
  const now = capture.now.time ? new Date(capture.now.time) : null;
  return diagnose(evidence, {
    // Without a date, deadlines are never reached: nothing is called overdue on a guess.
    now: now ?? new Date(0),
    steps: [...notes, ...capture.warnings.map((w) => `capture: ${w}`)],
    offline: { notInCapture },
    ...(options.expectedAccount ? { expectedAccount: options.expectedAccount } : {}),
  });
}
