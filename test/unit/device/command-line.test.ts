import { revertTimerReason, unsendableReason } from '../../../src/device/command-line';

describe('unsendableReason', () => {
  it.each([
    ['show privilege\nreload', 'it contains the control character \\n at column 15; send one command per line'],
    ['show version\r', 'it contains the control character \\r at column 13; send one command per line'],
    ['sh\tver', 'it contains the control character \\t at column 3; send one command per line'],
    ['license smart url default\x1a', 'it contains the control character \\x1a at column 26; send one command per line'],
    ['end\x03', 'it contains the control character \\x03 at column 4; send one command per line'],
    ['show license status ?', 'it contains "?" at column 21, which IOS takes as a request for inline help, not as text'],
    ['description who owns this?', 'it contains "?" at column 26, which IOS takes as a request for inline help, not as text'],
    ['license smart url https://example.com/path?x=1', 'it contains "?" at column 43, which IOS takes as a request for inline help, not as text'],
  ])('refuses %j', (line, reason) => {
    expect(unsendableReason(line)).toBe(reason);
  });

  it.each(['show license status', 'license smart url https://smartreceiver.cisco.com/licservice/license', 'banner motd ^C Hi ^C', ''])(
    'accepts %j',
    (line) => {
      expect(unsendableReason(line)).toBeUndefined();
    },
  );
});

describe('revertTimerReason', () => {
  it.each([0, -1, 121, 1.5, Number.NaN])('refuses %p', (m) => {
    expect(revertTimerReason(m)).toBe(`revert timer must be a whole number of minutes from 1 to 120, got ${m}`);
  });
  it.each([1, 5, 120])('accepts %p', (m) => {
    expect(revertTimerReason(m)).toBeUndefined();
  });
});
