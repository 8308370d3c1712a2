import fc from 'fast-check';
import { assertProperty } from '../../helpers/fuzz';
import { PARSERS, parseShowLicenseHistoryMessage, readCaptureFiles, readCaptureText, resolveParser } from '../../../src/parsers';
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

// Shapes of the parsers added for issue 15, as seeds for the mutation property.
const RUM_DETAIL = 'Smart Licensing Usage Report Detail:\n====\nReport Id: 1700000002\n  Metric Name: ENTITLEMENT\n  UDI: PID:C9300-24UX,SN:FCW0000D16Y\n  Previous Report Id: 0,    Next Report Id: 1700000005\n  State: ACK,      State Change Reason: ACKED\n  Start Time: Oct 14 11:32:40 2021 UTC,      End Time: Oct 14 11:32:48 2021 UTC\nReport Id,          State,    Flag, Feature Name\n1700000001          CLOSED    N     network-advantage\n';
const CLOCK_NTP = 'Switch#show clock detail\n*00:16:00.857 UTC Sat Dec 26 2025\nTime source is hardware calendar\nClock is synchronized, stratum 2, reference is 10.1.1.1\nreference time is DA088DD3.C4E659D3 (13:21:23.769 UTC Fri Nov 15 2019)\nclock offset is 7.0883 msec, root delay is 99.77 msec\nSwitch#show license eventlog 1\n2025-01-24 15:17:46.341 UTC SAEVT_COMM_FAIL error="Connection timed out"\n No EventLog Found.\n------------------ show version ------------------\nROM: IOS-XE ROMMONBOOTLDR: System Bootstrap, Version 17.9.0.4r\nSwitch 02\n---------\nModel Number : C9300-48UN\n';

describe('the capture reader never throws', () => {
  test('on arbitrary text and file names', () => {
    assertProperty(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 400 })), { maxLength: 4 }), (files) => {
        const c = readCaptureFiles(files.map(([name, text]) => ({ name, text })));
        expect(Array.isArray(c.commands)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  test('on mutated session logs', () => {
    const log = `Switch#show version\n${fixture('show-version-c9300-stack-17.9.txt')}\nSwitch#sh lic stat\n${fixture('show-license-status-stack-smart-proxy.txt')}\n${CLOCK_NTP}\n${RUM_DETAIL}`;
    assertProperty(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.string({ maxLength: 20 })), { maxLength: 12 }), (edits) => {
        const lines = log.split('\n');
        for (const [pos, kind, junk] of edits) {
          const i = pos % lines.length;
          if (kind === 0) lines.splice(i, 1);
          else if (kind === 1) lines.splice(i, 0, `Switch#${junk}`);
          else lines[i] = lines[i].slice(0, lines[i].length >> 1) + junk;
          if (lines.length === 0) lines.push('');
        }
        expect(() => readCaptureText(lines.join('\n'))).not.toThrow();
      }),
      { numRuns: 200 },
    );
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
    const seeds = [fixture('show-license-status-stack-smart-proxy.txt'), fixture('show-running-config-slp.txt'), fixture('show-version-c9300-stack-17.9.txt'), RUM_DETAIL, CLOCK_NTP];
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
