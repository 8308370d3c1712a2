/**
 * Embedded Packet Capture, as the seed uses it: define on an interface, `match any`, start, stop,
 * export to flash, delete. The capture counts the licensing exchanges that happen while running.
 */
import type { CommandTree } from './command-tree';
import type { Handler } from './command-types';

export function monitorCapture(t: CommandTree<Handler>): void {
  t.add('monitor capture <name:word> interface <iface:iface> <dir:both|in|out>', (s, a) => {
    const c = s.device.captures.get(a.name) ?? { running: false, packets: 0 };
    s.device.captures.set(a.name, { ...c, iface: a.iface });
    return '';
  });
  t.add('monitor capture <name:word> match any', (s, a) => {
    const c = s.device.captures.get(a.name) ?? { running: false, packets: 0 };
    s.device.captures.set(a.name, { ...c, match: 'any' });
    return '';
  });
  t.add('monitor capture <name:word> start', (s, a) => {
    const c = s.device.captures.get(a.name);
    if (!c?.iface) return `% Capture point ${a.name} does not exist or is not fully configured\n`;
    c.running = true;
    c.packets = 0;
    return `Started capture point : ${a.name}\n`;
  });
  t.add('monitor capture <name:word> stop', (s, a) => {
    const c = s.device.captures.get(a.name);
    if (!c?.running) return `% Capture point ${a.name} is not active\n`;
    c.running = false;
    const h = s.device.licensing.history;
    c.packets = 24 * (h['Trust Sync'].length + h['Usage Reporting'].length + h['Trust Establishment'].length);
    return `Capture statistics collected at software:\n\tCapture duration - 60 seconds\n\tPackets received - ${c.packets}\n\tPackets dropped - 0\n\tPackets oversized - 0\n\nStopped capture point : ${a.name}\n`;
  });
  const exportTo: Handler = (s, a) => {
    const c = s.device.captures.get(a.name);
    if (!c) return `% Capture point ${a.name} does not exist\n`;
    s.device.flash.set(a.file.replace(/^flash:/, ''), c.packets);
    return 'Export Started Successfully\n';
  };
  t.add('monitor capture <name:word> export <file:word>', exportTo);
  t.add('monitor capture <name:word> export location <file:word>', exportTo);
  t.add('no monitor capture <name:word>', (s, a) => (s.device.captures.delete(a.name), ''));
}
