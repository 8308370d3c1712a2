import { selectRenderer, useColor } from '../../../src/runner/select-renderer';

describe('selectRenderer', () => {
  it.each([
    [{}, true, 'default'],
    [{}, false, 'verbose'],
    [{ CI: 'true' }, true, 'verbose'],
    [{ CI: '0' }, true, 'default'],
    [{ TERM: 'dumb' }, true, 'verbose'],
    [{ SLP_PROGRESS: 'test' }, true, 'test'],
    [{ NODE_ENV: 'test' }, false, 'test'],
  ] as const)('env %j, TTY %p → %p', (env, isTTY, expected) => {
    expect(selectRenderer({ env, isTTY })).toBe(expected);
  });

  it('quiet wins', () => {
    expect(selectRenderer({ env: { NODE_ENV: 'test' }, isTTY: true, quiet: true })).toBe('silent');
  });
});

describe('useColor', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    [{ TERM: 'dumb' }, true, false],
  ] as const)('env %j, TTY %p → %p', (env, isTTY, expected) => {
    expect(useColor({ env, isTTY })).toBe(expected);
  });
});
