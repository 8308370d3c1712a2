import { isoOrNull } from './ios-time';
import type { MemberRole } from './types';

/** One member's trust code (`Active: PID:…,SN:…` / `INSTALLED on <date>`). */
export interface TrustCodeMember {
  role: MemberRole;
  pid: string;
  sn: string;
  installed: boolean;
  installedAt: string | null;
  /** Agent 6.3+: `Valid on …` / `Expired on …`. */
  validFrom: string | null;
  expiresAt: string | null;
}

/** What `Trust Code Installed` says, standalone (one date) or per stack / HA member. */
export interface TrustCodeInstalled {
  /** True when a date is shown (standalone) or every listed member says INSTALLED. */
  installed: boolean;
  /** The standalone date, or the earliest member date. */
  installedAt: string | null;
  /** Empty for the single-line (standalone) form. */
  members: TrustCodeMember[];
}

const MEMBER_RE = /^(Active|Standby|Member):\s*PID:([^,\s]+),SN:(\S+)$/;

/** Reads the `Trust Code Installed` header value and the member lines under it. */
export function parseTrustCode(headerValue: string, body: readonly string[], warnings: string[]): TrustCodeInstalled {
  const v = headerValue.trim();
  if (v !== '' && !v.startsWith('Trust Code Type')) {
    if (v === '<none>') return { installed: false, installedAt: null, members: [] };
    const at = isoOrNull(v, warnings, 'Trust Code Installed');
    return { installed: at !== null, installedAt: at, members: [] };
  }
  const members: TrustCodeMember[] = [];
  for (const line of body) {
    const t = line.trim();
    const m = MEMBER_RE.exec(t);
    if (m) {
      members.push({ role: m[1] as MemberRole, pid: m[2], sn: m[3], installed: false, installedAt: null, validFrom: null, expiresAt: null });
      continue;
    }
    const cur = members[members.length - 1];
    if (!cur) continue;
    // `INSTALLED on <date>` possibly followed by `Valid on <date>` on the same line (agent 6.3).
    let mm = /^INSTALLED on (.+?)(?:\s{2,}Valid on (.+))?$/.exec(t);
    if (mm) {
      cur.installed = true;
      cur.installedAt = isoOrNull(mm[1], warnings, 'Trust Code Installed');
      if (mm[2]) cur.validFrom = isoOrNull(mm[2], warnings, 'Trust Code Valid on');
      continue;
    }
    if ((mm = /^Expired on (.+)$/.exec(t))) cur.expiresAt = isoOrNull(mm[1], warnings, 'Trust Code Expired on');
    else if ((mm = /^Valid on (.+)$/.exec(t))) cur.validFrom = isoOrNull(mm[1], warnings, 'Trust Code Valid on');
  }
  const dates = members.map((m) => m.installedAt).filter((d): d is string => d !== null).sort();
  return {
    installed: members.length > 0 && members.every((m) => m.installed),
    installedAt: dates[0] ?? null,
    members,
  };
}
