/**
 * A valid inventory and playbook, every place a user sets a value in them, and strings an
 * attacker (or a copy-paste accident) would try: the starting points of the fuzz properties.
 */

export const BASE_INVENTORY = {
  all: {
    vars: {
      ansible_host: '127.0.0.1',
      ansible_user: 'admin',
      ansible_password: 'Fuzz-Passw0rd',
      ansible_become_password: 'Fuzz-Enable',
      slp_host_key_checking: 'off',
      slp_connect_timeout: 10,
      slp_command_timeout: 30,
      mgmt_if: 'Vlan10',
    },
    children: {
      access: { hosts: { sw1: { ansible_port: 10001 }, sw2: { ansible_port: 10002, ansible_host: 'sw2.lab.example' } } },
    },
  },
};

export const BASE_PLAYBOOK = [
  {
    name: 'Fuzz base',
    hosts: 'access',
    serial: 2,
    max_fail_percentage: 50,
    revert_timer: 5,
    save: true,
    vars: { proxy_port: 80 },
    slp: {
      state: 'replaced',
      transport: 'smart',
      url: 'default',
      vrf: 'Mgmt-vrf',
      http_client_source_interface: '{{ mgmt_if }}',
      usage_interval: 30,
      dns: { lookup: true, servers: ['10.31.104.74', '2001:db8::53'], domain: 'example.com', source_interface: 'Vlan10' },
      proxy: { address: '192.168.217.105', port: '{{ proxy_port }}' },
      trust: { token: '{{ env.SLP_IDTOKEN }}', scope: 'all', force: false },
      sync: true,
    },
    verify: [
      { settings_as_declared: true },
      { reachable: { host: 'smartreceiver.cisco.com', port: 443 } },
      { trust_installed: true, within: '120s' },
      { no_comm_failure_since: '1h' },
      { last_ack_within_days: 30 },
    ],
  },
];

export type Path = (string | number)[];

export const PLAYBOOK_PATHS: Path[] = [
  [0, 'name'], [0, 'hosts'], [0, 'serial'], [0, 'max_fail_percentage'], [0, 'revert_timer'], [0, 'save'], [0, 'vars'],
  [0, 'slp'], [0, 'slp', 'state'], [0, 'slp', 'transport'], [0, 'slp', 'url'], [0, 'slp', 'vrf'],
  [0, 'slp', 'http_client_source_interface'], [0, 'slp', 'usage_interval'], [0, 'slp', 'dns'], [0, 'slp', 'dns', 'lookup'],
  [0, 'slp', 'dns', 'servers'], [0, 'slp', 'dns', 'servers', 0], [0, 'slp', 'dns', 'domain'], [0, 'slp', 'dns', 'source_interface'],
  [0, 'slp', 'proxy'], [0, 'slp', 'proxy', 'address'], [0, 'slp', 'proxy', 'port'], [0, 'slp', 'trust'], [0, 'slp', 'trust', 'token'],
  [0, 'slp', 'trust', 'scope'], [0, 'slp', 'trust', 'force'], [0, 'slp', 'sync'], [0, 'slp', 'extra_key'],
  [0, 'verify'], [0, 'verify', 0], [0, 'verify', 1, 'reachable', 'host'], [0, 'verify', 1, 'reachable', 'port'],
  [0, 'verify', 2, 'within'], [0, 'verify', 3, 'no_comm_failure_since'], [0, 'verify', 4, 'last_ack_within_days'], [0], [1],
];

export const INVENTORY_PATHS: Path[] = [
  ['all'], ['all', 'vars'], ['all', 'children'], ['all', 'hosts'],
  ...['ansible_host', 'ansible_port', 'ansible_user', 'ansible_password', 'ansible_become_password', 'ansible_ssh_pass',
    'ansible_ssh_private_key_file', 'slp_host_key_checking', 'slp_connect_timeout', 'slp_command_timeout', 'slp_unknown', 'mgmt_if', 'sim']
    .map((k) => ['all', 'vars', k]),
  ['all', 'children', 'access'], ['all', 'children', 'access', 'hosts'], ['all', 'children', 'access', 'hosts', 'sw1'],
  ['all', 'children', 'access', 'hosts', 'sw1', 'ansible_port'], ['all', 'children', 'access', 'hosts', 'sw2', 'ansible_host'],
  ['all', 'children', 'access', 'children'], ['all', 'children', 'access', 'vars'],
];

/** CLI injection, help requests, control characters, templates that try to be code, YAML tricks. */
export const HOSTILE_STRINGS: string[] = [
  '1.2.3.4\nno ip routing', '10.0.0.1 ; reload', 'Vlan10\rreload', 'Vlan10 | include secret', 'Vlan10?', '?',
  'example.com\n end\n write erase', 'Mgmt-vrf\u0000', 'Mgmt-vrf\u001b[2J', 'Vlan10\u007f', '\u2028Vlan10', 'Vlan 10',
  'https://smartreceiver.cisco.com/licservice/license\nreload', 'http://evil.example/x', 'https://a b', 'default ',
  '{{ env.PATH }}', '{{ constructor.constructor("return process")() }}', '{{ __proto__ }}', '{{ a | b }}', '{% if %}', '{{',
  '$(reload)', '`reload`', '; reload', '&& reload', 'license smart trust idtoken X all', '*', '&anchor', '!!js/function',
  '', ' ', '\t', '-1', '0', '65536', '1e3', '0x50', 'NaN', 'true', 'null', '~', 'ÿ'.repeat(5), 'A'.repeat(3000),
];

/** Returns a copy of `doc` with `value` at `path` (intermediate objects created as needed). */
export function setAt<T>(doc: T, path: Path, value: unknown): T {
  const copy = structuredClone(doc) as unknown;
  if (path.length === 0) return value as T;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy as T;
}
