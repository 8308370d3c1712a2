/**
 * Global configuration commands and the sub-modes (interface, line, vrf, archive) as pattern
 * tables. Handlers change the typed DeviceConfig; the running-config text is always re-rendered
 * from it, so what a client pushes comes back in IOS's canonical form (`ip domain-name x` →
 * `ip domain name x`, `gi0/0` → `GigabitEthernet0/0`).
 */
import { CommandTree, type Args } from './command-tree';
import type { Handler, Reply, SessionApi } from './command-types';
import { newInterface } from './device-config';
import { physicalInterfaces, SEVERITY_NAMES } from './render-running-config';

const done = (s: SessionApi): string => (s.changed(), '');
const lic = (s: SessionApi): SessionApi['device']['running']['license'] => s.device.running.license;
const servers = (a: Args): string[] => ['s1', 's2', 's3', 's4', 's5', 's6'].map((k) => a[k]).filter((v): v is string => !!v);
const SERVER_CHAIN = '<s1:ipv4> [<s2:ipv4>] [<s3:ipv4>] [<s4:ipv4>] [<s5:ipv4>] [<s6:ipv4>]';
const OPTIONAL_CHAIN = '[<s1:ipv4>] [<s2:ipv4>] [<s3:ipv4>] [<s4:ipv4>] [<s5:ipv4>] [<s6:ipv4>]';

function exitMode(s: SessionApi): Reply {
  if (s.mode === 'config') s.mode = 'exec';
  else s.mode = 'config';
  s.iface = undefined;
  return '';
}

/**
 * A line that names a VRF the switch does not define is refused and changes nothing. The wording
 * is inferred (not in the reference): IOS's `vrf forwarding` says `% VRF V not configured.`; the
 * licensing and DNS commands are given `% VRF V does not exist`. Removals (`no …`) stay lenient.
 */
function missingVrf(s: SessionApi, vrf: string): string | undefined {
  return s.device.running.vrfs.includes(vrf) ? undefined : `% VRF ${vrf} does not exist\n`;
}

export function endConfig(s: SessionApi): Reply {
  s.mode = 'exec';
  s.iface = undefined;
  s.device.syslog(`%SYS-5-CONFIG_I: Configured from console by ${s.username} on vty0 (${s.peer})`);
  return '';
}

function banner(s: SessionApi, a: Args): Reply {
  const text = a.text;
  const delim = text[0];
  const rest = text.slice(1);
  const close = rest.indexOf(delim);
  if (close >= 0) {
    s.device.running.bannerMotd = rest.slice(0, close);
    return done(s);
  }
  const body: string[] = rest ? [rest] : [];
  const collect = (): Reply => ({
    ask: {
      prompt: '',
      answer: (line) => {
        const at = line.indexOf(delim);
        if (at < 0) {
          body.push(line);
          return collect();
        }
        body.push(line.slice(0, at));
        s.device.running.bannerMotd = body.join('\n');
        return done(s);
      },
    },
  });
  const r = collect() as { ask: NonNullable<Exclude<Reply, string>['ask']> };
  return { output: `Enter TEXT message.  End with the character '${delim}'.\n`, ask: r.ask };
}

function enterInterface(s: SessionApi, a: Args): Reply {
  const name = a.iface;
  const cfg = s.device.running;
  const logical = /^(Vlan|Loopback|Port-channel)/.test(name);
  if (!cfg.interfaces[name]) {
    if (!logical && !physicalInterfaces(s.device.identity()).includes(name)) return { output: '                   ^\n% Invalid input detected at \'^\' marker.\n\n' };
    cfg.interfaces[name] = newInterface();
    if (logical) s.changed();
  }
  s.mode = 'config-if';
  s.iface = name;
  return '';
}

export function buildConfigTree(): CommandTree<Handler> {
  const t = new CommandTree<Handler>();
  t.add('end', endConfig);
  t.add('exit', exitMode);
  t.add('do <cmd...>', (s, a) => s.runExec(a.cmd));
  t.add('hostname <name:host>', (s, a) => ((s.device.running.hostname = a.name), done(s)));
  t.add('enable secret [<type:0|9>] <secret:word>', (s, a) => ((s.device.running.enableSecret = a.secret), done(s)));
  t.add('no enable secret', (s) => ((s.device.running.enableSecret = undefined), done(s)));
  t.add('banner motd <text...>', banner);
  t.add('no banner motd', (s) => ((s.device.running.bannerMotd = undefined), done(s)));

  t.add('license smart transport <t:smart|cslu|callhome|off|automatic>', (s, a) => ((lic(s).transport = a.t as 'smart'), done(s)));
  t.add('no license smart transport', (s) => ((lic(s).transport = undefined), done(s)));
  t.add('license smart url default', (s) => {
    Object.assign(lic(s), { urlDefault: true, smartUrl: undefined, legacyUrl: undefined });
    return done(s);
  });
  t.add('license smart url smart <url:word>', (s, a) => (Object.assign(lic(s), { smartUrl: a.url, urlDefault: false, legacyUrl: undefined }), done(s)));
  t.add('license smart url cslu <url:word>', (s, a) => ((lic(s).csluUrl = a.url), done(s)));
  t.add('license smart url <url:word>', (s, a) => (Object.assign(lic(s), { legacyUrl: a.url, urlDefault: false, smartUrl: undefined }), done(s)));
  t.add('no license smart url [default]', (s) => (Object.assign(lic(s), { urlDefault: false, smartUrl: undefined, legacyUrl: undefined }), done(s)));
  t.add('no license smart url smart [<url:word>]', (s) => ((lic(s).smartUrl = undefined), done(s)));
  t.add('no license smart url cslu [<url:word>]', (s) => ((lic(s).csluUrl = undefined), done(s)));
  t.add('license smart proxy address <address:host>', (s, a) => ((lic(s).proxyAddress = a.address), done(s)));
  t.add('license smart proxy port <port:1-65535>', (s, a) => ((lic(s).proxyPort = Number(a.port)), done(s)));
  t.add('no license smart proxy address [<address:host>]', (s) => ((lic(s).proxyAddress = undefined), done(s)));
  t.add('no license smart proxy port [<port:1-65535>]', (s) => ((lic(s).proxyPort = undefined), done(s)));
  t.add('license smart vrf <vrf:word>', (s, a) => missingVrf(s, a.vrf) ?? ((lic(s).vrf = a.vrf), done(s)));
  t.add('no license smart vrf [<vrf:word>]', (s) => ((lic(s).vrf = undefined), done(s)));
  t.add('license smart usage interval <days:1-3650>', (s, a) => {
    lic(s).usageInterval = Number(a.days);
    s.device.agent.scheduleReport(Number(a.days));
    return done(s);
  });
  t.add('no license smart usage interval [<days:1-3650>]', (s) => ((lic(s).usageInterval = undefined), done(s)));

  const dns = (s: SessionApi): SessionApi['device']['running']['dns'] => s.device.running.dns;
  t.add('ip domain lookup', (s) => ((dns(s).lookup = true), done(s)));
  t.add('no ip domain lookup', (s) => ((dns(s).lookup = false), done(s)));
  t.add('ip domain lookup source-interface <iface:iface>', (s, a) => ((dns(s).lookupSource[''] = a.iface), done(s)));
  t.add('ip domain lookup vrf <vrf:word> source-interface <iface:iface>', (s, a) => missingVrf(s, a.vrf) ?? ((dns(s).lookupSource[a.vrf] = a.iface), done(s)));
  t.add('no ip domain lookup source-interface [<iface:iface>]', (s) => (delete dns(s).lookupSource[''], done(s)));
  t.add('no ip domain lookup vrf <vrf:word> source-interface [<iface:iface>]', (s, a) => (delete dns(s).lookupSource[a.vrf], done(s)));
  for (const kw of ['ip domain name', 'ip domain-name']) {
    t.add(`${kw} <name:host>`, (s, a) => ((dns(s).domainName[''] = a.name), done(s)));
    t.add(`${kw} vrf <vrf:word> <name:host>`, (s, a) => missingVrf(s, a.vrf) ?? ((dns(s).domainName[a.vrf] = a.name), done(s)));
    t.add(`no ${kw} [<name:host>]`, (s) => (delete dns(s).domainName[''], done(s)));
    t.add(`no ${kw} vrf <vrf:word> [<name:host>]`, (s, a) => (delete dns(s).domainName[a.vrf], done(s)));
  }
  const addServers = (s: SessionApi, vrf: string, list: string[]): Reply => {
    const cur = dns(s).nameServers[vrf] ?? [];
    for (const ip of list) if (!cur.includes(ip) && cur.length < 6) cur.push(ip);
    dns(s).nameServers[vrf] = cur;
    return done(s);
  };
  const removeServers = (s: SessionApi, vrf: string, list: string[]): Reply => {
    const left = list.length ? (dns(s).nameServers[vrf] ?? []).filter((ip) => !list.includes(ip)) : [];
    if (left.length) dns(s).nameServers[vrf] = left;
    else delete dns(s).nameServers[vrf];
    return done(s);
  };
  t.add(`ip name-server ${SERVER_CHAIN}`, (s, a) => addServers(s, '', servers(a)));
  t.add(`ip name-server vrf <vrf:word> ${SERVER_CHAIN}`, (s, a) => missingVrf(s, a.vrf) ?? addServers(s, a.vrf, servers(a)));
  t.add(`no ip name-server ${OPTIONAL_CHAIN}`, (s, a) => removeServers(s, '', servers(a)));
  t.add(`no ip name-server vrf <vrf:word> ${OPTIONAL_CHAIN}`, (s, a) => removeServers(s, a.vrf, servers(a)));
  t.add('ip http client source-interface <iface:iface>', (s, a) => ((s.device.running.httpClientSourceInterface = a.iface), done(s)));
  t.add('no ip http client source-interface [<iface:iface>]', (s) => ((s.device.running.httpClientSourceInterface = undefined), done(s)));
  t.add('ip http client secure-trustpoint <tp:word>', (s, a) => ((s.device.running.httpSecureTrustpoint = a.tp), done(s)));
  t.add('no ip http client secure-trustpoint [<tp:word>]', (s) => ((s.device.running.httpSecureTrustpoint = undefined), done(s)));
  t.add('no crypto pki trustpoint SLA-TrustPoint', (s) => ({
    ask: {
      prompt: '% Removing an enrolled trustpoint will destroy all certificates\nreceived from the related Certificate Authority.\n\nAre you sure you want to do this? [yes/no]: ',
      answer: (line) => {
        if (/^y/i.test(line.trim())) {
          s.device.running.slaTrustpointRemoved = true;
          return done(s);
        }
        return '';
      },
    },
  }));
  t.add('clock timezone <name:word> <hours:word> [<minutes:0-59>]', (s, a) => {
    if (!/^-?\d{1,2}$/.test(a.hours) || Math.abs(Number(a.hours)) > 23) return `% Invalid input detected at '^' marker.\n`;
    s.device.running.clockTimezone = { name: a.name, hours: Number(a.hours), minutes: Number(a.minutes ?? 0) };
    return done(s);
  });

  t.add('interface <iface:iface>', enterInterface);
  t.add('no interface <iface:iface>', (s, a) => {
    if (!/^(Vlan|Loopback|Port-channel)/.test(a.iface)) return '% Cannot remove physical interface\n';
    delete s.device.running.interfaces[a.iface];
    return done(s);
  });
  t.add('vrf definition <name:word>', (s, a) => {
    if (!s.device.running.vrfs.includes(a.name)) s.device.running.vrfs.push(a.name);
    s.mode = 'config-vrf';
    return done(s);
  });
  t.add('no archive', (s) => ((s.device.running.archive = undefined), done(s)));
  t.add('archive', (s) => {
    s.device.running.archive ??= {};
    s.mode = 'config-archive';
    return '';
  });
  t.add('line vty <first:0-15> [<last:0-15>]', (s) => ((s.mode = 'config-line'), ''));
  t.add('line con 0', (s) => ((s.mode = 'config-line'), ''));
  t.add('logging monitor [<level:debugging|informational|notifications|warnings|errors>]', (s, a) => {
    s.device.running.loggingMonitor = true;
    s.device.running.loggingMonitorLevel = a.level ? SEVERITY_NAMES.indexOf(a.level) : 7;
    return done(s);
  });
  t.add('no logging monitor', (s) => ((s.device.running.loggingMonitor = false), done(s)));
  t.add('username <name:word> [privilege <level:0-15>] secret <secret:word>', (s, a) => {
    if (a.name === s.device.running.username.name) s.device.running.username.secret = a.secret;
    return done(s);
  });
  return t;
}

/** Interface sub-mode; anything unknown here falls back to the global table, as IOS does. */
export function buildInterfaceTree(): CommandTree<Handler> {
  const t = new CommandTree<Handler>();
  const cur = (s: SessionApi): ReturnType<typeof newInterface> => s.device.running.interfaces[s.iface!];
  t.add('end', endConfig);
  t.add('exit', exitMode);
  t.add('description <text...>', (s, a) => ((cur(s).description = a.text), done(s)));
  t.add('no description', (s) => ((cur(s).description = undefined), done(s)));
  t.add('ip address <address:ipv4> <mask:ipv4>', (s, a) => ((cur(s).ip = { address: a.address, mask: a.mask }), done(s)));
  t.add('ip address dhcp', (s) => ((cur(s).ip = 'dhcp'), done(s)));
  t.add('no ip address', (s) => ((cur(s).ip = undefined), done(s)));
  t.add('shutdown', (s) => ((cur(s).shutdown = true), done(s)));
  t.add('no shutdown', (s) => ((cur(s).shutdown = false), done(s)));
  t.add('vrf forwarding <vrf:word>', (s, a) => {
    if (!s.device.running.vrfs.includes(a.vrf)) return `% VRF ${a.vrf} not configured.\n`;
    const c = cur(s);
    const had = c.ip && c.ip !== 'dhcp' ? c.ip.address : undefined;
    c.vrf = a.vrf;
    c.ip = undefined;
    done(s);
    return had ? `% Interface ${s.iface} IPv4 disabled and address(es) removed due to enabling VRF ${a.vrf}\n` : '';
  });
  t.add('no vrf forwarding [<vrf:word>]', (s) => ((cur(s).vrf = undefined), (cur(s).ip = undefined), done(s)));
  t.add('switchport mode <m:access|trunk>', (s, a) => setSwitchport(s, cur(s), 'switchport mode', `switchport mode ${a.m}`));
  t.add('switchport access vlan <v:1-4094>', (s, a) => setSwitchport(s, cur(s), 'switchport access vlan', `switchport access vlan ${a.v}`));
  return t;
}

function setSwitchport(s: SessionApi, c: ReturnType<typeof newInterface>, key: string, line: string): Reply {
  c.switchport = [...c.switchport.filter((l) => !l.startsWith(key)), line].sort((a, b) => (a.includes('access vlan') ? -1 : b.includes('access vlan') ? 1 : 0));
  return done(s);
}

/** vrf / archive / line sub-modes: the handful of lines a lab needs. */
export function buildSubModeTree(mode: 'config-vrf' | 'config-archive' | 'config-line'): CommandTree<Handler> {
  const t = new CommandTree<Handler>();
  t.add('end', endConfig);
  t.add('exit', exitMode);
  if (mode === 'config-vrf') {
    t.add('address-family <af:ipv4|ipv6>', () => '');
    t.add('exit-address-family', () => '');
    t.add('rd <rd:word>', () => '');
  } else if (mode === 'config-archive') {
    t.add('path <path:word>', (s, a) => ((s.device.running.archive = { ...s.device.running.archive, path: a.path }), done(s)));
    t.add('maximum <n:1-14>', (s, a) => ((s.device.running.archive = { ...s.device.running.archive, maximum: Number(a.n) }), done(s)));
    t.add('write-memory', () => '');
  } else {
    t.add('login local', () => '');
    t.add('transport input <p:ssh|telnet|all|none>', () => '');
    t.add('transport output <p:ssh|telnet|all|none>', (s, a) => ((s.device.running.vtyTransportOutput = a.p), done(s)));
    t.add('exec-timeout <m:0-35791> [<sec:0-2147483>]', () => '');
  }
  return t;
}
