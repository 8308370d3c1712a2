/** diagnose over several hosts: order kept, unreachable hosts, exit codes, redacted output. */
import { AuthError, UnreachableError } from '../../../src/errors';
import { Redactor } from '../../../src/redact';
import { diagnoseExitCode, diagnoseFleet, type HostReport } from '../../../src/diagnose/fleet';
import { formatReports, reportsJson } from '../../../src/diagnose/report';
import { ScriptedDevice } from '../../helpers/scripted-device';
import * as o from '../verify/outputs';

const healthyScript = {
  'show version': o.VERSION_179, 'show license status': o.STATUS_HEALTHY, 'show running-config': o.RUN_CONFIG, 'show clock': o.CLOCK_OK,
  'show license eventlog 7': o.EVENTLOG_CLEAN, 'show logging': o.LOGGING_CLEAN, 'show license history message': o.HISTORY_ANSWERED,
  'show license tech support': o.TECH_OK, [o.PING_CSSM]: o.PING_OK, [o.TELNET_CSSM]: o.TELNET_OPEN,
};
const clock = { now: () => o.NOW, sleep: async () => undefined };

describe('diagnoseFleet', () => {
  it('keeps host order, reports unreachable hosts, and closes every session', async () => {
    const closed: string[] = [];
    const connect = async (host: string) => {
      if (host === 'down') throw new UnreachableError('down', 'connect ECONNREFUSED 127.0.0.1:1');
      if (host === 'badpw') throw new AuthError('badpw', 'password refused');
      const d = new ScriptedDevice(host === 'ok' ? healthyScript : { ...healthyScript, 'show license status': o.STATUS_CSLU });
      d.close = async () => void closed.push(host);
      return d;
    };
    const reports = await diagnoseFleet(['ok', 'down', 'cslu', 'badpw'], connect, { forks: 2, clock });
    expect(reports.map((r) => [r.host, r.status, r.diagnosis?.cause])).toEqual([
      ['ok', 'diagnosed', 'healthy'], ['down', 'unreachable', undefined], ['cslu', 'diagnosed', 'not_configured'], ['badpw', 'unreachable', undefined],
    ]);
    expect(closed.sort()).toEqual(['cslu', 'ok']);
    expect(diagnoseExitCode(reports)).toBe(4);
    expect(diagnoseExitCode(reports.filter((r) => r.status === 'diagnosed'))).toBe(2);
    expect(diagnoseExitCode(reports.slice(0, 1))).toBe(0);
  });

  it('prints one block per host and never a secret, on the terminal or in JSON', () => {
    const token = 'SecretTokenValue1234567890';
    const reports: HostReport[] = [{
      host: 'sw1', status: 'diagnosed',
      diagnosis: {
        cause: 'invalid_or_expired_token', summary: 'CSSM refused the trust token: The ID token has expired.',
        evidence: [`show license history message: {"token":"${token}"}`, `license smart trust idtoken ${token} all force`],
        remedy: 'Generate a new token.', steps: ['ran: show version'],
      },
    }, { host: 'sw2', status: 'unreachable', error: 'sw2: authentication failed: password lab-enable refused' }];
    const redactor = new Redactor(['lab-enable']);
    const text = formatReports(reports, redactor);
    expect(text).toBe([
      'sw1: invalid_or_expired_token — CSSM refused the trust token: The ID token has expired.',
      '  evidence:',
      '    show license history message: {"token":"***"}',
      '    license smart trust idtoken *** all force',
      '  remedy: Generate a new token.',
      '',
      'sw2: UNREACHABLE: sw2: authentication failed: password *** refused',
      '',
      'recap: 2 host(s): 0 healthy, 1 with a cause, 1 unreachable',
      '',
    ].join('\n'));
    const json = reportsJson(reports, redactor, o.NOW);
    expect(json).not.toContain(token);
    expect(json).not.toContain('lab-enable');
    expect(JSON.parse(json)).toMatchObject({ version: 1, createdAt: '2025-01-24T23:40:00.000Z', hosts: [{ host: 'sw1', diagnosis: { cause: 'invalid_or_expired_token' } }, { host: 'sw2', status: 'unreachable' }] });
  });
});
