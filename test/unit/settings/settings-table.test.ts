/**
 * The settings table's rows against the reference (../shared/reference/slp-smart-transport.md:
 * §1.1 command forms, §1.2 running-config renderings and `no` forms, §3.1 `show license status`)
 * and a real capture (../shared/real-outputs/show-license-status). The shared files are read at
 * run time, never copied; without them the reference part fails in CI and is skipped with a note
 * locally.
 */
import { readFileSync } from 'node:fs';
import { observeConfig, observeStatus } from '../../../src/converge/running-state-from-parsers';
import { ownedConfigLines } from '../../../src/converge/rollback-plan';
import { parseShowLicenseStatus } from '../../../src/parsers/show-license-status';
import { parseShowRunningConfig } from '../../../src/parsers/show-running-config';
import { canonicalLines } from '../../../src/settings/equivalences';
import { readLine } from '../../../src/settings/owned-line';
import type { SettingRow } from '../../../src/settings/setting-row';
import * as T from '../../../src/settings/settings-table';
import { describeRequiring, requireShared, sharedPath } from '../../helpers/requires';

const REFERENCE = sharedPath('reference', 'slp-smart-transport.md');
const PROXY_STATUS = sharedPath('real-outputs', 'show-license-status', '04-ntc-templates-status4.txt');
const withReference = describeRequiring([requireShared('reference/slp-smart-transport.md'), requireShared('real-outputs/show-license-status/04-ntc-templates-status4.txt')]);

/** The row that reads a line (after the equivalences), with the value it reads. */
function read(line: string): { row: string; value: string; vrf?: string } | undefined {
  const [canonical] = canonicalLines(line);
  const r = readLine(canonical!, T.SETTINGS);
  return r && { row: r.row.name, value: r.value, ...(r.vrf ? { vrf: r.vrf } : {}) };
}

describe('every row renders, reads back and removes its line (§1.1 forms, §1.2 no forms)', () => {
  const rows: [SettingRow, string, string | undefined, string, string][] = [
    [T.TRANSPORT, 'smart', undefined, 'license smart transport smart', 'no license smart transport'],
    [T.SMART_URL, 'default', undefined, 'license smart url default', 'license smart url default'],
    [T.SMART_URL, 'https://onprem.example.com/SmartTransport', undefined, 'license smart url smart https://onprem.example.com/SmartTransport', 'license smart url default'],
    [T.CSLU_URL, 'https://104.16.0.102/cslu/v1/pi/BcnSSC-1', undefined, 'license smart url cslu https://104.16.0.102/cslu/v1/pi/BcnSSC-1', 'no license smart url cslu'],
    [T.LICENSE_VRF, 'Mgmt-vrf', undefined, 'license smart vrf Mgmt-vrf', 'no license smart vrf Mgmt-vrf'],
    [T.PROXY_ADDRESS, '192.168.217.105', undefined, 'license smart proxy address 192.168.217.105', 'no license smart proxy address 192.168.217.105'],
    [T.PROXY_PORT, '80', undefined, 'license smart proxy port 80', 'no license smart proxy port 80'],
    [T.USAGE_INTERVAL, '30', undefined, 'license smart usage interval 30', 'no license smart usage interval'],
    [T.HTTP_CLIENT_SOURCE, 'GigabitEthernet0/0/0', undefined, 'ip http client source-interface GigabitEthernet0/0/0', 'no ip http client source-interface'],
    [T.DOMAIN_LOOKUP, 'off', undefined, 'no ip domain lookup', 'ip domain lookup'],
    [T.NAME_SERVERS, '10.31.104.74', undefined, 'ip name-server 10.31.104.74', 'no ip name-server 10.31.104.74'],
    [T.NAME_SERVERS, '10.0.0.3', 'Mgmt-vrf', 'ip name-server vrf Mgmt-vrf 10.0.0.3', 'no ip name-server vrf Mgmt-vrf 10.0.0.3'],
    [T.DOMAIN_NAME, 'cisco.com', undefined, 'ip domain name cisco.com', 'no ip domain name cisco.com'],
    [T.DOMAIN_NAME, 'lab.local', 'Mgmt-vrf', 'ip domain name vrf Mgmt-vrf lab.local', 'no ip domain name vrf Mgmt-vrf lab.local'],
    [T.DOMAIN_LOOKUP_SOURCE, 'Vlan10', undefined, 'ip domain lookup source-interface Vlan10', 'no ip domain lookup source-interface Vlan10'],
    [T.DOMAIN_LOOKUP_SOURCE, 'GigabitEthernet1', 'management', 'ip domain lookup vrf management source-interface GigabitEthernet1', 'no ip domain lookup vrf management source-interface GigabitEthernet1'],
  ];
  it.each(rows.map(([row, value, vrf, line, removal]) => [`${row.name}${vrf ? ` (vrf ${vrf})` : ''}`, row, value, vrf, line, removal] as const))(
    '%s',
    (_name, row, value, vrf, line, removal) => {
      expect(row.render(value, vrf)).toBe(line);
      expect(read(line)).toEqual({ row: row.name, value, ...(vrf ? { vrf } : {}) });
      expect(row.remove(value, vrf)).toBe(removal);
    },
  );

  it('every row of the production table is covered above, once per name at least', () => {
    expect(new Set(rows.map(([row]) => row.name))).toEqual(new Set(T.SETTINGS.map((r) => r.name)));
  });

  it('a bare removal is owned by its row only where IOS accepts it without the value', () => {
    expect(T.SETTINGS.filter((r) => r.bareRemoval).map((r) => r.bareRemoval)).toEqual([
      'no license smart transport',
      'no license smart url cslu',
      'no license smart usage interval',
      'no ip http client source-interface',
    ]);
  });
});

describe('equivalences: how each row reads the forms IOS accepts or shows', () => {
  it.each([
    // The seed types the interface in lower case; IOS stores the canonical name (§1.1).
    ['ip domain lookup source-interface vlan10', { row: 'domainLookupSourceInterface', value: 'Vlan10' }],
    ['ip http client source-interface gi0/0', { row: 'httpClientSourceInterface', value: 'GigabitEthernet0/0' }],
    ['ip domain-lookup vrf Mgmt-vrf source-interface gi0/0', { row: 'domainLookupSourceInterface', value: 'GigabitEthernet0/0', vrf: 'Mgmt-vrf' }],
    ['no ip domain-lookup', { row: 'domainLookup', value: 'off' }],
    ['ip domain lookup', { row: 'domainLookup', value: 'on' }],
    ['ip domain-name vrf Mgmt-vrf lab.local', { row: 'domainName', value: 'lab.local', vrf: 'Mgmt-vrf' }],
    // Legacy form without the `smart` keyword, and the default URL typed in full (§1.1).
    ['license smart url https://onprem.example.com/x', { row: 'url', value: 'https://onprem.example.com/x' }],
    [`license smart url smart ${T.DEFAULT_SMART_URL}`, { row: 'url', value: 'default' }],
    [`license smart url ${T.DEFAULT_SMART_URL}`, { row: 'url', value: 'default' }],
    // Lines the tool does not own.
    ['license smart url utility https://u.example.com', undefined],
    ['license boot level network-advantage addon dna-advantage', undefined],
    ['ip tftp source-interface Vlan10', undefined],
  ])('%s', (line, expected) => {
    expect(read(line)).toEqual(expected);
  });

  it('hidden defaults come from the rows: cslu transport, url default, ip domain lookup', () => {
    expect(T.SETTINGS.filter((r) => r.hiddenDefault).map((r) => r.render(r.hiddenDefault!, undefined))).toEqual([
      'license smart transport cslu',
      'license smart url default',
      'ip domain lookup',
    ]);
  });
});

withReference('against slp-smart-transport.md', () => {
  const text = readFileSync(REFERENCE, 'utf8');
  const section = (from: string, to: string): string => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

  it('§1.1: every configuration line of the example sequences is owned by a row and renders back the same', () => {
    const lines = [...section('### 1.1', '### 1.2').matchAll(/^\w+\(config\)#\s*(.+)$/gm)].map((m) => m[1]!.trim());
    expect(lines.length).toBeGreaterThanOrEqual(20);
    for (const line of lines) {
      for (const canonical of canonicalLines(line)) {
        const r = readLine(canonical, T.SETTINGS);
        expect([line, r?.row.name]).toEqual([line, expect.any(String)]);
        expect(canonicalLines(r!.row.render(r!.value, r!.vrf))).toEqual([canonical]);
      }
    }
  });

  it('§1.2: the running-config renderings read into the running state', () => {
    const shown = [...section('### 1.2', '`no` forms').matchAll(/^\| `((?:license smart|ip|no ip) [^`]*)` \| shown/gm)].map((m) => m[1]!);
    expect(shown).toEqual(expect.arrayContaining(['license smart transport off', 'ip domain lookup source-interface Vlan10']));
    // Each rendering alone, as the only owned line of a running-config: read back as shown.
    for (const line of [...shown, 'no ip domain lookup']) {
      const config = observeConfig(parseShowRunningConfig(['hostname Switch', '!', line, '!', 'end'].join('\n')).value);
      expect([line, ownedConfigLines(config)]).toEqual([line, canonicalLines(line)]);
    }
    const config = observeConfig(parseShowRunningConfig(['license smart transport off', 'no ip domain lookup', 'ip http client source-interface Vlan623'].join('\n')).value);
    expect(config).toMatchObject({ transport: 'off', domainLookup: false, httpClientSourceInterface: 'Vlan623' });
  });

  it('§1.2: every `no` form the reference lists is a row\'s removal line', () => {
    const forms = [...section('`no` forms', '**Recommendation').matchAll(/`(no [^`]+)`/g)].map((m) => m[1]!);
    const removals = new Set(
      T.SETTINGS.flatMap((r) => [r.bareRemoval, r.remove('X', undefined)].filter((l): l is string => l !== undefined)).map((l) => l.replace(/ X$/, '')),
    );
    // Forms with a placeholder (`<X>`) compare without it; `no license smart url …` variants are
    // not used: the tool removes a custom URL with the positive `license smart url default`.
    const used = forms.map((f) => f.replace(/ <[^>]+>$/, '')).filter((f) => !f.startsWith('no license smart url') || f === 'no license smart url cslu');
    expect(used.filter((f) => !removals.has(f) && f !== 'no ip domain lookup')).toEqual([]);
    expect(T.DOMAIN_LOOKUP.render('off', undefined)).toBe('no ip domain lookup');
  });

  it('§3.1 and a real capture: each status row reads its field', () => {
    const status = parseShowLicenseStatus(readFileSync(PROXY_STATUS, 'utf8')).value;
    expect(observeStatus(status)).toEqual({ type: 'smart', url: T.DEFAULT_SMART_URL, proxy: { address: 'proxy.foo.bar.com', port: 80 } });
    const sample = section('### 3.1', 'Field notes:').replace(/^[\s\S]*?```\n/, '').replace(/```[\s\S]*$/, '');
    const unconfigured = parseShowLicenseStatus(sample).value;
    expect(observeStatus(unconfigured)).toEqual({ type: 'smart', url: T.DEFAULT_SMART_URL });
    expect(T.statusRows(T.SETTINGS).map((r) => r.status.label)).toEqual(['Type', 'URL', 'Cslu address', 'Proxy Address', 'Proxy Port', 'VRF']);
  });
});
