import { Redactor, REDACTED } from '../../src/redact';

describe('Redactor', () => {
  it('hides values it was given, longest first', () => {
    const r = new Redactor(['hunter22', 'hunter2233']);
    expect(r.redact('pw hunter2233 and hunter22')).toBe(`pw ${REDACTED} and ${REDACTED}`);
  });

  it('hides a trust token in the command even when it was never registered', () => {
    const r = new Redactor();
    expect(r.redact('license smart trust idtoken NmVkZTQ1abc all force')).toBe(
      `license smart trust idtoken ${REDACTED} all force`,
    );
  });

  it('hides tokens inside JSON, also JSON nested as an escaped string', () => {
    const r = new Redactor();
    expect(r.redact('{"id_token":"abc.def.ghi","x":1}')).toBe(`{"id_token":"${REDACTED}","x":1}`);
    expect(r.redact('"{\\"idtoken\\":\\"abcdef\\"}"')).toBe(`"{\\"idtoken\\":\\"${REDACTED}\\"}"`);
  });

  it('deep-redacts report values', () => {
    const r = new Redactor(['s3cret!']);
    expect(r.redactValue({ a: ['x s3cret!'], b: 3 })).toEqual({ a: [`x ${REDACTED}`], b: 3 });
  });

  describe('an idtoken in the form CSSM issues it (URL-encoded base64, reference §2.1)', () => {
    // Same shape as the seed guide's example token: base64 lines joined by %0A, `=` as %3D.
    const token = 'ZmFrZS10b2tlbi1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVm%0AQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWmFiY2RlZmdoaWprbG1u%0AOTg3NlpaST0%3D%0A';
    const decoded = decodeURIComponent(token);
    const r = new Redactor([token]);

    it('hides it as sent, URL-decoded whole, and each decoded line', () => {
      expect(r.redact(`x ${token} y`)).toBe(`x ${REDACTED} y`);
      expect(r.redact(decoded)).not.toMatch(/[A-Za-z0-9]{12}/);
      for (const line of decoded.split('\n').filter(Boolean)) expect(r.redact(`[${line}]`)).toBe(`[${REDACTED}]`);
    });

    it('hides a fragment: a command echoed scrolled or cut at the terminal width', () => {
      const echoed = `$ust idtoken ${token.slice(0, 40)}`;
      expect(r.redact(echoed)).toBe(`$ust idtoken ${REDACTED}`);
      expect(r.redact(`... ${token.slice(30, 70)}`)).toBe(`... ${REDACTED}`);
    });

    it('hides the JSON form with escaped slashes', () => {
      const withSlash = 'AbCdEfGhIjKlMnOp/QrStUvWxYz0123456789+/%0A';
      expect(new Redactor([withSlash]).redact(`{"t":"${withSlash.replace(/\//g, '\\/')}"}`)).toBe(`{"t":"${REDACTED}"}`);
    });

    it('leaves ordinary output alone (interface names, serials, dates)', () => {
      const text = 'GigabitEthernet1/0/1 up; PID:C9300-48UXM,SN:FOC2519L8R7; Trust Code Installed: Jan 24 23:19:05 2025 UTC';
      expect(r.redact(text)).toBe(text);
    });
  });
});
