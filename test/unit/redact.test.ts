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
});
