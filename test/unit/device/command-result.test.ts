/** CommandResult: a failure indicator is data until a caller asks for the error. */
import { CommandResult } from '../../../src/device/device';
import fc from 'fast-check';
import { findFailure } from '../../../src/device/ios';
import { FAILURE_INDICATORS } from '../../../src/device/ios-platform';
import { CommandRejectedError } from '../../../src/errors';

const fields = { host: 'sw1', command: 'show licence status', raw: '', startedAt: new Date(0), elapsedMs: 3 };
const INVALID = "       ^\n% Invalid input detected at '^' marker.";

describe('CommandResult', () => {
  it('throwIfFailed throws CommandRejectedError with the host, command, indicator and output', () => {
    const r = new CommandResult({ ...fields, output: INVALID, failure: findFailure(INVALID) });
    expect(r).toMatchObject({ failed: true, failure: { indicator: '% Invalid input detected', line: "% Invalid input detected at '^' marker." } });
    let thrown: unknown;
    try {
      r.throwIfFailed();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CommandRejectedError);
    expect(thrown).toMatchObject({
      host: 'sw1',
      command: 'show licence status',
      indicator: '% Invalid input detected',
      output: INVALID,
      message: 'sw1: "% Invalid input detected" after "show licence status"',
    });
  });

  it('throwIfFailed returns the same result when nothing failed', () => {
    const r = new CommandResult({ ...fields, command: 'show privilege', output: 'Current privilege level is 15' });
    expect(r.failed).toBe(false);
    expect(r.throwIfFailed()).toBe(r);
  });

  it('serialises with its failure, for reports and transcripts', () => {
    const r = new CommandResult({ ...fields, output: '% Incomplete command.', failure: findFailure('% Incomplete command.') });
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ failed: true, failure: { indicator: '% Incomplete command', line: '% Incomplete command.' } });
  });
});

describe('findFailure', () => {
  it('names the indicator and the whole device line, not text before or after it', () => {
    expect(findFailure('Translating "x"...domain server (10.0.0.1)\n% Bad IP address or host name\n')).toEqual({
      indicator: '% Bad',
      line: '% Bad IP address or host name',
    });
  });
  it('finds nothing in ordinary output', () => {
    expect(findFailure('Last Error: % Invalid input detected\nCommunication: Fail=0')).toBeUndefined();
  });
  it('finds what trying every indicator in turn finds (its quick first look skips no failure)', () => {
    const everyIndicator = (output: string): string | undefined => FAILURE_INDICATORS.find((f) => f.pattern.test(output))?.indicator;
    const line = fc.constantFrom(
      'Smart Licensing is ENABLED', 'CPU 5%', '% Invalid input detected at', '%Incomplete command.', '% Ambiguous command: "sh"',
      'Command authorization failed.', ' command rejected: cannot apply', '%Command Rejected: bad', '% Bad IP address or host name',
      '% Error opening tftp://x', '%Access denied', 'Error: 3', 'Last Error: % Bad', '   ^', '',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const output = lines.join('\n');
        expect(findFailure(output)?.indicator).toBe(everyIndicator(output));
      }),
    );
  });
});
