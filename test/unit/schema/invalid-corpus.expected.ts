/**
 * Expected issues for each file in test/fixtures/invalid/ ("line:column: message"), each read and
 * checked by hand against its fixture. pb-* files are playbooks run against inventory.example.yaml;
 * inv-* files are inventories run with playbooks/compliance.yaml. SLP_PROXY holds an injection.
 */
export const EXPECTED: Record<string, string[]> = {
  "inv-bad-port.yaml": [
    "7:25: all.children.lab.hosts.sw1.ansible_port must be ≤ 65535 (got 70000)",
  ],
  "inv-cycle.yaml": [
    "3:5: group \"a\" is its own ancestor (all → a → b → a)",
  ],
  "inv-host-injection.yaml": [
    "4:21: all.hosts.sw1.ansible_host must be an IPv4 or IPv6 address or a host name (got \"10.0.0.1 ; reload\")",
  ],
  "inv-host-key.yaml": [
    "4:30: all.hosts.sw1.slp_host_key_checking must be one of \"strict\", \"accept-new\", \"off\", true, false (got \"maybe\")",
  ],
  "inv-password-control.yaml": [
    "3:23: all.vars.ansible_password must be a string without control characters (got ***)",
  ],
  "inv-slp-typo.yaml": [
    "3:5: unknown variable \"slp_conect_timeout\": the slp_ prefix is reserved (did you mean \"slp_connect_timeout\"?)",
  ],
  "inv-template-port-bad.yaml": [
    "6:21: all.hosts.sw1.ansible_port must be an integer (got \"ten\", rendered from \"{{ base_port }}\") (host sw1)",
  ],
  "inv-undefined-env.yaml": [
    "3:24: ansible_password: environment variable LAB_PASSWORD is not set (hosts sw1, sw2)",
  ],
  "inv-unknown-group-key.yaml": [
    "2:3: unknown key \"host\" in all (did you mean \"hosts\"?)",
  ],
  "inv-yaml-syntax.yaml": [
    "4:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }",
  ],
  "pb-bad-transport.yaml": [
    "4:16: slp.transport must be one of \"smart\", \"callhome\", \"cslu\", \"off\" (got \"https\")",
  ],
  "pb-dns-bad-ip.yaml": [
    "6:31: slp.dns.servers.1 must be an IPv4 or IPv6 address (got \"10.31.104.256\")",
  ],
  "pb-purge-unknown.yaml": [
    "7:26: slp.purge.1 must be one of \"dns.servers\", \"dns.domain\", \"http_client_source_interface\" (got \"proxy\")",
  ],
  "pb-dns-too-many.yaml": [
    "6:16: slp.dns.servers must have at most 6 items (got 7)",
  ],
  "pb-domain-bad.yaml": [
    "5:20: slp.dns.domain must be a domain name such as example.com (got \"example.com;reload\")",
  ],
  "pb-duplicate-key.yaml": [
    "3:3: YAML syntax error: Map keys must be unique",
  ],
  "pb-duration.yaml": [
    "5:30: verify.0.no_comm_failure_since must be a duration such as 90s, 5m, 1h, 30d (got \"1 hour\")",
  ],
  "pb-env-injection.yaml": [
    "6:16: slp.proxy.address must be an IPv4 or IPv6 address or a host name (got \"1.2.3.4\\nno ip routing\", rendered from \"{{ env.SLP_PROXY }}\") (hosts sw-a1, sw-a2, sw-d1, sw-f-dns and 5 more)",
  ],
  "pb-hosts-bad-term.yaml": [
    "2:15: hosts: empty term in host pattern \"all::!faulty\"",
  ],
  "pb-hosts-empty.yaml": [
    "2:10: hosts: pattern \"access_stacks:&faulty\" matches no host in the inventory",
  ],
  "pb-hosts-unknown.yaml": [
    "2:10: hosts: \"acess_stacks\" is neither a host nor a group in the inventory (did you mean \"access_stacks\"?)",
  ],
  "pb-interface-space.yaml": [
    "5:35: slp.http_client_source_interface must be an interface name such as Vlan10 or GigabitEthernet1/0/1 (got \"Vlan10 shutdown\")",
  ],
  "pb-many.yaml": [
    "3:24: max_fail_percentage must be ≤ 100 (got 120)",
    "6:21: slp.usage_interval must be ≥ 1 (got 0)",
    "7:23: slp.proxy.address must be an IPv4 or IPv6 address or a host name (got \"bad host\")",
    "7:41: slp.proxy.port must be ≥ 1 (got 0)",
  ],
  "pb-missing-slp.yaml": [
    "1:3: play 1 is missing required key \"slp\"",
  ],
  "pb-not-a-list.yaml": [
    "1:1: the playbook must be a list (got a mapping)",
  ],
  "pb-port-range.yaml": [
    "5:46: slp.proxy.port must be ≤ 65535 (got 80800)",
  ],
  "pb-port-string.yaml": [
    "7:13: slp.proxy.port must be an integer (got \"eighty\")",
  ],
  "pb-proxy-callhome.yaml": [
    "4:16: slp.transport must be smart or cslu when slp.proxy is set: IOS XE uses license smart proxy only with transport smart or cslu (got \"callhome\")",
  ],
  "pb-url-cslu-smart.yaml": [
    "4:16: slp.transport must be cslu when slp.url.cslu is set: it is the CSLU / SSM On-Prem URL (got \"smart\")",
  ],
  "pb-url-default-off.yaml": [
    "4:16: slp.transport must be smart or cslu when slp.url is default: license smart url default goes with transport smart or cslu (the guide's step 1) (got \"off\")",
  ],
  "pb-proxy-injection.yaml": [
    "6:16: slp.proxy.address must be an IPv4 or IPv6 address or a host name (got \"1.2.3.4\\nno ip routing\")",
  ],
  "pb-serial.yaml": [
    "3:11: serial must be an integer ≥ 1 or a percentage such as \"25%\" (got 0)",
  ],
  "pb-template-filter.yaml": [
    "5:11: slp.vrf: \"{{ vrf | default('Mgmt-vrf') }}\" is not a variable reference: only {{ name }}, {{ a.b.c }} and {{ env.NAME }} are allowed (no filters or expressions) (hosts sw-a1, sw-a2, sw-d1, sw-f-dns and 5 more)",
  ],
  "pb-token-file-missing.yaml": [
    "5:26: slp.trust.token_file: cannot read token file \"no-such-token.txt\": no such file (hosts sw-a1, sw-a2, sw-d1, sw-f-dns and 5 more)",
  ],
  "pb-token-short.yaml": [
    "5:21: slp.trust.token must be one idtoken as CSSM issues it: 20–8192 characters of URL-encoded base64 (A-Z a-z 0-9 + / = . _ ~ - and %XX escapes such as %0A), without spaces, '?' or '|' (got ***)",
  ],
  "pb-trust-both.yaml": [
    "6:7: slp.trust must have exactly one of token or token_file, not several (got token and token_file)",
  ],
  "pb-undefined-var.yaml": [
    "5:36: slp.http_client_source_interface: undefined variable \"mgmt_interface\" (hosts sw-a1, sw-a2, sw-d1, sw-f-dns and 5 more)",
  ],
  "pb-unknown-play-key.yaml": [
    "1:3: play 1 is missing required key \"hosts\"",
    "2:3: unknown key \"host\" in play 1 (did you mean \"hosts\"?)",
  ],
  "pb-unknown-slp-key.yaml": [
    "5:5: unknown key \"http_client_source_interfce\" in slp (did you mean \"http_client_source_interface\"?)",
  ],
  "pb-url-form.yaml": [
    "5:10: slp.url must be \"default\" (got \"custom\")",
  ],
  "pb-url-http.yaml": [
    "5:19: slp.url.smart must be one https:// URL token without spaces, '?' or '|' (got \"http://onprem.example.com/SmartTransport\")",
  ],
  "pb-url-question.yaml": [
    "5:19: slp.url.smart must be one https:// URL token without spaces, '?' or '|' (got \"https://onprem.example.com/Smart?x\")",
  ],
  "pb-verify-two.yaml": [
    "5:7: verify.0 must have exactly one assertion: trust_installed, trust_sync_ok, no_comm_failure_since, last_ack_within_days, settings_as_declared, reachable, history_has_response, account_is, not several (got trust_installed and trust_sync_ok)",
  ],
  "pb-verify-unknown.yaml": [
    "5:7: unknown key \"trust_instaled\" in verify.0 (did you mean \"trust_installed\"?)",
    "5:7: verify.0 must have exactly one assertion: trust_installed, trust_sync_ok, no_comm_failure_since, last_ack_within_days, settings_as_declared, reachable, history_has_response, account_is",
  ],
  "pb-vrf-pipe.yaml": [
    "5:10: slp.vrf must be a VRF name (1–32 characters from A-Z a-z 0-9 _ . : -) (got \"Mgmt-vrf | include x\")",
  ],
  "pb-yaml-syntax.yaml": [
    "4:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }",
  ],
  "pb-yaml-alias-unanchored.yaml": [
    "7:15: YAML syntax error: a value starting with \"*\" is an alias, and no anchor \"&\" for it comes before it (quote the value if it is text)",
  ],
  "pb-yaml-collection-key.yaml": [
    "5:7: YAML syntax error: a key must be a plain value, not a list or mapping",
  ],
  "pb-yaml-alias-bomb.yaml": [
    "10:24: YAML syntax error: aliases expand to too many values (more than 5,000,000 once expanded); write the values out",
  ],
};
