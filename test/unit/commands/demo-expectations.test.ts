import { join } from 'path';
import { loadRun } from '../../../src/playbook/load-run';
import { expectationFor } from '../../../src/commands/demo-expectations';

const ROOT = join(__dirname, '..', '..', '..');

describe('what the demo expects of each lab switch', () => {
  test('the shipped day0 exercises every fault: sw-f-proxy goes through the dead lab proxy', () => {
    const run = loadRun({
      inventoryFile: join(ROOT, 'inventory.example.yaml'),
      playbookFile: join(ROOT, 'playbooks', 'day0.yaml'),
      env: { SLP_IDTOKEN: 'LabToken.0123456789abcdefXYZ' },
    });
    const table = run.plays.flatMap((p) => p.hosts.map(({ host, desired }) => {
      const e = expectationFor(host.vars.sim as never, desired);
      return [p.play.name, host.name, e.outcome === 'diagnosed' ? e.cause : e.outcome];
    }));
    expect(table).toEqual([
      ['Day-0 Smart Licensing', 'sw-a1', 'converged'],
      ['Day-0 Smart Licensing', 'sw-a2', 'converged'],
      ['Day-0 Smart Licensing', 'sw-d1', 'converged'],
      ['Day-0 Smart Licensing', 'sw-f-dns', 'dns_resolution_failure'],
      ['Day-0 Smart Licensing', 'sw-f-timeout', 'connection_timed_out'],
      ['Day-0 Smart Licensing', 'sw-f-noreply', 'no_reply_from_cssm'],
      ['Day-0 Smart Licensing', 'sw-f-token', 'invalid_or_expired_token'],
      ['Day-0 Smart Licensing', 'sw-f-old', 'refused'],
      ['Day-0 Smart Licensing via the HTTPS proxy', 'sw-f-proxy', 'proxy_unreachable'],
    ]);
  });

  test('a proxy fault under a play without a proxy is expected to converge, and says it was not exercised', () => {
    const play = { name: 'direct', hosts: 'all', slp: { transport: 'smart' as const } };
    expect(expectationFor({ version: '17.09.04', faults: { proxy: 'down' } }, play)).toEqual({
      outcome: 'converged',
      why: 'fault proxy: down not exercised, the play configures no proxy',
    });
    expect(expectationFor({ version: '17.09.04', faults: { proxy: 'wrong_port' } }, { ...play, slp: { ...play.slp, proxy: { address: '192.168.217.105', port: 8080 } } })).toEqual({
      outcome: 'diagnosed',
      cause: 'connection_timed_out',
      why: 'fault proxy: wrong_port',
    });
  });
});
