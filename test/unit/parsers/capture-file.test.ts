import { commandFromFileName, readCaptureFiles, readCaptureText } from '../../../src/parsers';

describe('readCaptureText: a session log', () => {
  const log = [
    'sw-a1>enable', 'Password:',
    'sw-a1#sh lic eventlog 1', '', '**** Event Log ****', '2025-01-24 15:17:46.341 UTC SAEVT_COMM_FAIL error="Connection timed out"', '',
    'sw-a1#show running-config | include license', 'license smart transport smart', 'banner motd ^C', 'other#show license status', '^C',
    'sw-a1#show license status | include Next', '  Next ACK deadline: Apr 24 15:17:46 2026 UTC',
    'sw-a1#show license status', 'Usage Reporting:', '  Last ACK received: Jan 24 15:17:40 2025 UTC', '  Next ACK deadline: Apr 24 15:17:46 2026 UTC',
    'sw-a1#',
  ].join('\n');
  const c = readCaptureText(log, 'session.log');

  test('splits at the session host\'s prompts only (a banner line with another "host#" stays output)', () => {
    expect(c.commands.map((x) => [x.typed, x.name, x.filtered, x.line])).toEqual([
      ['enable', null, false, 2],
      ['sh lic eventlog 1', 'show license eventlog', false, 4],
      ['show running-config | include license', 'show running-config', true, 9],
      ['show license status | include Next', 'show license status', true, 14],
      ['show license status', 'show license status', false, 16],
    ]);
    expect(c.warnings).toEqual([]);
    expect(c.commands[2].output).toBe('license smart transport smart\nbanner motd ^C\nother#show license status\n^C');
  });
  test('the full output is the one kept for a command, and a future deadline is not "now"', () => {
    expect(c.outputs['show license status']).toContain('Last ACK received');
    expect(c.now).toEqual({ time: '2025-01-24T15:17:46.341Z', source: 'newest timestamp', authoritative: null, raw: '2025-01-24 15:17:46.341 UTC' });
  });
});

describe('readCaptureFiles: edge cases', () => {
  test('an excerpt that comes after the full output does not replace it', () => {
    const c = readCaptureText('Switch#show clock\n*10:00:00.000 UTC Fri Jan 24 2025\nSwitch#show clock | i UTC\n10:00:01.000 UTC Fri Jan 24 2025\n');
    expect(c.outputs['show clock']).toBe('*10:00:00.000 UTC Fri Jan 24 2025');
    expect(c.now).toMatchObject({ source: 'show clock', authoritative: false });
  });
  test('a capture with no date says so rather than guessing', () => {
    expect(readCaptureText('UDI: PID:C9300-48P,SN:FOC1\n').now).toEqual({ time: null, source: null, authoritative: null, raw: null });
  });
  test('text no command can be told from is a warning', () => {
    const c = readCaptureFiles([{ name: 'x.txt', text: 'hello\nworld\n' }]);
    expect([c.commands, c.warnings]).toEqual([[], ['x.txt:1: output of an unknown command (2 lines) skipped', 'no command output recognised in the capture']]);
  });
  test.each([
    ['show-license-status.txt', 'show license status'],
    ['sh lic stat.txt', 'sh lic stat'],
    ['/tmp/cap/show_license_tech_support.log', 'show license tech support'],
  ])('file name %s → %s', (name, typed) => {
    expect(commandFromFileName(name)).toBe(typed);
  });
});
