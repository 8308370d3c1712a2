/** `show logging`: header as in real capture syslog-smart-lic/01, then the buffer, oldest first. */
import type { SimDevice } from '../sim-device';

export function renderShowLogging(d: SimDevice): string {
  const n = d.logBuffer.length;
  return [
    'Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)',
    '',
    'No Active Message Discriminator.',
    '',
    '',
    '',
    'No Inactive Message Discriminator.',
    '',
    '',
    '    Console logging: disabled',
    `    Monitor logging: level debugging, ${n} messages logged, xml disabled,`,
    '                     filtering disabled',
    `    Buffer logging:  level debugging, ${n} messages logged, xml disabled,`,
    '                    filtering disabled',
    '    Exception Logging: size (4096 bytes)',
    '    Count and timestamp logging messages: disabled',
    '    File logging: disabled',
    '    Persistent logging: disabled',
    '',
    'No active filter modules.',
    '',
    '    Trap logging: level informational, 0 message lines logged',
    '        Logging Source-Interface:       VRF Name:',
    '',
    `Log Buffer (102400 bytes):`,
    '',
    ...d.logBuffer,
    '',
  ].join('\n');
}
