import fc from 'fast-check';
import { Redactor } from '../../src/redact';

const TOKEN = 'UmVsVG9rZW4tZmFrZS0wMTIzNDU2Nzg5YWJjZGVmLXRlc3Qtb25seS0x%0AMjM0NTZ8UmVsYXhlZFRva2VuRm9yVGVzdHNPbmx5Tm90UmVhbFh5%0AWjAxST0%3D%0A';

test('any 12+ character piece of a token, anywhere in an output, is hidden (the quick pre-check never lets one through)', () => {
  const r = new Redactor([TOKEN]);
  fc.assert(fc.property(
    fc.nat({ max: TOKEN.length - 12 }), fc.integer({ min: 12, max: 40 }), fc.constantFrom('', 'x ', 'token: ', '\n'), fc.constantFrom('', ' y', '\r\n'),
    (start, len, before, after) => {
      const piece = TOKEN.slice(start, start + len);
      fc.pre(piece.length >= 12);
      expect(r.redact(`${before}${piece}${after}`)).not.toContain(piece);
    },
  ), { numRuns: 300 });
});

test('text with no piece of the token is left as it is', () => {
  const r = new Redactor([TOKEN]);
  const text = 'Switch#show running-config\nhostname sw1\nip domain name example.com\n';
  expect(r.redact(text)).toBe(text);
});
