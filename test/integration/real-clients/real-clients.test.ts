/**
 * The simulated switch against the automation clients people actually use, unmodified: Ansible's
 * cisco.ios collection (ios_command, ios_config in check mode, apply and idempotence, ios_facts)
 * and Netmiko's cisco_ios driver, both from Debian's packages, driven by the ready scripts in
 * ../shared/tools/realclients. Their pass criteria are the scripts' own (see their README).
 *
 * Where the scripts or the clients are absent (a user's clone without ../shared, or a machine
 * without `apt-get install ansible python3-netmiko`) it fails in CI and is skipped with a note
 * elsewhere (test/helpers/requires.ts); .ci/run installs the clients.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFleet, type Fleet } from '../../../src/simulator';
import { describeRequiring, requireProgram, requirePythonModules, requireShared, sharedPath } from '../../helpers/requires';

const SCRIPTS = sharedPath('tools', 'realclients');
const APT = 'apt-get install ansible python3-netmiko';

const suite = describeRequiring([
  requireShared('tools/realclients/ansible-check.sh'),
  requireShared('tools/realclients/netmiko-check.py'),
  requireProgram('ansible-playbook', ['--version'], APT),
  requirePythonModules(['netmiko', 'paramiko'], APT),
]);

function run(file: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 150_000, env: { ...process.env, ANSIBLE_NOCOLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

suite('real automation clients against the simulated Catalyst 9300', () => {
  let fleet: Fleet;
  const credentials = { username: 'admin', password: 'admin', enableSecret: 'lab-enable' };

  beforeAll(async () => {
    fleet = await startFleet(
      [
        { name: 'ansible-dut', port: 0, credentials, sim: { platform: 'C9300-48UN', version: '17.09.04', members: 2 } },
        { name: 'netmiko-dut', port: 0, credentials, sim: { platform: 'C9300-24P', version: '17.12.03' } },
        { name: 'defaults-dut', port: 0, credentials },
      ],
      { host: '127.0.0.1', asyncDelayMs: 50 },
    );
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  it('Ansible cisco.ios: ios_command, ios_config check/apply/idempotent, ios_facts all pass', async () => {
    const port = String(fleet.hosts['ansible-dut']!.port);
    const { code, out } = await run(path.join(SCRIPTS, 'ansible-check.sh'), ['127.0.0.1', port, 'admin', 'admin', 'lab-enable']);
    expect({ code, failed: out.split('\n').filter((l) => /FAIL/.test(l)) }).toEqual({ code: 0, failed: [] });
    expect(out.match(/^PASS [a-e] /gm)).toHaveLength(5);
    expect(out).toMatch(/all passed/);
    // What ios_config pushed must be in the device's running-config afterwards.
    expect(fleet.device('ansible-dut').runningConfig()).toContain('license smart transport smart');
  }, 160_000);

  it('Netmiko cisco_ios: connect, enable, show commands, send_config_set, back in exec mode', async () => {
    const port = String(fleet.hosts['netmiko-dut']!.port);
    const { code, out } = await run(path.join(SCRIPTS, 'netmiko-check.py'), ['127.0.0.1', port, 'admin', 'admin', 'lab-enable']);
    expect({ code, failed: out.split('\n').filter((l) => /FAIL/.test(l)) }).toEqual({ code: 0, failed: [] });
    expect(out.match(/^PASS /gm)).toHaveLength(8);
    expect(out).toMatch(/all passed/);
    expect(fleet.device('netmiko-dut').runningConfig()).toContain('ip name-server 10.31.104.74');
  }, 160_000);

  it('Ansible ios_config with `defaults: yes`: `show running-config ?` help, then apply and idempotent', async () => {
    // The inventory and cfg mirror ansible-check.sh; the playbook is this one case (realclients R2).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ansible-defaults-'));
    try {
      const host = {
        ansible_host: '127.0.0.1', ansible_port: fleet.hosts['defaults-dut']!.port,
        ansible_user: credentials.username, ansible_password: credentials.password,
        ansible_connection: 'ansible.netcommon.network_cli', ansible_network_os: 'cisco.ios.ios',
        ansible_network_cli_ssh_type: 'paramiko', ansible_host_key_checking: false,
        ansible_become: true, ansible_become_method: 'enable', ansible_become_password: credentials.enableSecret,
      };
      writeFileSync(path.join(dir, 'inventory.json'), JSON.stringify({ all: { hosts: { dut: host } } }));
      writeFileSync(
        path.join(dir, 'ansible.cfg'),
        '[defaults]\nhost_key_checking = False\nstdout_callback = ansible.posix.json\nretry_files_enabled = False\ngathering = explicit\ninterpreter_python = /usr/bin/python3\n' +
          '[paramiko_connection]\nlook_for_keys = False\nrecord_host_keys = False\n[persistent_connection]\nconnect_timeout = 30\ncommand_timeout = 30\n',
      );
      const task = (name: string): object => ({ name, 'cisco.ios.ios_config': { defaults: true, lines: ['ip domain name example.com'] } });
      writeFileSync(path.join(dir, 'play.yml'), JSON.stringify([{ hosts: 'dut', gather_facts: false, tasks: [task('apply'), task('again')] }]));
      const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
        execFile('ansible-playbook', ['-i', path.join(dir, 'inventory.json'), path.join(dir, 'play.yml')], { timeout: 150_000, cwd: dir, env: { ...process.env, ANSIBLE_CONFIG: path.join(dir, 'ansible.cfg'), ANSIBLE_NOCOLOR: '1' } }, (error, stdout) => {
          resolve({ code: error ? 1 : 0, out: stdout });
        });
      });
      const report = JSON.parse(out) as { plays: Array<{ tasks: Array<{ task: { name: string }; hosts: { dut: { changed?: boolean; failed?: boolean; commands?: string[]; msg?: string } } }> }> };
      const results = report.plays[0].tasks.map((t) => ({ task: t.task.name, changed: !!t.hosts.dut.changed, failed: !!t.hosts.dut.failed, commands: t.hosts.dut.commands ?? [] }));
      expect({ code, results }).toEqual({
        code: 0,
        results: [
          { task: 'apply', changed: true, failed: false, commands: ['ip domain name example.com'] },
          { task: 'again', changed: false, failed: false, commands: [] },
        ],
      });
      expect(fleet.device('defaults-dut').runningConfig()).toContain('\nip domain name example.com\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 160_000);
});
