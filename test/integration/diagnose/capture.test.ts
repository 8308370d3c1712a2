/**
 * The packet-capture flow end to end against the simulated lab, and its clean-up when a step in
 * the middle fails: the capture point must never be left on the switch.
 */
import type { Device } from '../../../src/device';
import { startFleet, type Fleet } from '../../../src/simulator';
import { runCapture } from '../../../src/diagnose/capture';
import { diagnoseOneHost } from '../../helpers/diagnose-run';
import { probeTarget } from '../../../src/verify/probes';
import { gatherEvidence } from '../../../src/verify/evidence';
import { connect, spec, configured as configuredDevice } from './lab';

let fleet: Fleet;
const open: Device[] = [];
const clock = { now: () => new Date('2025-01-24T23:39:05Z'), sleep: async () => undefined };

beforeAll(async () => {
  fleet = await startFleet([spec('cap-ok'), spec('cap-fail', { faults: { reject_command: 'monitor capture SLPCAP start' } }), spec('cap-fleet')], { host: '127.0.0.1', asyncDelayMs: 20, startTime: Date.parse('2025-01-24T23:30:00Z') });
});
afterAll(async () => {
  await Promise.all(open.map((d) => d.close().catch(() => undefined)));
  await fleet.stop();
});

const configured = (name: string): Promise<Device> => configuredDevice(fleet, name, open);

async function target(device: Device) {
  const e = await gatherEvidence(device, ['status', 'config']);
  return probeTarget(e.status, e.config);
}

describe('slp diagnose --capture against the simulated lab', () => {
  it('finds the egress port through cef, arp and the MAC table, captures a sync and exports it to flash', async () => {
    const device = await configured('cap-ok');
    const sim = fleet.device('cap-ok').state;
    const result = await runCapture(device, await target(device), { host: 'cap-ok', clock, waitMs: 0 });
    expect(result.commands.map((c) => c.command)).toEqual([
      'ping smartreceiver.cisco.com source Vlan10',
      expect.stringMatching(/^show ip cef \d+\.\d+\.\d+\.\d+$/),
      'show ip arp 10.31.121.65',
      expect.stringMatching(/^show mac address-table address [0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/),
      `monitor capture SLPCAP interface ${result.port} both`,
      'monitor capture SLPCAP match any',
      'monitor capture SLPCAP start',
      'license smart sync all',
      'monitor capture SLPCAP stop',
      'monitor capture SLPCAP export location flash:slp-cap-ok-20250124T233905.pcap',
      'no monitor capture SLPCAP',
    ]);
    expect(result).toMatchObject({ file: 'flash:slp-cap-ok-20250124T233905.pcap', nextHop: '10.31.121.65', error: null, cleanedUp: true });
    expect(result.port).toMatch(/^\S+1\/0\/\d+$/);
    expect(sim.flash.has('slp-cap-ok-20250124T233905.pcap')).toBe(true);
    expect(sim.captures.size).toBe(0);
  });

  it('removes the capture point when the switch refuses "start" in the middle of the flow (sim reject_command)', async () => {
    const device = await configured('cap-fail');
    const sim = fleet.device('cap-fail').state;
    const result = await runCapture(device, await target(device), { host: 'cap-fail', clock, waitMs: 0 });
    expect(result.file).toBeNull();
    expect(result.error).toBe('"monitor capture SLPCAP start" failed: cap-fail: "% Invalid input detected" after "monitor capture SLPCAP start"');
    expect(result.commands.slice(-3).map((c) => c.command)).toEqual(['monitor capture SLPCAP match any', 'monitor capture SLPCAP start', 'no monitor capture SLPCAP']);
    expect(result.cleanedUp).toBe(true);
    expect(sim.captures.size).toBe(0);
    expect([...sim.flash.keys()].filter((f) => f.startsWith('slp-'))).toEqual([]);
  });

  it('slp diagnose --capture (runner mode) reports the diagnosis and the exported file, each its own step', async () => {
    await configured('cap-fleet');
    const report = await diagnoseOneHost('cap-fleet', () => connect(fleet.hosts['cap-fleet']!.port, 'cap-fleet', open), { capture: true, clock, captureWaitMs: 0 });
    expect(report.status).toBe('ok');
    expect(report.diagnosis?.cause).toBe('healthy');
    expect(report.capture).toMatchObject({ file: 'flash:slp-cap-fleet-20250124T233905.pcap', cleanedUp: true, error: null });
    expect(report.steps.map((s) => [s.step, s.status, s.detail])).toEqual([
      ['connect', 'ok', undefined],
      ['diagnose', 'ok', 'healthy'],
      ['capture', 'ok', 'flash:slp-cap-fleet-20250124T233905.pcap'],
    ]);
  });
});
