import { ConfigError } from '../../../src/errors';
import { parseMaxSessions } from '../../../src/commands/run';

test('--max-sessions: absent leaves the runner its default; a number at least --forks is taken', () => {
  expect(parseMaxSessions(undefined, 50)).toEqual({});
  expect(parseMaxSessions('400', 50)).toEqual({ maxSessions: 400 });
  expect(parseMaxSessions('50', 50)).toEqual({ maxSessions: 50 });
});

test('--max-sessions below --forks, or not a whole number, is bad input naming the option', () => {
  for (const [value, message] of [['10', /--max-sessions \(10\) must be at least --forks \(50\)/], ['0', /whole number/], ['x', /whole number/]] as const) {
    let error: unknown;
    try {
      parseMaxSessions(value, 50);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).toContain('--max-sessions');
  }
});
