/**
 * The shape of one row of the settings table (settings-table.ts): everything the tool knows about
 * one setting it owns, in the spirit of a cisco.ios resource-module template row (a `getval` match,
 * a `setval` renderer, the facts key). The engines in src/converge read rows; they name no setting.
 */
import type { ShowLicenseStatus } from '../parsers/show-license-status';
import type { SlpState } from '../schema/types.generated';

/** An entry of the playbook's `slp.purge`. */
export type SlpPurge = NonNullable<SlpState['purge']>[number];

/**
 * How a setting's values are held:
 * - `single`: one value, global (`license smart proxy port 80`).
 * - `flag`: on/off, on is the hidden default (`no ip domain lookup` is shown when off).
 * - `per-vrf`: one value per VRF (`ip domain name [vrf V] N`).
 * - `list`: an ordered list per VRF, one line per item (`ip name-server [vrf V] A`).
 */
export type SettingShape = 'single' | 'flag' | 'per-vrf' | 'list';

/** A value as lines carry it: text, `on`/`off` for flags; `vrf` undefined = the global table. */
export interface SettingValueAt {
  value: string;
  vrf?: string;
}

/** One value the play declares, with the playbook field that declares it (the plan's cause). */
export interface DeclaredValue extends SettingValueAt {
  cause: string;
}

/** A rewrite from one rendering of a line to the canonical one (equivalences.ts applies them). */
export interface Equivalence {
  /** What the rule is about, for documentation and test names. */
  name: string;
  match: RegExp;
  /** Canonical line(s) for a matching line. */
  rewrite: (m: RegExpExecArray) => string[];
}

/** Where `show license status` confirms a setting, and how its printed value compares. */
export interface StatusField {
  /** The label as printed, named in the plan's cause (`show license status Proxy Port: 80`). */
  label: string;
  /** How a verify message names the setting (`transport is cslu, declared smart`). */
  noun: string;
  /** Fields reported as one by verify (`proxy is A:P, declared A:P`), values joined with `:`. */
  group?: string;
  /** Dotted key into the planner's status view (running-state.ts ObservedTransportStatus). */
  path: string;
  /** The value from the parsed `show license status`; undefined when not shown. */
  read: (status: ShowLicenseStatus) => string | number | undefined;
  /** The value as printed, when verify's message should quote it rather than `read` (`Transport Off`). */
  quoted?: (status: ShowLicenseStatus) => string | undefined;
  /** What the status prints when the setting is not configured; unset: an absent value is not checked. */
  absent?: string;
  /** The printed form of a declared value (`default` → the default Smart URL). Default: as is. */
  expected?: (value: string) => string;
  /** Whether the printed value confirms the expected one. Default: equal. */
  agrees?: (shown: string, expected: string) => boolean;
  /**
   * Only verify reports a difference; converge does not push again on it. For a field whose
   * printed form no capture confirms, so that an unexpected rendering cannot make converge push
   * on every run.
   */
  reportOnly?: boolean;
  /** Checked only when this holds (the URL means something only on Smart transport). */
  when?: (desired: SlpState, shown: (path: string) => string | undefined) => boolean;
}

export interface SettingRow {
  /** The setting's key in the running state (ObservedConfig) and in the plan's slots. */
  name: string;
  shape: SettingShape;
  /** The playbook field the value comes from (`slp.proxy.port`). */
  field: string;
  /**
   * Recognises the setting's line in canonical running-config form. Named groups: `value`
   * (the value; for a flag, `no` marks off) and `vrf` for the VRF variants.
   */
  match: RegExp;
  /** Stored as a number in the running state (proxy port, usage interval). */
  numeric?: boolean;
  /** The line that sets `value` (in `vrf` for the VRF variants), as typed. */
  render: (value: string, vrf: string | undefined) => string;
  /** The line that takes `value` back to the device default. */
  remove: (value: string, vrf: string | undefined) => string;
  /** A bare `no` form without the value, which a plan file may also carry. */
  bareRemoval?: string;
  /** The value IOS hides in the running-config (its default): that line equals no line. */
  hiddenDefault?: string;
  /** What the play declares for this setting; `replaced` is the play's state. */
  desired: (desired: SlpState, replaced: boolean) => DeclaredValue[];
  /**
   * Under `state: replaced` the setting is owned whole: a shown value the play does not declare
   * is removed, and this playbook field is named as the cause (`slp.proxy (absent)`). Unset: only
   * declared values are owned.
   */
  removeWhenAbsent?: string;
  /**
   * The setting is shared with other services (PKI, NTP, AAA, syslog, Catalyst Center use the
   * name servers, the domain name and the HTTP client source interface too): `replaced` removes a
   * value the play does not declare only when the play lists this entry in `slp.purge`, and only
   * in the play's VRF. Unset: the setting belongs to licensing alone.
   */
  shared?: SlpPurge;
  /** Other renderings of the same line, rewritten to the form `match` reads. */
  equivalences?: readonly Equivalence[];
  status?: StatusField;
}

/** The table the engines read; the production one is SETTINGS (settings-table.ts). */
export type SettingsTable = readonly SettingRow[];

/** `vrf X ` for the VRF variants of a line, empty for the global table. */
export function vrfWord(vrf: string | undefined): string {
  return vrf ? `vrf ${vrf} ` : '';
}

/** How `show license status` prints a declared value (`default` → the default Smart URL). */
export function printedForm(field: StatusField, declared: string): string {
  return field.expected ? field.expected(declared) : declared;
}

/** Whether the printed value confirms a declared one. */
export function confirms(field: StatusField, shown: string, declared: string): boolean {
  const expected = printedForm(field, declared);
  return field.agrees ? field.agrees(shown, expected) : shown === expected;
}

/**
 * Whether `replaced` may remove a value of `row` shown in `vrf` that the play does not declare: a
 * licensing-only setting always; a shared one only when the play lists it in `slp.purge`, and only
 * in the play's own VRF (a name server of another VRF serves someone else).
 */
export function mayRemoveUndeclared(row: SettingRow, desired: SlpState, vrf: string | undefined): boolean {
  if (!row.shared) return true;
  const purged = (desired.purge ?? []).includes(row.shared);
  const perVrf = row.shape === 'per-vrf' || row.shape === 'list';
  return purged && (!perVrf || (vrf ?? '') === (desired.vrf ?? ''));
}
