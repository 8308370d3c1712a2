import { CommandRejectedError, DeviceTimeoutError, DisconnectedError, RollbackError, UnreachableError } from '../../../src/errors';
import { errorStatus } from '../../../src/runner/classify-step';
import { PushInterruptedError } from '../../../src/converge/recover-push';

describe('errorStatus for a push cut by a lost session', () => {
  const lost = new DisconnectedError('sw', 'ip name-server 10.31.104.74');
  it.each([
    ['rolled back on a new session: failed (the switch answered and was left consistent)', new PushInterruptedError('sw', lost, ['no ip http client source-interface']), 'failed'],
    ['reconnect refused: unreachable', new RollbackError('sw', 'could not reconnect', { cause: new UnreachableError('sw', 'ECONNREFUSED') }), 'unreachable'],
    ['reconnect timed out: unreachable', new RollbackError('sw', 'could not reconnect', { cause: new DeviceTimeoutError('sw', 'connect', 5000) }), 'unreachable'],
    ['the new session dropped too: unreachable', new RollbackError('sw', 'on a new session', { cause: lost }), 'unreachable'],
    ['the rollback was refused by the switch: failed', new RollbackError('sw', 'on a new session', { cause: new CommandRejectedError('sw', 'no x', '% Invalid input', '') }), 'failed'],
    ['a rolled-back config that does not match: failed', new RollbackError('sw', 'after rollback: missing "x"'), 'failed'],
  ])('%s', (_what, error, status) => {
    expect(errorStatus(error, 'apply')).toBe(status);
  });
});
