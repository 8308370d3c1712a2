import { createHmac } from 'crypto';
import { checkHostKey, fingerprintSha256, formatKnownHostsLine, hostPattern, keyTypeOf, parseKnownHosts, removeEntryCommand, scanKeyCommand } from '../../../src/device/known-hosts';

function blob(type: string, body: string): Buffer {
  const t = Buffer.from(type);
  const b = Buffer.from(body);
  const out = Buffer.alloc(8 + t.length + b.length);
  out.writeUInt32BE(t.length, 0);
  t.copy(out, 4);
  out.writeUInt32BE(b.length, 4 + t.length);
  b.copy(out, 8 + t.length);
  return out;
}

const KEY = blob('ssh-ed25519', 'k'.repeat(32));
const OTHER = blob('ssh-ed25519', 'o'.repeat(32));

describe('known_hosts', () => {
  it('names hosts as OpenSSH does', () => {
    expect(hostPattern('127.0.0.1', 22)).toBe('127.0.0.1');
    expect(hostPattern('127.0.0.1', 10001)).toBe('[127.0.0.1]:10001');
    expect(formatKnownHostsLine('127.0.0.1', 10001, KEY)).toBe(`[127.0.0.1]:10001 ssh-ed25519 ${KEY.toString('base64')}`);
    expect(keyTypeOf(KEY)).toBe('ssh-ed25519');
  });

  it('matches plain, listed and hashed host fields', () => {
    const salt = Buffer.from('0123456789abcdef0123');
    const hash = createHmac('sha1', salt).update('[127.0.0.1]:10002').digest('base64');
    const entries = parseKnownHosts(
      `# comment\n[127.0.0.1]:10001 ssh-ed25519 ${KEY.toString('base64')}\n` +
        `|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${KEY.toString('base64')}\n` +
        `sw1,[127.0.0.1]:10003 ssh-ed25519 ${KEY.toString('base64')}\n`,
    );
    for (const port of [10001, 10002, 10003]) expect(checkHostKey(entries, '127.0.0.1', port, KEY)).toEqual({ status: 'match' });
    expect(checkHostKey(entries, '127.0.0.1', 10004, KEY)).toEqual({ status: 'unknown' });
  });

  it('reports a changed key with both fingerprints and the line of the stale entry', () => {
    const entries = parseKnownHosts(`# lab\n\n[127.0.0.1]:10001 ssh-ed25519 ${OTHER.toString('base64')}`);
    expect(checkHostKey(entries, '127.0.0.1', 10001, KEY)).toEqual({
      status: 'changed',
      expected: `ssh-ed25519 ${fingerprintSha256(OTHER)}`,
      got: `ssh-ed25519 ${fingerprintSha256(KEY)}`,
      line: 3,
    });
    expect(fingerprintSha256(KEY)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('refuses a revoked key', () => {
    const entries = parseKnownHosts(`@revoked * ssh-ed25519 ${KEY.toString('base64')}`);
    expect(checkHostKey(entries, '127.0.0.1', 10001, KEY)).toEqual({ status: 'revoked', got: fingerprintSha256(KEY) });
  });
});

describe('fix commands', () => {
  it('names the OpenSSH commands that remove a stale entry or record a new key', () => {
    expect(removeEntryCommand('10.0.0.1', 22, '/home/u/.ssh/known_hosts')).toBe("ssh-keygen -R '10.0.0.1' -f /home/u/.ssh/known_hosts");
    expect(removeEntryCommand('127.0.0.1', 10001, 'kh')).toBe("ssh-keygen -R '[127.0.0.1]:10001' -f kh");
    expect(scanKeyCommand('10.0.0.1', 22, 'kh')).toBe('ssh-keyscan 10.0.0.1 >> kh');
    expect(scanKeyCommand('127.0.0.1', 10001, 'kh')).toBe('ssh-keyscan -p 10001 127.0.0.1 >> kh');
  });
});
