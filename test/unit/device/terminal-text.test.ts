import fc from 'fast-check';
import { echoSeen, stripEcho } from '../../../src/device/channel';
import { liftSyslogLines, parseSyslogLine } from '../../../src/device/syslog-event';
import { appendChunk, cleanTerminalText, emptyCleanState } from '../../../src/device/terminal-text';

describe('cleanTerminalText', () => {
  it('turns CRLF into LF and drops ANSI codes', () => {
    expect(cleanTerminalText('\x1b[?1h\x1b=line 1\r\n\x1b[1mSwitch#\x1b[0m')).toBe('line 1\nSwitch#');
  });

  it('applies backspaces as IOS uses them to erase --More--', () => {
    expect(cleanTerminalText(`a\n --More-- ${'\b'.repeat(10)}b`)).toBe('a\nb');
  });

  it('keeps an escape sequence cut by a chunk boundary for the next chunk', () => {
    const s1 = appendChunk(emptyCleanState(), 'abc\x1b[1');
    expect(s1.text).toBe('abc');
    expect(appendChunk(s1, 'mdef').text).toBe('abcdef');
  });
});

describe('syslog lines', () => {
  const line = '*Jan 24 23:19:05.144: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Unable to resolve server hostname/domain name';

  it('parses a SMART_LIC line', () => {
    const at = new Date(0);
    expect(parseSyslogLine(line, at)).toEqual({
      timestamp: '*Jan 24 23:19:05.144',
      facility: 'SMART_LIC',
      severity: 3,
      mnemonic: 'COMM_FAILED',
      message: 'Communications failure with the Cisco Smart Software Manager (CSSM) : Unable to resolve server hostname/domain name',
      receivedAt: at,
      raw: line,
    });
  });

  it('parses sequence numbers, years and time zones', () => {
    expect(parseSyslogLine('000123: Jan 24 2025 23:19:05.144 UTC: %SYS-5-CONFIG_I: Configured from console')).toMatchObject({
      timestamp: 'Jan 24 2025 23:19:05.144 UTC',
      mnemonic: 'CONFIG_I',
    });
  });

  it('lifts complete lines only and keeps the unterminated tail', () => {
    const lifted = liftSyslogLines(`out 1\n${line}\nout 2\n*Jan 24 23:19`);
    expect(lifted.text).toBe('out 1\nout 2\n*Jan 24 23:19');
    expect(lifted.events.map((e) => e.mnemonic)).toEqual(['COMM_FAILED']);
  });

  it('leaves lines that only mention a percent sign', () => {
    expect(liftSyslogLines('CPU 5%\n% Invalid input\n')).toEqual({ text: 'CPU 5%\n% Invalid input\n', events: [] });
  });
});

describe('stripEcho', () => {
  it('removes the echoed command and the newline before the prompt', () => {
    expect(stripEcho('show clock\n*10:00:00 UTC Mon Jan 1 2025\n', 'show clock')).toBe('*10:00:00 UTC Mon Jan 1 2025');
  });
  it('removes an echo that follows a redrawn prompt', () => {
    expect(stripEcho('Switch#show clock\nx\n', 'show clock')).toBe('x');
  });
  it('keeps a first line that is not the echo', () => {
    expect(stripEcho('\nSmart Licensing is ENABLED\n', '')).toBe('Smart Licensing is ENABLED');
  });
});

describe('echoSeen: a prompt ends a read only after the echo of what was sent', () => {
  it('a prompt redrawn after a syslog line that arrived as the command was sent is stale', () => {
    // The syslog line itself was lifted out; what is left is its leading newline and the prompt.
    expect(echoSeen('\n', 'configure confirm', false)).toBe(false);
    expect(echoSeen('\nSwitch#\n', 'configure confirm', false)).toBe(false);
  });
  it('the echo ended by a newline counts, also after a redrawn prompt', () => {
    expect(echoSeen('configure confirm\n% No Rollback Confirmed Change pending\n', 'configure confirm', false)).toBe(true);
    expect(echoSeen('\nSwitch#configure confirm\n', 'configure confirm', false)).toBe(true);
    expect(echoSeen('configure confirm', 'configure confirm', false)).toBe(false);
  });
  it('a secret is never echoed whole, and a bare return echoes nothing: a newline does', () => {
    expect(echoSeen('\n', 'Sup3r-Secret', true)).toBe(true);
    expect(echoSeen('\n', '', false)).toBe(true);
    expect(echoSeen('', '', false)).toBe(false);
  });
});

describe('appendChunk fast path (no backspace in the chunk)', () => {
  // The character loop as it was before the fast path: the reference the fast path must equal.
  const byCharacter = (text: string, input: string): string => {
    let pending = '';
    for (const ch of input) if (ch === '\n' || ch === '\t' || ch >= ' ') pending += ch;
    return text + pending;
  };
  test('drops the same control characters as the character loop', () => {
    const alphabet = ['a', 'Z', ' ', '#', '\n', '\r', '\t', '\x07', '\x00', '\x0b', '\x1f', 'é', '\u2028'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), fc.string({ maxLength: 10 }), (chars, before) => {
      const chunk = chars.join('');
      const prior = before.replace(/[\x00-\x1f\x7f]/g, '');
      expect(appendChunk({ text: prior, carry: '' }, chunk).text).toBe(byCharacter(prior, chunk));
    }), { numRuns: 300 });
  });
});
