/**
 * `show version` for a Catalyst 9000 (reference §3.9; real captures show-version/04 and /10 for the
 * stack blocks). Ansible's ios_facts reads the first `Version (\S+)`, `^cisco (.+) \(revision` or
 * `… bytes of memory`, `^(.+) uptime`, `image file is "(.+)"` and `board ID (\S+)` from it.
 */
import type { SimDevice } from '../sim-device';
import { trainName, licenceNames } from '../platforms';
import { uptime } from '../format-time';

const GPL = `Cisco IOS-XE software, Copyright (c) 2005-2024 by cisco Systems, Inc.
All rights reserved.  Certain components of Cisco IOS-XE software are
licensed under the GNU General Public License ("GPL") Version 2.0.  The
software code licensed under GPL Version 2.0 is free software that comes
with ABSOLUTELY NO WARRANTY.  You can redistribute and/or modify such
GPL code under the terms of GPL Version 2.0.  For more details, see the
documentation or "License Notice" file accompanying the IOS-XE software,
or the applicable URL provided on the flyer accompanying the IOS-XE
software.`;

const EXPORT = `This product contains cryptographic features and is subject to United
States and local country laws governing import, export, transfer and
use. Delivery of Cisco cryptographic products does not imply
third-party authority to import, export, distribute or use encryption.
Importers, exporters, distributors and users are responsible for
compliance with U.S. and local country laws. By using this product you
agree to comply with applicable laws and regulations. If you are unable
to comply with U.S. and local laws, return this product immediately.

A summary of U.S. laws governing Cisco cryptographic products may be found at:
http://www.cisco.com/wwl/export/crypto/tool/stqrg.html

If you require further assistance please contact us by sending email to
export@cisco.com.`;

/** How the hardware summary names each port type (real captures: `28 Gigabit Ethernet interfaces`). */
const PORT_WORDS: Record<string, string> = {
  GigabitEthernet: 'Gigabit Ethernet',
  FiveGigabitEthernet: 'Five Gigabit Ethernet',
  TenGigabitEthernet: 'Ten Gigabit Ethernet',
  TwentyFiveGigE: 'TwentyFive Gigabit Ethernet',
};

function mac(serial: string, i: number): string {
  let h = 0;
  for (const ch of serial) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  const b = [0x00, 0xb6, 0x70, (h >> 16) & 0xff, (h >> 8) & 0xff, (h + i * 0x80) & 0xff];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

export function renderShowVersion(d: SimDevice): string {
  const v = d.version;
  const short = v.split('.').map(Number).join('.');
  const [, minor] = v.split('.').map(Number);
  const up = uptime(d.clock.now() - d.bootTime);
  const lic = licenceNames(d.platform);
  const active = d.members[0];
  const ports = d.platform.ports;
  const lines = [
    `Cisco IOS XE Software, Version ${v}`,
    `Cisco IOS Software [${trainName(v)}], Catalyst L3 Switch Software (${d.platform.image}), Version ${short}, RELEASE SOFTWARE (fc1)`,
    'Technical Support: http://www.cisco.com/techsupport',
    'Copyright (c) 1986-2024 by Cisco Systems, Inc.',
    'Compiled Tue 30-Jan-24 15:36 by mcpre',
    '',
    '',
    GPL,
    '',
    '',
    'ROM: IOS-XE ROMMON',
    'BOOTLDR: System Bootstrap, Version 17.9.1r [FC13], RELEASE SOFTWARE (P)',
    '',
    `${d.running.hostname} uptime is ${up}`,
    `Uptime for this control processor is ${up}`,
    'System returned to ROM by Reload Command',
    'System image file is "flash:packages.conf"',
    'Last reload reason: Reload Command',
    '',
    '',
    '',
    EXPORT,
    '',
    '',
    'Technology Package License Information: ',
    '',
    '------------------------------------------------------------------------------',
    'Technology-package                                     Technology-package',
    'Current                        Type                       Next reboot  ',
    '------------------------------------------------------------------------------',
    `${lic.network.padEnd(20)}\tSmart License                 \t ${lic.network.padEnd(20)}`,
    `${lic.dna.padEnd(20)}\tSubscription Smart License    \t ${lic.dna.padEnd(30)}`,
    'AIR License Level: AIR DNA Advantage',
    'Next reload AIR license Level: AIR DNA Advantage',
    '',
    '',
    minor >= 9 ? 'Smart Licensing Status: Smart Licensing Using Policy' : 'Smart Licensing Status: Registration Not Applicable/Not Applicable',
    '',
    `cisco ${active.pid} (X86) processor with ${d.platform.memoryK} bytes of memory.`,
    `Processor board ID ${active.serial}`,
    '1 Virtual Ethernet interface',
    `${ports.count * d.members.length} ${PORT_WORDS[ports.type] ?? 'Gigabit Ethernet'} interfaces`,
    '2048K bytes of non-volatile configuration memory.',
    '8388608K bytes of physical memory.',
    '1638400K bytes of Crash Files at crashinfo:.',
    '11264000K bytes of Flash at flash:.',
    '',
    `Base Ethernet MAC Address          : ${mac(active.serial, 0)}`,
    'Motherboard Assembly Number        : 73-18271-03',
    `Motherboard Serial Number          : ${active.serial.replace(/^F\w{2}/, 'FOC')}`,
    'Model Revision Number              : A0',
    'Motherboard Revision Number        : A0',
    `Model Number                       : ${active.pid}`,
    `System Serial Number               : ${active.serial}`,
    'CLEI Code Number                   : ',
    '',
    '',
    'Switch Ports Model              SW Version        SW Image              Mode   ',
    '------ ----- -----              ----------        ----------            ----   ',
  ];
  d.members.forEach((m, i) => {
    lines.push(`${i === 0 ? '*' : ' '}${String(i + 1).padStart(5)} ${String(ports.count + 4).padEnd(5)} ${m.pid.padEnd(18)} ${v.padEnd(17)} ${d.platform.image.padEnd(21)} INSTALL`);
  });
  d.members.slice(1).forEach((m, j) => {
    lines.push(
      '',
      '',
      `Switch ${String(j + 2).padStart(2, '0')}`,
      '---------',
      `Switch uptime                      : ${up} `,
      '',
      `Base Ethernet MAC Address          : ${mac(m.serial, j + 1)}`,
      'Motherboard Assembly Number        : 73-18271-03',
      `Motherboard Serial Number          : ${m.serial.replace(/^F\w{2}/, 'FOC')}`,
      'Model Revision Number              : A0',
      'Motherboard Revision Number        : A0',
      `Model Number                       : ${m.pid}`,
      `System Serial Number               : ${m.serial}`,
      'Last reload reason                 : Reload Command',
      'CLEI Code Number                   : ',
    );
  });
  lines.push('', '', 'Configuration register is 0x102', '');
  return lines.join('\n');
}
