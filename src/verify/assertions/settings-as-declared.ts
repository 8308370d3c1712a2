import { canonicalInterface, DEFAULT_SMART_URL } from '../../settings/equivalences';
import { transportLines } from '../lines';
import type { Assertion } from './assertion';

/**
 * `settings_as_declared: true` — what the licensing agent actually uses (`show license status`
 * Transport: type, URL, proxy, VRF) matches the play's `slp:` block, plus the HTTP client source
 * interface from the running-config. Under `state: merged` an absent proxy/VRF is not checked;
 * under `replaced` absent means "must not be configured".
 */
export const settingsAsDeclared: Assertion<boolean> = {
  key: 'settings_as_declared',
  needs: () => ['status', 'config'],
  evaluate: (_param, evidence, ctx) => {
    const t = evidence.status?.transport;
    if (!t) return { passed: false, message: 'show license status has no Transport section', evidence: [] };
    const want = ctx.slp;
    const replaced = (want.state ?? 'replaced') === 'replaced';
    const lines = transportLines(evidence.status!);
    const diffs: string[] = [];
    if (t.type !== want.transport) diffs.push(`transport is ${t.typeRaw ?? 'not shown'}, declared ${want.transport}`);
    // The URL only means something once the transport is right; a wrong type is reported alone.
    if (want.transport === 'smart' && t.type === 'smart' && (want.url !== undefined || replaced)) {
      const url = want.url === undefined || want.url === 'default' ? DEFAULT_SMART_URL : want.url.smart;
      if (url && t.url !== url) diffs.push(`URL is ${t.url ?? '<none>'}, declared ${url}`);
    }
    if (want.transport === 'cslu' && typeof want.url === 'object' && want.url.cslu && t.csluAddress !== want.url.cslu) {
      diffs.push(`CSLU address is ${t.csluAddress ?? '<empty>'}, declared ${want.url.cslu}`);
    }
    if (want.proxy) {
      if (!t.proxyConfigured) diffs.push(`no proxy, declared ${want.proxy.address}:${want.proxy.port}`);
      else if (t.proxyAddress !== want.proxy.address || t.proxyPort !== want.proxy.port) {
        diffs.push(`proxy is ${t.proxyAddress}:${t.proxyPort ?? '<empty>'}, declared ${want.proxy.address}:${want.proxy.port}`);
      }
    } else if (replaced && t.proxyConfigured) diffs.push(`proxy ${t.proxyAddress}:${t.proxyPort ?? '<empty>'} is configured, none declared`);
    if (want.vrf ? t.vrf !== want.vrf : replaced && t.vrf) diffs.push(`VRF is ${t.vrf ?? '<empty>'}, declared ${want.vrf ?? 'none'}`);
    const src = evidence.config?.httpClientSourceInterface ?? null;
    if (want.http_client_source_interface) {
      const declared = canonicalInterface(want.http_client_source_interface);
      lines.push(`show running-config: ip http client source-interface ${src ?? '(none)'}`);
      if (src === null || canonicalInterface(src) !== declared) diffs.push(`HTTP client source interface is ${src ?? 'not set'}, declared ${declared}`);
    } else if (replaced && src) {
      lines.push(`show running-config: ip http client source-interface ${src}`);
      diffs.push(`HTTP client source interface ${src} is set, none declared`);
    }
    return diffs.length === 0
      ? { passed: true, message: 'transport, URL, proxy, VRF and source interface as declared', evidence: lines }
      : { passed: false, message: diffs.join('; '), evidence: lines };
  },
};
