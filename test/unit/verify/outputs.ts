/**
 * Device outputs for the verify/diagnose unit tests, written after the layouts in
 * shared/reference/slp-smart-transport.md §3 and the seed's samples (dates and serials invented).
 */
const lines = (...l: string[]): string => `${l.join('\n')}\n`;

export const NOW = new Date('2025-01-24T23:40:00Z');
export const CLOCK_OK = '23:40:00.000 UTC Fri Jan 24 2025\n';
export const CLOCK_UNSET = '*00:12:09.310 UTC Mon Mar 1 1993\n';

const POLICY = [
  'Policy:',
  '  Policy in use: Installed On Jan 24 23:19:05 2025 UTC',
  '  Policy name: Custom Policy',
  '  Reporting ACK required: yes (Customer Policy)',
  '  Unenforced/Non-Export Perpetual Attributes:',
  '    First report requirement (days): 365 (Customer Policy)',
  '    Reporting frequency (days): 0 (Customer Policy)',
  '    Report on change (days): 90 (Customer Policy)',
  '  Unenforced/Non-Export Subscription Attributes:',
  '    First report requirement (days): 120 (Customer Policy)',
  '    Reporting frequency (days): 111 (Customer Policy)',
  '    Report on change (days): 111 (Customer Policy)',
];

function status(o: { transport?: string[]; ack?: string; deadline?: string; trust: string[] }): string {
  return lines(
    'Utility:', '  Status: DISABLED', '',
    'Smart Licensing Using Policy:', '  Status: ENABLED', '',
    'Transport:',
    ...(o.transport ?? ['  Type: Smart', '  URL: https://smartreceiver.cisco.com/licservice/license', '  Proxy:', '    Not Configured', '  VRF: <empty>']),
    '',
    ...POLICY, '',
    'Usage Reporting:',
    `  Last ACK received: ${o.ack ?? '<none>'}`,
    `  Next ACK deadline: ${o.deadline ?? 'Apr 24 23:20:00 2025 UTC'}`,
    '  Reporting push interval: 30  days',
    '  Next ACK push check: <none>',
    '  Next report push: Feb 23 23:20:56 2025 UTC',
    '  Last report push: Jan 24 23:20:50 2025 UTC',
    '  Last report file write: <none>',
    '',
    ...o.trust,
  );
}

export const TRUST_STACK_BOTH = [
  'Trust Code Installed:',
  '  Active: PID:C9300-48UN,SN:FOC2345X0AB',
  '    INSTALLED on Jan 24 23:19:05 2025 UTC',
  '  Standby: PID:C9300-48UN,SN:FOC2345X0CD',
  '    INSTALLED on Jan 24 23:19:05 2025 UTC',
];
export const TRUST_STACK_ONE = [
  'Trust Code Installed:',
  '  Active: PID:C9300-48UN,SN:FOC2345X0AB',
  '    INSTALLED on Jan 24 23:19:05 2025 UTC',
  '  Standby: PID:C9300-48UN,SN:FOC2345X0CD',
  '    NOT INSTALLED',
];

export const STATUS_HEALTHY = status({ ack: 'Jan 24 23:20:50 2025 UTC', trust: TRUST_STACK_BOTH });
export const STATUS_ONE_MEMBER = status({ ack: 'Jan 24 23:20:50 2025 UTC', trust: TRUST_STACK_ONE });
export const STATUS_STANDALONE_TRUSTED = status({ ack: 'Jan 24 23:20:50 2025 UTC', trust: ['Trust Code Installed: Jan 24 23:19:05 2025 UTC'] });
export const STATUS_NO_TRUST = status({ trust: ['Trust Code Installed: <none>'] });
export const STATUS_OLD_ACK = status({ ack: 'Sep 01 10:00:00 2024 UTC', deadline: 'Jan 01 10:00:00 2025 UTC', trust: TRUST_STACK_BOTH });
export const STATUS_PROXY = status({
  transport: ['  Type: Smart', '  URL: https://smartreceiver.cisco.com/licservice/license', '  Proxy:', '    Address: 192.168.217.105', '    Port: 80', '    Username: <empty>', '    Password: <empty>', '  VRF: <empty>'],
  trust: ['Trust Code Installed: <none>'],
});
export const STATUS_CSLU = status({ transport: ['  Type: cslu', '  Cslu address: <empty>', '  Proxy:', '    Not Configured', '  VRF: <empty>'], trust: ['Trust Code Installed: <none>'] });

export const UDI_STACK = lines('UDI: PID:C9300-48UN,SN:FOC2345X0AB', '', 'HA UDI List:', '    Active:PID:C9300-48UN,SN:FOC2345X0AB', '    Standby:PID:C9300-48UN,SN:FOC2345X0CD');
export const UDI_STANDALONE = lines('UDI: PID:C9300-48UN,SN:FOC2345X0AB');

const stat = (name: string, a: [number, number, number, number], last: string, reason = '<none>', success = '<none>'): string[] => [
  `${name}:`,
  `  Attempts: Total=${a[0]}, Success=${a[1]}, Fail=${a[2]}  Ongoing Failure: Overall=${a[3]} Communication=${a[3]}`,
  `  Last Response: ${last}`,
  `    Failure Reason: ${reason}`,
  `  Last Success Time: ${success}`,
  '  Last Failure Time: <none>',
];

function tech(te: string[], ts: string[], trust: string[]): string {
  return lines(
    'Smart Licensing Tech Support info', '',
    'Communication Statistics:', '=======================',
    'Communication Level Allowed: DIRECT', 'Overall State: <empty>',
    ...te,
    ...stat('Trust Acknowledgement', [0, 0, 0, 0], '<none>'),
    ...stat('Usage Reporting', [1, 1, 0, 0], 'OK_POLL on Jan 24 23:20:50 2025 UTC', '<none>', 'Jan 24 23:20:50 2025 UTC'),
    ...ts,
    '', 'Other Info', '==========',
    ...trust,
    'Clock sync-ed with NTP: True',
  );
}

export const TECH_OK = tech(
  stat('Trust Establishment', [1, 1, 0, 0], 'OK on Jan 24 23:19:05 2025 UTC', '<none>', 'Jan 24 23:19:05 2025 UTC'),
  stat('Trust Sync', [2, 2, 0, 0], 'OK on Jan 24 23:39:14 2025 UTC', '<none>', 'Jan 24 23:39:14 2025 UTC'),
  ['Local Device: P:C9300-48UN,S:FOC2345X0AB, state[2], Trust Data INSTALLED  TrustId:612', 'Overall Trust: INSTALLED (2)'],
);
export const TECH_NO_REPLY = tech(
  stat('Trust Establishment', [2, 0, 2, 2], 'NO REPLY on Jan 24 23:19:35 2025 UTC'),
  stat('Trust Sync', [0, 0, 0, 0], '<none>'),
  ['Local Device: P:C9300-48UN,S:FOC2345X0AB, state[1], NOT INSTALLED TrustId:605', 'Overall Trust: No ID'],
);
export const TECH_SYNC_FAILING = tech(
  stat('Trust Establishment', [1, 1, 0, 0], 'OK on Jan 24 23:19:05 2025 UTC', '<none>', 'Jan 24 23:19:05 2025 UTC'),
  stat('Trust Sync', [3, 1, 2, 2], 'OK_TRY_AGAIN on Jan 24 23:39:14 2025 UTC', 'Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT', 'Jan 24 23:19:50 2025 UTC'),
  ['Local Device: P:C9300-48UN,S:FOC2345X0AB, state[2], Trust Data INSTALLED  TrustId:612', 'Overall Trust: INSTALLED (2)'],
);
export const TECH_TOKEN_FAILED = tech(
  stat('Trust Establishment', [1, 0, 1, 1], 'FAILED on Jan 24 23:19:05 2025 UTC', 'The ID token has expired.'),
  stat('Trust Sync', [0, 0, 0, 0], '<none>'),
  ['Local Device: P:C9300-48UN,S:FOC2345X0AB, state[1], NOT INSTALLED TrustId:605', 'Overall Trust: No ID'],
);

const EVENT_HEAD = ['', '**** Event Log ****', '', '2025-01-24 13:58:23.900 UTC SAEVT_INIT_START version="5.5.29_rel/114"', '2025-01-24 13:59:14.144 UTC SAEVT_COMM_RESTORED'];
export const EVENTLOG_CLEAN = lines(...EVENT_HEAD);
export const EVENTLOG_TIMEOUT_RESTORED = lines(...EVENT_HEAD, '2025-01-24 15:17:46.341 UTC SAEVT_COMM_FAIL error="Connection timed out"', '2025-01-24 15:35:22.627 UTC SAEVT_COMM_RESTORED');
export const EVENTLOG_RECENT_TIMEOUT = lines(...EVENT_HEAD, '2025-01-24 23:19:35.341 UTC SAEVT_COMM_FAIL error="Connection timed out"');
export const EVENTLOG_DNS = lines(...EVENT_HEAD, '2025-01-24 23:19:35.341 UTC SAEVT_COMM_FAIL error="Unable to resolve server hostname/domain name"');

const LOG_HEAD = ['Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)', '', 'Log Buffer (102400 bytes):', ''];
export const LOGGING_CLEAN = lines(...LOG_HEAD, 'Jan 24 23:19:05.144: %SMART_LIC-6-TRUST_INSTALL_SUCCESS: A new licensing trust code was successfully installed on P:C9300-48UN,S:FOC2345X0AB.');
export const LOGGING_COMM_FAILED = lines(...LOG_HEAD, 'Jan 24 23:19:35.341: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Connection timed out');
export const LOGGING_TOKEN = lines(...LOG_HEAD, 'Jan 24 23:19:05.144: %SMART_LIC-3-TRUST_CODE_INSTALL_FAILED: The install of a new licensing trust code has failed on P:C9300-48UN,S:FOC2345X0AB: The ID token has expired.');
export const LOGGING_CLOCK = lines(...LOG_HEAD, '*Mar  1 00:10:05.144: %SMART_LIC-3-TRUST_CODE_INSTALL_FAILED: The install of a new licensing trust code has failed on P:C9300-48UN,S:FOC2345X0AB: Certificate validation failed, the system clock is not set.');

const HIST_TAIL = ['Usage Reporting:', '  No past history', 'Trust Sync:', '  No past history', '', 'Import Message History (oldest to newest):', '===================================================='];
const REQ = '{"request":"{\\"header\\":{\\"request_type\\":\\"ID_TOKEN_TRUST\\"},\\"request_data\\":\\"{\\\\\\"token\\\\\\":\\\\\\"SecretTokenValue1234567890\\\\\\"}\\"}"}';
const RESP = '{"signature":{"type":null},"response":"{\\"header\\":{\\"request_type\\":\\"ID_TOKEN_TRUST\\"},\\"status_code\\":\\"OK\\",\\"status_message\\":\\"OK\\"}","sch_response":null}';
export const HISTORY_ANSWERED = lines('', 'Message History (oldest to newest):', '====================================================', 'Trust Establishment:', '', 'REQUEST: Jan 24 23:18:59 2025 UTC', REQ, '', 'RESPONSE: Jan 24 23:19:05 2025 UTC', RESP, '', ...HIST_TAIL);
export const HISTORY_NO_REPLY = lines('', 'Message History (oldest to newest):', '====================================================', 'Trust Establishment:', '', 'REQUEST: Jan 24 23:19:05 2025 UTC', REQ, '', 'RESPONSE: Jan 24 23:19:05 2025 UTC', '', '', ...HIST_TAIL);
export const HISTORY_EMPTY = lines('', 'Message History (oldest to newest):', '====================================================', 'Trust Establishment:', '  No past history', ...HIST_TAIL);

export const RUN_CONFIG = lines(
  'Building configuration...', '', 'Current configuration : 1200 bytes', '!', 'hostname Switch', '!',
  'ip name-server 10.31.104.74', 'ip domain lookup source-interface Vlan10', 'ip http client source-interface Vlan10', '!',
  'license smart transport smart', 'license smart url default', '!', 'end',
);
export const RUN_CONFIG_NO_DNS = lines('Building configuration...', '', 'Current configuration : 900 bytes', '!', 'hostname Switch', '!', 'ip http client source-interface Vlan10', '!', 'license smart transport smart', '!', 'end');

export const VERSION_179 = lines('Cisco IOS XE Software, Version 17.09.04', 'Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4, RELEASE SOFTWARE (fc1)', 'Switch uptime is 1 hour, 2 minutes', 'cisco C9300-48UN (X86) processor with 1333273K/6147K bytes of memory.');
export const VERSION_173 = VERSION_179.replace(/17\.09\.04/g, '17.03.05').replace(/17\.9\.4/g, '17.3.5').replace('Cupertino', 'Amsterdam');

export const PING_OK = lines('Type escape sequence to abort.', 'Sending 5, 100-byte ICMP Echos to 146.112.59.25, timeout is 2 seconds:', 'Packet sent with a source address of 10.31.121.118 ', '!!!!!', 'Success rate is 100 percent (5/5), round-trip min/avg/max = 364/365/368 ms');
export const PING_LOST = lines('Type escape sequence to abort.', 'Sending 5, 100-byte ICMP Echos to 192.168.217.105, timeout is 2 seconds:', 'Packet sent with a source address of 10.31.121.118 ', '.....', 'Success rate is 0 percent (0/5)');
export const PING_UNRESOLVED = lines('Translating "smartreceiver.cisco.com"...domain server (10.31.104.74)', '% Unrecognized host or address, or protocol not running.');
export const TELNET_OPEN = lines('Trying smartreceiver.cisco.com (146.112.59.25, 443)... Open', '', '[Connection to smartreceiver.cisco.com closed by foreign host]');
export const TELNET_TIMEOUT = lines('Trying smartreceiver.cisco.com (146.112.59.25, 443)...', '% Connection timed out; remote host not responding');
export const TELNET_PROXY_TIMEOUT = lines('Trying 192.168.217.105, 80 ...', '% Connection timed out; remote host not responding');
export const TELNET_PROXY_REFUSED = lines('Trying 192.168.217.105, 80 ...', '% Connection refused by remote host');
export const TELNET_PROXY_OPEN = lines('Trying 192.168.217.105, 80 ... Open');

export const PING_CSSM = 'ping smartreceiver.cisco.com source Vlan10';
export const TELNET_CSSM = 'telnet smartreceiver.cisco.com 443 /ipv4 /source-interface Vlan10';
export const PING_PROXY = 'ping 192.168.217.105 source Vlan10';
export const TELNET_PROXY = 'telnet 192.168.217.105 80 /ipv4 /source-interface Vlan10';
