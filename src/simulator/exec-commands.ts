/**
 * Privileged and user EXEC commands as a table of patterns → handlers. The user tree is the
 * subset IOS allows at privilege 1; anything else there fails with `% Invalid input` at the word
 * that is not available, as on a real switch.
 */
import { CommandTree, type Args } from './command-tree';
import type { Handler, Reply, SessionApi } from './command-types';
import { renderShowVersion } from './renderers/show-version';
import { renderShowLicenseStatus } from './renderers/show-license-status';
import { renderShowLicenseSummary } from './renderers/show-license-summary';
import { renderShowLicenseUsage } from './renderers/show-license-usage';
import { renderShowLicenseUdi } from './renderers/show-license-udi';
import { renderShowLicenseEventlog } from './renderers/show-license-eventlog';
import { renderShowLicenseTechSupport } from './renderers/show-license-tech-support';
import { renderShowLicenseHistoryMessage } from './renderers/show-license-history-message';
import { renderShowLicenseAll } from './renderers/show-license-all';
import { renderShowIpInterfaceBrief } from './renderers/show-ip-interface-brief';
import { renderShowClock } from './renderers/show-clock';
import { renderSessions, renderShowClockDetail, renderShowNtpStatus } from './renderers/sessions-clock';
import { renderShowIpCef } from './renderers/show-ip-cef';
import { renderShowIpArp } from './renderers/show-ip-arp';
import { renderShowMacAddressTable } from './renderers/show-mac-address-table';
import { renderShowLogging } from './renderers/show-logging';
import { renderShowInventory, renderShowVlanBrief } from './renderers/show-inventory';
import { renderPing } from './renderers/ping';
import { renderTelnet } from './renderers/telnet';
import { monitorCapture } from './monitor-capture';
import { debugCommands } from './debug-commands';

const CONFIRM_YES = (line: string): boolean => line.trim() === '' || /^y/i.test(line.trim());

const enable: Handler = (s) => {
  if (s.mode !== 'user') return '';
  const secret = s.device.running.enableSecret;
  if (!secret) {
    s.mode = 'exec';
    return '';
  }
  let tries = 0;
  const ask = (): Reply => ({
    ask: {
      prompt: 'Password: ',
      secret: true,
      answer: (line) => {
        if (line === secret) {
          s.mode = 'exec';
          return '';
        }
        tries++;
        return tries >= 3 ? '% Bad secrets\n' : ask();
      },
    },
  });
  return ask();
};

const save = (s: SessionApi): string => {
  s.device.saveConfig();
  return 'Building configuration...\n[OK]\n';
};

const configure: Handler = (s, a) => {
  s.mode = 'config';
  if (a.minutes) s.device.startRevertTimer(Number(a.minutes), s.username);
  return 'Enter configuration commands, one per line.  End with CNTL/Z.\n';
};

const terminal = (key: 'length' | 'width'): Handler => (s, a) => {
  s.terminal[key] = Number(a.n);
  return '';
};

const show = (render: (s: SessionApi, a: Args) => string): Handler => (s, a) => render(s, a);

export function buildExecTree(): CommandTree<Handler> {
  const t = new CommandTree<Handler>();
  addUserCommands(t);
  t.add('disable', (s) => ((s.mode = 'user'), ''));
  t.add('show running-config [all]', show((s, a) => s.device.runningConfigText(!!a.all)));
  t.add('show startup-config', show((s) => s.device.startupConfigText()));
  t.add('show license status', show((s) => renderShowLicenseStatus(s.device)));
  t.add('show license summary', show((s) => renderShowLicenseSummary(s.device)));
  t.add('show license usage', show((s) => renderShowLicenseUsage(s.device)));
  t.add('show license udi', show((s) => renderShowLicenseUdi(s.device)));
  t.add('show license eventlog [<days:0-365>]', show((s, a) => renderShowLicenseEventlog(s.device, a.days === undefined ? undefined : Number(a.days))));
  t.add('show license tech support', show((s) => renderShowLicenseTechSupport(s.device)));
  t.add('show license history message', show((s) => renderShowLicenseHistoryMessage(s.device)));
  t.add('show license all', show((s) => renderShowLicenseAll(s.device)));
  t.add('show ip cef [vrf <vrf:word>] <address:ipv4>', show((s, a) => renderShowIpCef(s.device, a.address, a.vrf)));
  t.add('show ip arp [vrf <vrf:word>] [<address:ipv4>]', show((s, a) => renderShowIpArp(s.device, a.address)));
  t.add('show mac address-table address <mac:word>', show((s, a) => renderShowMacAddressTable(s.device, a.mac)));
  t.add('show logging', show((s) => renderShowLogging(s.device)));
  t.add('show inventory', show((s) => renderShowInventory(s.device)));
  t.add('show vlan [brief]', show((s) => renderShowVlanBrief(s.device)));
  t.add('configure terminal', configure);
  t.add('configure terminal revert timer <minutes:1-120>', configure);
  t.add('configure confirm', (s) => (s.device.confirmRevert() ? '' : '% No Rollback Confirmed Change pending\n'));
  t.add('write [memory]', save);
  t.add('copy running-config startup-config', (s) => ({
    ask: { prompt: 'Destination filename [startup-config]? ', answer: () => save(s) },
  }));
  t.add('reload', (s) => ({
    ask: {
      prompt: 'Proceed with reload? [confirm]',
      answer: (line) => {
        if (!CONFIRM_YES(line)) return '';
        s.device.reload();
        return { output: '\n', close: true };
      },
    },
  }));
  t.add('license smart trust idtoken <token:word> <scope:local|all> [force]', (s, a) => `${s.device.agent.trustInstall(a.token, a.scope as 'local' | 'all', !!a.force)}\n`);
  t.add('license smart sync <scope:local|all>', (s, a) => s.device.agent.sync(a.scope as 'local' | 'all'));
  t.add('license smart factory reset', (s) => `${s.device.agent.factoryReset(s.device.bootTime)}\n`);
  t.add('ping vrf <vrf:word> <host:host> [source <source:iface>]', (s, a) => renderPing(s.device, a.host, a.vrf, a.source));
  t.add('telnet <host:host> <port:1-65535> [/vrf <vrf:word>] [/ipv4] [/source-interface <source:iface>]', (s, a) => renderTelnet(s.device, a.host, Number(a.port), a.vrf ?? '', a.source));
  t.add('telnet <host:host> <port:1-65535> [/ipv4] [/source-interface <source:iface>] [/vrf <vrf:word>]', (s, a) => renderTelnet(s.device, a.host, Number(a.port), a.vrf ?? '', a.source));
  t.add('show sessions', show((s) => renderSessions(s)));
  t.add('disconnect [<n:1-20>]', (s, a) => {
    const i = a.n === undefined ? s.outgoing.length - 1 : Number(a.n) - 1;
    const conn = s.outgoing[i];
    if (!conn) return '% No connections open\n';
    return {
      ask: {
        prompt: `Closing connection to ${conn.host} [confirm]`,
        answer: (line) => {
          if (line.trim() === '' || /^y/i.test(line.trim())) s.outgoing.splice(i, 1);
          return '';
        },
      },
    };
  });
  t.add('show ntp status', show((s) => renderShowNtpStatus(s.device)));
  monitorCapture(t);
  debugCommands(t);
  return t;
}

/** Commands available at privilege 1 (`Switch>`), also present in privileged EXEC. */
function addUserCommands(t: CommandTree<Handler>): void {
  t.add('enable', enable);
  t.add('exit', () => ({ close: true }));
  t.add('logout', () => ({ close: true }));
  t.add('show privilege', (s) => `Current privilege level is ${s.mode === 'user' ? 1 : 15}\n`);
  t.add('show version', show((s) => renderShowVersion(s.device)));
  t.add('show clock', show((s) => renderShowClock(s.device)));
  t.add('show clock detail', show((s) => renderShowClockDetail(s.device)));
  // Available at privilege 1 on IOS, so `ssh switch 'show ip interface brief'` works without enable.
  t.add('show ip interface brief', show((s) => renderShowIpInterfaceBrief(s.device)));
  t.add('terminal length <n:0-512>', terminal('length'));
  t.add('terminal width <n:0-512>', terminal('width'));
  t.add('terminal monitor', (s) => (s.setMonitor(true), ''));
  t.add('terminal no monitor', (s) => (s.setMonitor(false), ''));
  t.add('ping <host:host> [source <source:iface>]', (s, a) => renderPing(s.device, a.host, '', a.source));
}

export function buildUserTree(): CommandTree<Handler> {
  const t = new CommandTree<Handler>();
  addUserCommands(t);
  return t;
}
