import { statusAt, type ObservedTransportStatus } from '../../converge/running-state';
import { observeStatus } from '../../converge/running-state-from-parsers';
import type { DesiredSlp } from '../../converge/desired';
import type { ShowLicenseStatus } from '../../parsers/show-license-status';
import { confirms, mayRemoveUndeclared, printedForm, type SettingRow, type StatusField } from '../../settings/setting-row';
import { HTTP_CLIENT_SOURCE, SETTINGS, statusRows } from '../../settings/settings-table';
import { canonicalInterface } from '../../settings/interface-names';
import { transportLines } from '../lines';
import type { Assertion } from './assertion';

type StatusRow = SettingRow & { status: StatusField };

/** A setting the status shows otherwise than declared; `declared` undefined = declared absent. */
interface Difference {
  row: StatusRow;
  shown?: string;
  declared?: string;
}

/**
 * Every row of the settings table with a status field, compared with the play: a declared value
 * must be printed (an absent one counts as a difference here, unlike converge, which cannot tell);
 * under `replaced` a setting owned whole and not declared must not be printed.
 */
function differences(want: DesiredSlp, status: ObservedTransportStatus, replaced: boolean): Difference[] {
  const shownAt = (path: string): string | undefined => statusAt(status, path);
  const out: Difference[] = [];
  for (const row of statusRows(SETTINGS)) {
    const field = row.status;
    const shown = shownAt(field.path);
    const declared = row.desired(want, replaced)[0];
    if (declared) {
      // A value only means something once what it depends on is right (URL: Smart transport).
      if (field.when && !field.when(want, shownAt)) continue;
      if (shown === undefined || !confirms(field, shown, declared.value)) {
        out.push({ row, ...(shown === undefined ? {} : { shown }), declared: printedForm(field, declared.value) });
      }
    } else if (replaced && row.removeWhenAbsent && field.absent !== undefined && shown !== undefined) {
      out.push({ row, shown });
    }
  }
  return out;
}

/** One message per difference; the fields of a group (proxy address, port) as one. */
function messages(diffs: Difference[], want: DesiredSlp, status: ObservedTransportStatus, printed: ShowLicenseStatus, replaced: boolean): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  for (const d of diffs) {
    const { noun, group, absent, quoted } = d.row.status;
    if (!group) {
      const shown = (d.shown === undefined ? undefined : quoted?.(printed)) ?? d.shown ?? absent ?? 'not shown';
      out.push(`${noun} is ${shown}, declared ${d.declared ?? 'none'}`);
      continue;
    }
    if (done.has(group)) continue;
    done.add(group);
    const members = statusRows(SETTINGS).filter((r) => r.status.group === group);
    const shown = members.map((r) => statusAt(status, r.status.path));
    const declared = members.map((r) => r.desired(want, replaced)[0]?.value);
    const shownText = shown.map((v) => v ?? '<empty>').join(':');
    if (declared.every((v) => v === undefined)) out.push(`${group} ${shownText} is configured, none declared`);
    else if (shown.every((v) => v === undefined)) out.push(`no ${group}, declared ${declared.join(':')}`);
    else out.push(`${group} is ${shownText}, declared ${declared.join(':')}`);
  }
  return out;
}

/**
 * `settings_as_declared: true` — what the licensing agent actually uses (`show license status`,
 * every setting the settings table confirms there: transport, URL, CSLU address, proxy, VRF)
 * matches the play's `slp:` block, plus the HTTP client source interface, which the status does not
 * print, from the running-config. Under `state: merged` an absent setting is not checked; under
 * `replaced` absent means "must not be configured".
 */
export const settingsAsDeclared: Assertion<boolean> = {
  key: 'settings_as_declared',
  needs: () => ['status', 'config'],
  evaluate: (_param, evidence, ctx) => {
    if (!evidence.status?.transport) return { passed: false, message: 'show license status has no Transport section', evidence: [] };
    const want = ctx.slp;
    const replaced = (want.state ?? 'replaced') === 'replaced';
    const lines = transportLines(evidence.status);
    const status = observeStatus(evidence.status);
    const diffs = messages(differences(want, status, replaced), want, status, evidence.status, replaced);
    const src = evidence.config?.httpClientSourceInterface ?? null;
    const declared = HTTP_CLIENT_SOURCE.desired(want, replaced)[0]?.value;
    if (declared) {
      lines.push(`show running-config: ip http client source-interface ${src ?? '(none)'}`);
      if (src === null || canonicalInterface(src) !== declared) diffs.push(`HTTP client source interface is ${src ?? 'not set'}, declared ${declared}`);
    } else if (replaced && src && mayRemoveUndeclared(HTTP_CLIENT_SOURCE, want, undefined)) {
      lines.push(`show running-config: ip http client source-interface ${src}`);
      diffs.push(`HTTP client source interface ${src} is set, none declared`);
    }
    return diffs.length === 0
      ? { passed: true, message: 'transport, URL, proxy, VRF and source interface as declared', evidence: lines }
      : { passed: false, message: diffs.join('; '), evidence: lines };
  },
};
