/** The `verify:` assertions against the simulated lab, through the real driver. 127.0.0.1 only. */
import type { Device } from '../../../src/device';
import { startFleet, type Fleet } from '../../../src/simulator';
import type { DesiredSlp } from '../../../src/converge/desired';
import { runVerify } from '../../../src/verify/verify';
import { connect, installTrust, seedLines, spec, syncAndWaitForAck, TOKEN } from '../diagnose/lab';

const SLP: DesiredSlp = { transport: 'smart', url: 'default', http_client_source_interface: 'Vlan10' };
const VERIFY = [
  { trust_installed: true },
  { trust_sync_ok: true },
  { no_comm_failure_since: '1h' },
  { last_ack_within_days: 30 },
  { settings_as_declared: true },
  { reachable: { host: 'smartreceiver.cisco.com', port: 443 } },
  { history_has_response: true },
];

let fleet: Fleet;
const open: Device[] = [];
beforeAll(async () => {
  fleet = await startFleet([spec('v-ok', { members: 2, platform: 'C9300-48UN' }), spec('v-noreply', { faults: { cssm: 'no_reply' } }), spec('v-eventually')], { host: '127.0.0.1', asyncDelayMs: 20 });
});
afterAll(async () => {
  await Promise.all(open.map((d) => d.close().catch(() => undefined)));
  await fleet.stop();
});

describe('verify against the simulated lab', () => {
  it('a converged, trusted, synced stack passes every assertion', async () => {
    const device = await connect(fleet.hosts['v-ok']!.port, 'v-ok', open);
    await device.configure(seedLines());
    await installTrust(device);
    await syncAndWaitForAck(device);
    const results = await runVerify(device, { slp: SLP, verify: VERIFY });
    expect(results.map((r) => [r.name, r.passed, r.message])).toEqual([
      ['trust_installed', true, 'trust code installed on all 2 members'],
      ['trust_sync_ok', true, expect.stringMatching(/^trust establishment and trust sync OK/)],
      ['no_comm_failure_since 1h', true, expect.stringMatching(/^no CSSM communication failure since/)],
      ['last_ack_within_days 30', true, 'last ACK 0.0 days ago (limit 30 days)'],
      ['settings_as_declared', true, 'transport, URL, proxy, VRF and source interface as declared'],
      ['reachable smartreceiver.cisco.com:443', true, 'TCP smartreceiver.cisco.com:443 from Vlan10 open'],
      ['history_has_response', true, expect.stringMatching(/request\(s\) answered by CSSM$/)],
    ]);
  });

  it('CSSM not replying: reachability passes, trust and history fail with the device lines', async () => {
    const device = await connect(fleet.hosts['v-noreply']!.port, 'v-noreply', open);
    await device.configure(seedLines());
    await installTrust(device);
    const results = await runVerify(device, { slp: SLP, verify: VERIFY });
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['trust_installed', false], ['trust_sync_ok', false], ['no_comm_failure_since 1h', true], ['last_ack_within_days 30', false],
      ['settings_as_declared', true], ['reachable smartreceiver.cisco.com:443', true], ['history_has_response', false],
    ]);
    expect(results[6]!.evidence[0]).toMatch(/Trust Establishment: REQUEST: .* \(ID_TOKEN_TRUST\) → RESPONSE: .* \(empty: no reply\)$/);
  });

  it('within: a check made right after the trust install holds once CSSM has answered', async () => {
    const device = await connect(fleet.hosts['v-eventually']!.port, 'v-eventually', open);
    await device.configure(seedLines());
    await device.run(`license smart trust idtoken ${TOKEN} all force`, { secret: true });
    const [r] = await runVerify(device, { slp: SLP, verify: [{ trust_installed: true, within: '30s' }] }, { pollMs: 50 });
    expect(r!.passed).toBe(true);
    expect(r!.message).toMatch(/^trust code installed on \d{4}-\d\d-\d\dT/);
  });
});
