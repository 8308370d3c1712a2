/**
 * `slp diagnose` as a runner mode over several hosts: order kept, unreachable hosts, the runner's
 * exit codes, one text block per host and the runner's JSON report, never a secret.
 */
import { AuthError, DisconnectedError, UnreachableError } from '../../../src/errors';
import { Redactor } from '../../../src/redact';
import { buildJsonReport } from '../../../src/report/json-report';
import { renderDiagnosisText } from '../../../src/report/diagnosis-text';
import { runExitCode } from '../../../src/results/exit-code';
import type { HostResult } from '../../../src/results/host-result';
import type { RunResult } from '../../../src/results/run-result';
import { diagnoseRun } from '../../helpers/diagnose-run';
import { ScriptedDevice } from '../../helpers/scripted-device';
import * as o from '../verify/outputs';

const healthyScript = {
  'show version': o.VERSION_179, 'show license status': o.STATUS_HEALTHY, 'show running-config': o.RUN_CONFIG, 'show clock detail': o.CLOCK_OK,
  'show license eventlog 7': o.EVENTLOG_CLEAN, 'show logging': o.LOGGING_CLEAN, 'show license history message': o.HISTORY_ANSWERED,
  'show license tech support': o.TECH_OK, [o.PING_CSSM]: o.PING_OK, [o.TELNET_CSSM]: o.TELNET_OPEN,
};
const clock = { now: () => o.NOW, sleep: async () => undefined };
const only = (run: RunResult, hosts: string[]): RunResult => ({ ...run, plays: run.plays.map((p) => ({ ...p, hosts: p.hosts.filter((h) => hosts.includes(h.host)) })) });

describe('slp diagnose on the runner', () => {
  it('keeps host order, reports unreachable hosts, closes every session, and exits as the runner', async () => {
    const closed: string[] = [];
    const connect = async (host: string) => {
      if (host === 'down') throw new UnreachableError('down', 'connect ECONNREFUSED 127.0.0.1:1');
      if (host === 'badpw') throw new AuthError('badpw', 'password refused');
      const d = new ScriptedDevice(host === 'ok' ? healthyScript : { ...healthyScript, 'show license status': o.STATUS_CSLU });
      d.close = async () => void closed.push(host);
      return d;
    };
    const run = await diagnoseRun(['ok', 'down', 'cslu', 'badpw'], connect, { clock }, 2);
    const hosts = run.plays[0]!.hosts;
    expect(hosts.map((r) => [r.host, r.status, r.diagnosis?.cause])).toEqual([
      ['ok', 'ok', 'healthy'], ['down', 'unreachable', undefined], ['cslu', 'failed', 'not_configured'], ['badpw', 'unreachable', undefined],
    ]);
    expect(hosts[2]!.steps.map((s) => [s.step, s.status])).toEqual([['connect', 'ok'], ['diagnose', 'failed']]);
    expect(hosts[2]!.steps[1]!.detail).toMatch(/^not_configured — transport is cslu/);
    expect(closed.sort()).toEqual(['cslu', 'ok']);
    expect(runExitCode(run)).toBe(4);
    expect(runExitCode(only(run, ['ok', 'cslu']))).toBe(2);
    expect(runExitCode(only(run, ['ok']))).toBe(0);
  });

  it('a session lost midway is unreachable (the runner\'s classification), with the step it was lost in', async () => {
    const connect = async () => {
      const d = new ScriptedDevice(healthyScript);
      d.run = async () => { throw new DisconnectedError('gone', 'show version'); };
      return d;
    };
    const [r] = (await diagnoseRun(['gone'], connect, { clock })).plays[0]!.hosts;
    expect(r).toMatchObject({ status: 'unreachable', error: { name: 'DisconnectedError', step: 'diagnose' } });
    expect(renderDiagnosisText({ plays: [{ index: 0, name: 'diagnose', pattern: 'all', hosts: [r!] }] }, new Redactor())).toMatch(/^gone: UNREACHABLE: gone: /);
  });

  it('prints one block per host and never a secret, on the terminal or in JSON', () => {
    const token = 'SecretTokenValue1234567890';
    const base = { play: 'diagnose', batch: 1, changed: false, check: false, commands: [], before: [], after: [], checks: [], steps: [], timings: { total: 1 } };
    const hosts: HostResult[] = [{
      ...base, host: 'sw1', status: 'failed',
      diagnosis: {
        cause: 'invalid_or_expired_token', summary: 'CSSM refused the trust token: The ID token has expired.',
        evidence: [`show license history message: {"token":"${token}"}`, `license smart trust idtoken ${token} all force`],
        remedy: 'Generate a new token.', steps: ['ran: show version'],
      },
    }, { ...base, host: 'sw2', status: 'unreachable', error: { name: 'AuthError', code: 'ERR_AUTH', message: 'sw2: authentication failed: password lab-enable refused', step: 'connect' } }];
    const run: RunResult = { startedAt: o.NOW.toISOString(), durationMs: 5, check: false, plays: [{ index: 0, name: 'diagnose', pattern: 'all', hosts }], events: [], interrupted: null, interruptedBy: null };
    const redactor = new Redactor(['lab-enable']);
    expect(renderDiagnosisText(run, redactor)).toBe([
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
    const json = JSON.stringify(buildJsonReport(run, { command: 'diagnose', inventory: 'inv.yaml', toolVersion: '0.1.0', exitCode: runExitCode(run) }, redactor));
    expect(json).not.toContain(token);
    expect(json).not.toContain('lab-enable');
    expect(JSON.parse(json)).toMatchObject({
      command: 'diagnose', exitCode: 4,
      plays: [{ hosts: [{ host: 'sw1', status: 'failed', diagnosis: { cause: 'invalid_or_expired_token' } }, { host: 'sw2', status: 'unreachable' }] }],
    });
  });
});
