/** The one classification of a step's error: failed, or unreachable as Ansible means it. */
import { AuthError, CommandRejectedError, DeviceTimeoutError, DisconnectedError, exitCodeFor, HostKeyError, RollbackError, UnreachableError } from '../../../src/errors';
import { errorStatus } from '../../../src/steps/classify-error';
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

describe('errorStatus by step', () => {
  it('a connect that timed out never had a session: unreachable; a command that timed out later: failed', () => {
    const timeout = new DeviceTimeoutError('sw', 'connect', 5000);
    expect(errorStatus(timeout, 'connect')).toBe('unreachable');
    expect(errorStatus(timeout, 'diagnose')).toBe('failed');
  });

  it('login refused, host key refused and a dropped session are unreachable in every step, and exit 4 when they escape a command', () => {
    for (const e of [new AuthError('sw', 'password refused'), new HostKeyError('sw', 'ssh-ed25519 AAAA1', 'ssh-ed25519 AAAA2'), new DisconnectedError('sw', 'show version')]) {
      expect(errorStatus(e, 'diagnose')).toBe('unreachable');
      expect(exitCodeFor(e)).toBe(4);
    }
  });
});
