import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeRequiring, requireShared, sharedPath } from '../helpers/requires';

// Spawns the built binary (`npm test` builds first).
const BIN = join(__dirname, '../../bin/slp.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });

describe('slp parse', () => {
  test('prints the parsed object as JSON from a file, with abbreviations', () => {
    const r = run(['parse', 'sh lic stat', join(__dirname, '../fixtures/parsers/show-license-status-17.3-default.txt')]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.command).toBe('show license status');
    expect(out.value.transport.type).toBe('cslu');
    expect(out.warnings).toEqual([]);
  });
  test('reads standard input and redacts trust tokens', () => {
    const history = 'Trust Establishment:\nREQUEST: Jan 24 23:18:59 2025 UTC\n{"request":"{\\"token\\":\\"SECRETTOKEN123\\"}"}\n\nRESPONSE: Jan 24 23:19:05 2025 UTC\n\n';
    const r = run(['parse', 'show license history message', '-'], history);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('SECRETTOKEN123');
    expect(JSON.parse(r.stdout).value.exchanges).toHaveLength(1);
  });
  test('hides a token nested two JSON strings deep, as a real ID_TOKEN_TRUST request carries it', () => {
    const token = 'NGFkODgzMGUtZmNkMS00NTRjLWI5MjUtYjI0YWYzZjU1ZGQz%0AODA0NTV8VXVHVjdv%0A';
    const data = JSON.stringify({ hostname: 'Switch', token, mode: 'PERMANENT', force: true });
    const request = JSON.stringify({ request: JSON.stringify({ header: { request_type: 'ID_TOKEN_TRUST' }, request_data: data }) });
    expect(request).toContain('\\\\\\"token\\\\\\":'); // three backslashes, as on the switch
    const history = `Trust Establishment:\n\nREQUEST: Feb 21 16:54:49 2025 UTC\n${request}\n\nRESPONSE: Feb 21 16:54:49 2025 UTC\n\n`;
    for (const args of [['-'], ['-', '--compact']]) {
      const r = run(['parse', 'show license history message', ...args], history);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain(token);
      const [exchange] = JSON.parse(r.stdout).value.exchanges;
      expect(exchange.request.request.request_data).toEqual({ hostname: 'Switch', token: '***', mode: 'PERMANENT', force: true });
      expect(exchange.requestRaw).toContain('***');
    }
  });
  test('exits 2 when nothing of the command is in the input: a "% Invalid input" capture, an empty file', () => {
    // What 17.3 prints for a command it does not have (reference §9: caret and marker).
    const invalid = "Switch#show license rum id all\n                    ^\n% Invalid input detected at '^' marker.\n\nSwitch#\n";
    const r = run(['parse', 'show license status', '-'], invalid);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('slp parse: nothing of "show license status" found in standard input');
    expect(run(['parse', 'show license udi', '-'], '').status).toBe(2);
  });
});

describeRequiring([requireShared('real-outputs')])('slp parse on real captures', () => {
  test('exits 0 on every real capture of a command it parses (../shared/real-outputs)', () => {
    const root = sharedPath('real-outputs');
    const failed: string[] = [];
    for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const command = dir.name === 'syslog-smart-lic' ? 'show logging' : dir.name.replace(/-/g, ' ');
      for (const f of readdirSync(join(root, dir.name)).filter((n) => n.endsWith('.txt'))) {
        const r = run(['parse', command, join(root, dir.name, f)]);
        if (r.status !== 0) failed.push(`${dir.name}/${f}: exit ${r.status}`);
      }
    }
    expect(failed).toEqual([]);
  });
});

describe('slp --help', () => {
  test('--help shows each default once and lists the exit codes', () => {
    const help = run(['run', '--help']).stdout;
    expect(help.match(/default/g)).toHaveLength(2); // --forks and --backup-dir, once each
    expect(help.replace(/\s+/g, ' ')).toContain('specify number of parallel hosts to use (default: "50")');
    expect(help).not.toContain('default=');
    expect(help).toContain('Exit codes:\n  0  every host ok or changed\n');
    for (const c of ['plan', 'apply', 'diagnose', 'validate', 'parse', 'sim', 'demo']) expect([c, run([c, '--help']).stdout]).toEqual([c, expect.stringContaining('Exit codes:')]);
  });
  test.each([
    ['sh lic rum id all', 'show license rum', 'Smart Licensing Usage Report:\n====\nReport Id,          State,    Flag, Feature Name\n1700000001          ACK       N     dna-advantage\n', (v: Record<string, unknown>) => v.byState, { ACK: 1 }],
    ['show clock detail', 'show clock', '*00:16:00.857 UTC Sat Dec 26 2025\nTime source is hardware calendar\n', (v: Record<string, unknown>) => v.timeSource, 'hardware calendar'],
    ['sh ntp stat', 'show ntp status', 'Clock is unsynchronized, stratum 16, no reference clock\n', (v: Record<string, unknown>) => v.synchronized, false],
  ])('%s (issue 15 parsers) from standard input', (typed, name, text, pick, want) => {
    const r = run(['parse', typed, '-'], text);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.command, pick(out.value), out.warnings]).toEqual([name, want, []]);
  });
  test('an unknown command exits 2', () => {
    const r = run(['parse', 'show frobnicate', '-'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown or ambiguous command');
  });
});
