/**
 * The Smart Licensing agent's memory on one switch: trust per stack member, policy, counters per
 * communication category, message history, imports, event log and reporting times. Plain data;
 * licensing-agent.ts changes it, the renderers print it.
 */
export const COMM_CATEGORIES = [
  'Trust Establishment',
  'Trust Acknowledgement',
  'Usage Reporting',
  'Result Polling',
  'Authorization Request',
  'Authorization Confirmation',
  'Authorization Return',
  'Trust Sync',
  'Hello Message',
] as const;
export type CommCategory = (typeof COMM_CATEGORIES)[number];

/** Categories `show license history message` lists, in its order. */
export const HISTORY_CATEGORIES = ['Trust Establishment', 'Usage Reporting', 'Result Polling', 'Authorization Request', 'Authorization Return', 'Trust Sync'] as const;
export type HistoryCategory = (typeof HISTORY_CATEGORIES)[number];

export interface CommStats {
  total: number;
  success: number;
  fail: number;
  ongoingOverall: number;
  ongoingComm: number;
  lastResponse?: { token: string; at?: number };
  failureReason?: string;
  lastSuccess?: number;
  lastFailure?: number;
}

export interface HistoryEntry {
  requestAt: number;
  request: string;
  responseAt?: number;
  /** undefined = still waiting; '' = no answer (IOS prints an empty line). */
  response?: string;
}

export type TrustState = 'none' | 'requested' | 'installed';

export interface MemberTrust {
  state: TrustState;
  installedAt?: number;
  trustId: number;
}

export interface LicensingState {
  trust: MemberTrust[];
  policy: { customer: boolean; installedAt?: number };
  account?: { smart: string; virtual: string; asOf: number };
  stats: Record<CommCategory, CommStats>;
  history: Record<HistoryCategory, HistoryEntry[]>;
  imports: { trustCode?: number; accountInfo?: number; rumAck?: number };
  events: Array<{ at: number; text: string }>;
  usage: { firstUse: number; lastAck?: number; nextAckDeadline: number; lastReportPush?: number; nextReportPush: number };
  /** True while the last attempt failed for a communication reason (for COMM_RESTORED). */
  commFailing: boolean;
  nonce: number;
}

const DAY = 86_400_000;

function newStats(): CommStats {
  return { total: 0, success: 0, fail: 0, ongoingOverall: 0, ongoingComm: 0 };
}

export function initialLicensingState(members: number, bootTime: number): LicensingState {
  const stats = Object.fromEntries(COMM_CATEGORIES.map((c) => [c, newStats()])) as Record<CommCategory, CommStats>;
  const history = Object.fromEntries(HISTORY_CATEGORIES.map((c) => [c, []])) as unknown as Record<HistoryCategory, HistoryEntry[]>;
  const firstUse = bootTime + 2 * 60_000;
  return {
    trust: Array.from({ length: members }, (_, i) => ({ state: 'none', trustId: 600 + 12 * i })),
    policy: { customer: false },
    stats,
    history,
    imports: {},
    events: [],
    // A subscription licence (dna-*) is in use: first report due 90 days after first use (§5).
    usage: { firstUse, nextAckDeadline: firstUse + 90 * DAY, nextReportPush: firstUse + 2 * 60_000 },
    commFailing: false,
    nonce: 8620723070430261290 % 1_000_000_007,
  };
}
