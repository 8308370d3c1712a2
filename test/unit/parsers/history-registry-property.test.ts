import fc from 'fast-check';
import { assertProperty } from '../../helpers/fuzz';
import { PARSERS, parseShowLicenseHistoryMessage, resolveParser } from '../../../src/parsers';
import { Redactor } from '../../../src/redact';
import { fixture } from './helpers';

const REQ = String.raw`{"request":"{\"header\":{\"request_type\":\"ID_TOKEN_TRUST\"},\"request_data\":\"{\\\"hostname\\\":\\\"Switch\\\",\\\"force\\\":true}\"}"}`;
const RESP = String.raw`{"signature":{"type":null},"response":"{\"header\":{\"request_type\":\"ID_TOKEN_TRUST\"},\"status_code\":\"OK\",\"retry_time_seconds\":0}","sch_response":null}`;

describe('parseShowLicenseHistoryMessage', () => {
  test('pairs REQUEST/RESPONSE, decodes nested JSON, and an empty RESPONSE means no reply', () => {
    const text = ['Switch#show license history message', '', 'Message History (oldest to newest):', '====', 'Trust Establishment:', '',
      'REQUEST: Jan 24 23:18:59 2025 UTC', REQ, '', 'RESPONSE: Jan 24 23:19:05 2025 UTC', RESP, '',
      'REQUEST: Feb 21 16:54:49 2025 UTC', REQ, '', 'RESPONSE: Feb 21 16:54:49 2025 UTC', '', 'Trust Sync:', '  No past history', '',
      'Import Message History (oldest to newest):', '====', 'Import TRUST CODE:', 'Received on Jan 24 23:19:05 2025 UTC', '  <TRUST_CODE>'].join('\n');
    const r = parseShowLicenseHistoryMessage(text);
    expect(r.warnings).toEqual([]);
    expect(r.value.categories).toEqual(['Trust Establishment', 'Trust Sync']);
    const [ok, noReply] = r.value.exchanges;
    expect(ok.request).toEqual({ request: { header: { request_type: 'ID_TOKEN_TRUST' }, request_data: { hostname: 'Switch', force: true } } });
    expect([ok.requestType, ok.statusCode, ok.responseAt]).toEqual(['ID_TOKEN_TRUST', 'OK', '2025-01-24T23:19:05.000Z']);
    expect([noReply.response, noReply.responseRaw, noReply.responseAt]).toEqual([null, null, '2025-02-21T16:54:49.000Z']);
    expect(r.value.imports).toEqual([{ type: 'TRUST CODE', receivedAt: '2025-01-24T23:19:05.000Z', lines: ['<TRUST_CODE>'] }]);
  });
});

describe('requestRaw (token in clear) and the shared Redactor', () => {
  test('a token two JSON strings deep, as a real trust request carries it, is hidden without knowing it', () => {
    const token = 'MzgwMDAwMTItOGVkOC00OWEx%0ANDkyMTF8U1N4MFV0RDgz%0A';
    const data = JSON.stringify({ hostname: 'Switch', token, force: true });
    const raw = JSON.stringify({ request: JSON.stringify({ header: { request_type: 'ID_TOKEN_TRUST' }, request_data: data }) });
    const text = `Trust Establishment:\nREQUEST: Jan 24 23:18:59 2025 UTC\n${raw}\n\nRESPONSE: Jan 24 23:19:05 2025 UTC\n\n`;
    const [exchange] = parseShowLicenseHistoryMessage(text).value.exchanges;
    expect(exchange.requestRaw).toBe(raw);
    expect(new Redactor().redact(exchange.requestRaw ?? '')).toBe(raw.replace(token, '***'));
  });
});

describe('resolveParser', () => {
  test.each([
    ['sh lic stat', 'show license status'],
    ['show run | section license', 'show running-config'],
    ['sh ver', 'show version'],
    ['sh lic tech sup', 'show license tech support'],
    ['sh license hist mess', 'show license history message'],
    ['sh ip int br', 'show ip interface brief'],
    ['sh ip cef 10.31.104.78', 'show ip cef'],
    ['telnet 192.168.217.105 80 /ipv4', 'telnet'],
  ])('%s → %s', (typed, name) => {
    expect(resolveParser(typed)?.name).toBe(name);
  });
  test('ambiguous or unknown input resolves to null', () => {
    expect(resolveParser('sh lic')).toBeNull();
    expect(resolveParser('show frobnicate')).toBeNull();
    expect(resolveParser('')).toBeNull();
  });
});

describe('no parser throws', () => {
  const parsers = Object.entries(PARSERS);
  test('on arbitrary text', () => {
    assertProperty(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(...parsers), (text, [, parse]) => {
        const r = parse(text);
        expect(Array.isArray(r.warnings)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
  test('on mutated real-shaped text (lines dropped, duplicated, truncated, re-indented)', () => {
    const seeds = [fixture('show-license-status-stack-smart-proxy.txt'), fixture('show-running-config-slp.txt'), fixture('show-version-c9300-stack-17.9.txt')];
    assertProperty(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 12 })), { maxLength: 12 }), fc.constantFrom(...parsers), (seed, edits, [, parse]) => {
        const lines = seed.split('\n');
        for (const [pos, kind, junk] of edits) {
          const i = pos % lines.length;
          if (kind === 0) lines.splice(i, 1);
          else if (kind === 1) lines.splice(i, 0, lines[i]);
          else if (kind === 2) lines[i] = lines[i].slice(0, lines[i].length >> 1) + junk;
          else lines[i] = '   ' + lines[i].trimStart();
          if (lines.length === 0) lines.push('');
        }
        expect(() => parse(lines.join('\n'))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
