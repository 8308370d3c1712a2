/**
 * The guide's packet-capture step (seed troubleshooting step 5), automated: find the egress port
 * toward CSSM or the proxy (`show ip cef` → next hop, `show ip arp` → its MAC, `show mac
 * address-table address` → the port), capture on it while `license smart sync all` runs, export
 * the capture to flash and report the file. The capture point is always removed afterwards
 * (`no monitor capture SLPCAP`), also when a step fails, so no capture is left running.
 */
import type { Device } from '../device/device';
import { parsePing, parseShowIpArp, parseShowIpCef, parseShowMacAddressTable } from '../parsers';
import { SYSTEM_CLOCK, type Clock } from '../clock';
import type { ProbeTarget } from '../verify/probes';

export const CAPTURE_NAME = 'SLPCAP';
/** How long the capture runs after the sync (the seed waited about a minute; the exchange is seconds). */
export const DEFAULT_CAPTURE_WAIT_MS = 15_000;

export interface CaptureOptions {
  /** Inventory name, used in the file name. */
  host: string;
  clock?: Clock;
  waitMs?: number;
}

export interface CaptureResult {
  /** `flash:slp-<host>-<yyyymmddThhmmss>.pcap`, when the export succeeded. */
  file: string | null;
  /** The address captured toward (proxy or CSSM) and how it was reached. */
  target: string;
  nextHop: string | null;
  mac: string | null;
  port: string | null;
  /** Every command sent, in order, with what it answered (first line). */
  commands: { command: string; reply: string }[];
  /** Why the flow stopped early; null when the file was exported. */
  error: string | null;
  /** The capture point was removed (false only when even the clean-up failed). */
  cleanedUp: boolean;
}

const isIpv4 = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
/** File names on flash: keep them to letters, digits, dot, dash. */
const safe = (s: string): string => s.replace(/[^A-Za-z0-9.-]/g, '-');

class CaptureStep extends Error {}

export async function runCapture(device: Device, target: ProbeTarget, options: CaptureOptions): Promise<CaptureResult> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const vrf = target.vrf ? `vrf ${target.vrf} ` : '';
  const result: CaptureResult = { file: null, target: target.host, nextHop: null, mac: null, port: null, commands: [], error: null, cleanedUp: false };
  const run = async (command: string, expect?: RegExp): Promise<string> => {
    let output: string;
    try {
      output = (await device.run(command, { timeoutMs: 60_000 })).throwIfFailed().output;
    } catch (error) {
      result.commands.push({ command, reply: (error as Error).message });
      throw new CaptureStep(`"${command}" failed: ${(error as Error).message}`);
    }
    result.commands.push({ command, reply: output.trim().split('\n')[0] ?? '' });
    // IOS answers a capture command it cannot carry out with a `%` line, not an error indicator.
    const bad = /^%.*$/m.exec(output);
    if (bad || (expect && !expect.test(output))) throw new CaptureStep(`"${command}" answered: ${bad?.[0] ?? (output.trim() || '(nothing)')}`);
    return output;
  };
  let defined = false;
  try {
    let address = target.host;
    if (!isIpv4(address)) {
      const ping = parsePing(await run(`ping ${vrf}${address}${target.sourceInterface ? ` source ${target.sourceInterface}` : ''}`)).value;
      if (!ping.target || !isIpv4(ping.target)) throw new CaptureStep(`${address} did not resolve`);
      address = ping.target;
    }
    result.target = address;
    const cef = parseShowIpCef(await run(`show ip cef ${vrf}${address}`)).value;
    const hop = cef.nextHops.find((h) => h.interface);
    if (!hop?.interface) throw new CaptureStep(`no route toward ${address} in show ip cef`);
    result.nextHop = hop.attached || !hop.address ? address : hop.address;
    let port = hop.interface;
    if (/^vlan/i.test(hop.interface)) {
      // An SVI is not a capture port: the physical port is where the next hop's MAC was learned.
      const arp = parseShowIpArp(await run(`show ip arp ${vrf}${result.nextHop}`)).value;
      result.mac = arp.entries.find((e) => e.address === result.nextHop)?.mac ?? null;
      if (!result.mac) throw new CaptureStep(`no ARP entry for ${result.nextHop}`);
      const macs = parseShowMacAddressTable(await run(`show mac address-table address ${result.mac}`)).value;
      const learned = macs.entries.find((e) => e.ports.length > 0);
      if (!learned) throw new CaptureStep(`${result.mac} is not in the MAC address table`);
      port = learned.ports[0]!;
    }
    result.port = port;
    defined = true;
    await run(`monitor capture ${CAPTURE_NAME} interface ${port} both`);
    await run(`monitor capture ${CAPTURE_NAME} match any`);
    await run(`monitor capture ${CAPTURE_NAME} start`, /Started capture point/);
    await run('license smart sync all');
    await clock.sleep(options.waitMs ?? DEFAULT_CAPTURE_WAIT_MS);
    await run(`monitor capture ${CAPTURE_NAME} stop`, /Stopped capture point/);
    const file = `flash:slp-${safe(options.host)}-${stamp(clock.now())}.pcap`;
    await run(`monitor capture ${CAPTURE_NAME} export location ${file}`, /Export Started Successfully/);
    result.file = file;
  } catch (error) {
    if (!(error instanceof CaptureStep)) throw error;
    result.error = error.message;
  } finally {
    if (defined) {
      try {
        await run(`no monitor capture ${CAPTURE_NAME}`);
        result.cleanedUp = true;
      } catch (error) {
        if (!(error instanceof CaptureStep)) throw error;
        result.error = [result.error, `clean-up: ${error.message}`].filter(Boolean).join('; ');
      }
    } else {
      result.cleanedUp = true;
    }
  }
  return result;
}
