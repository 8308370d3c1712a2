/**
 * The prompt layer reads what arrives, however TCP cuts it: the same reply delivered in one piece
 * or cut anywhere (inside CRLF, an ANSI sequence, a syslog line) gives the same output and the
 * same syslog events. The channel keeps finished lines apart from the line still arriving, so
 * this is what proves the split loses or duplicates nothing.
 */
import fc from 'fast-check';
import { COMMAND, readInPieces as read } from '../../helpers/piece-shell';

const SYSLOG = '*Jan 24 23:19:05.144: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Unable to resolve server hostname/domain name';
const line = fc.constantFrom(
  'Smart Licensing is ENABLED',
  '  Type: Transport Smart',
  'CPU utilization 5%',
  '% Invalid input detected at',
  SYSLOG,
  '\x1b[1mTrust Code Installed:\x1b[0m Jan 24 23:19:05 2025 UTC',
  '',
  'x'.repeat(300),
);

describe('Channel, a reply cut into pieces', () => {
  it('gives the output and events the same reply gives in one piece', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (lines, syslogAfterPrompt, cuts) => {
          const reply = `${COMMAND}\r\n${lines.map((l) => `${l}\r\n`).join('')}Switch#${syslogAfterPrompt ? `\r\n${SYSLOG}\r\n` : ''}`;
          const whole = await read(reply, []);
          const cut = await read(reply, cuts);
          expect(cut.output).toBe(whole.output);
          expect(cut.events).toEqual(whole.events);
          // And both are right: every syslog line is an event, never output.
          const logged = lines.filter((l) => l === SYSLOG).length + (syslogAfterPrompt ? 1 : 0);
          expect(whole.events).toHaveLength(logged);
          expect(whole.output).not.toContain('%SMART_LIC');
        },
      ),
      { numRuns: 300 },
    );
  });
});
