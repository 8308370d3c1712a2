import { deviceTimings, REALISTIC_RANGES_MS } from '../../../bench/src/profile';
import { parseAnsibleScale } from '../../../bench/src/vs-ansible';

describe('realistic device timings', () => {
  test('each switch gets delays inside the ranges, the same on every run, not all alike', () => {
    const fleet = Array.from({ length: 50 }, (_, i) => deviceTimings('realistic', i));
    for (const t of fleet) {
      const run = t.command_delay_ms!['show running-config']!;
      const tech = t.command_delay_ms!['show license tech support']!;
      expect(run).toBeGreaterThanOrEqual(REALISTIC_RANGES_MS.runningConfig[0]);
      expect(run).toBeLessThanOrEqual(REALISTIC_RANGES_MS.runningConfig[1]);
      expect(tech).toBeGreaterThanOrEqual(REALISTIC_RANGES_MS.techSupport[0]);
      expect(tech).toBeLessThanOrEqual(REALISTIC_RANGES_MS.techSupport[1]);
      expect(t.async_delay_ms).toBeGreaterThanOrEqual(REALISTIC_RANGES_MS.asyncResult[0]);
      expect(t.async_delay_ms).toBeLessThanOrEqual(REALISTIC_RANGES_MS.asyncResult[1]);
    }
    expect(deviceTimings('realistic', 7)).toEqual(fleet[7]);
    expect(new Set(fleet.map((t) => t.async_delay_ms)).size).toBeGreaterThan(40);
    expect(deviceTimings('fast', 7)).toEqual({});
  });
});

describe('ansible-scale.sh summary', () => {
  test('wall time, machine CPU and the servers\' share are read off its lines', () => {
    const out = [
      'hosts=100 forks=20 ok=100 failed=0 unreachable=0 changed=100',
      'wall 138.96s (ansible-playbook incl. startup)  per-host average 1.390s (wall/hosts)  0.72 hosts/s',
      'task ios_command show license status     70.10s',
      'cpu: machine busy 274.4 of 278.0 cpu-s (2 cores, 99% busy); servers (SERVER_PIDS) 2.1 cpu-s; everything else (Ansible, OS) 272.3 cpu-s',
    ].join('\n');
    expect(parseAnsibleScale(out)).toEqual({ hosts: 100, failed: 0, wallSeconds: 138.96, machineBusyCpuSeconds: 274.4, serverCpuSeconds: 2.1 });
  });

  test('a run that printed no summary gives nulls, not numbers', () => {
    expect(parseAnsibleScale('FAIL ansible-playbook produced no JSON (rc=4)')).toEqual({ hosts: null, failed: null, wallSeconds: null, machineBusyCpuSeconds: null, serverCpuSeconds: null });
  });
});
