import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { utils } from 'ssh2';
import { connectDevice } from '../../../src/device';
import { fingerprintSha256, formatKnownHostsLine } from '../../../src/device/known-hosts';
import { AuthError, DisconnectedError, HostKeyError, UnreachableError } from '../../../src/errors';
import { generateHostKey } from '../../helpers/generate-host-key';
import { closedPort, startFreezableRelay, startKexInitThenResetServer, startSilentServer } from '../../helpers/tcp-fakes';
import { startTinyServer } from '../../helpers/tiny-ssh-server';
import { optionsFor, tmpDir } from './helpers';

/** The SSH public key blob of a private key, as the client sees it during key exchange. */
function publicBlob(privateKey: string): Buffer {
  const k = utils.parseKey(privateKey);
  if (k instanceof Error) throw k;
  return k.getPublicSSH();
}

describe('connecting', () => {
  it('reports a closed port as unreachable, naming host and cause', async () => {
    const port = await closedPort();
    const err = await connectDevice(optionsFor({ port })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toBe(`sw-test: unreachable: TCP: connection refused (ECONNREFUSED) at 127.0.0.1:${port}`);
  });

  it('reports a host that accepts TCP but never speaks SSH as unreachable after the connect timeout', async () => {
    const silent = await startSilentServer();
    try {
      const err = await connectDevice(optionsFor(silent, { connectTimeoutMs: 300 })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnreachableError);
      expect((err as Error).message).toBe(
        `sw-test: unreachable: SSH handshake: timed out after 300 ms waiting for the SSH handshake from 127.0.0.1:${silent.port}`,
      );
    } finally {
      await silent.close();
    }
  });

  it('refuses a wrong password with AuthError', async () => {
    const server = await startTinyServer();
    try {
      const err = await connectDevice(optionsFor(server, { password: 'wrong-pass' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthError);
      expect((err as Error).message).toBe(
        `sw-test: authentication failed: auth: 127.0.0.1:${server.port} refused the credentials of user "admin"`,
      );
    } finally {
      await server.close();
    }
  });

  it('refuses a wrong enable secret, and a missing one, with AuthError', async () => {
    const server = await startTinyServer({ enableSecret: 'right-secret' });
    try {
      await expect(connectDevice(optionsFor(server, { enableSecret: 'wrong-secret' }))).rejects.toMatchObject({
        code: 'ERR_AUTH',
        phase: 'enable',
        reason: 'the enable secret was refused',
      });
      await expect(connectDevice(optionsFor(server))).rejects.toMatchObject({
        code: 'ERR_AUTH',
        phase: 'enable',
        reason: 'enable asks for a password and no enable secret is set (ansible_become_password)',
      });
    } finally {
      await server.close();
    }
  });

  it('logs in with a private key protected by a passphrase', async () => {
    const key = generateHostKey({ passphrase: 'key-phrase' });
    const server = await startTinyServer({ authorizedKey: key.public, startPrivileged: true });
    const dir = tmpDir();
    const keyFile = path.join(dir, 'id_ed25519');
    fs.writeFileSync(keyFile, key.private, { mode: 0o600 });
    try {
      const d = await connectDevice(optionsFor(server, { password: undefined, privateKeyFile: keyFile, passphrase: 'key-phrase' }));
      expect(d.info.prompt).toBe('Switch#');
      await d.close();
    } finally {
      await server.close();
    }
  });

  it('refuses a private key it cannot read or decrypt as AuthError naming the file, before connecting', async () => {
    const key = generateHostKey({ passphrase: 'key-phrase' });
    const server = await startTinyServer({ authorizedKey: key.public, startPrivileged: true });
    const dir = tmpDir();
    const keyFile = path.join(dir, 'id_ed25519');
    fs.writeFileSync(keyFile, key.private, { mode: 0o600 });
    const missing = path.join(dir, 'no-such-key');
    const viaKey = (extra: object) => connectDevice(optionsFor(server, { password: undefined, ...extra })).catch((e: unknown) => e);
    try {
      const errors = [
        await viaKey({ privateKeyFile: missing }),
        await viaKey({ privateKeyFile: keyFile, passphrase: 'wrong-phrase' }),
        await viaKey({ privateKeyFile: keyFile }),
      ];
      for (const e of errors) expect(e).toBeInstanceOf(AuthError);
      expect(errors.map((e) => (e as Error).message)).toEqual([
        `sw-test: authentication failed: auth: cannot read private key file ${missing} (ENOENT)`,
        `sw-test: authentication failed: auth: private key ${keyFile} cannot be used: OpenSSH key integrity check failed -- bad passphrase?`,
        `sw-test: authentication failed: auth: private key ${keyFile} cannot be used: Encrypted private OpenSSH key detected, but no passphrase given`,
      ]);
    } finally {
      await server.close();
    }
  });

  it('blames the jump host, not the device, when the jump host fails', async () => {
    const device = await startTinyServer({ startPrivileged: true });
    const bastion = await startTinyServer({ allowForwarding: true, username: 'jump', password: 'jump-pw' });
    const noForwarding = await startTinyServer({ username: 'jump', password: 'jump-pw' });
    const deadPort = await closedPort();
    const via = (port: number, password: string) =>
      connectDevice(optionsFor(device, { jumpHost: { host: '127.0.0.1', port, username: 'jump', password } })).catch((e: unknown) => e);
    try {
      const dead = await via(deadPort, 'jump-pw');
      expect(dead).toBeInstanceOf(UnreachableError);
      expect((dead as Error).message).toBe(`sw-test: unreachable: TCP: connection refused (ECONNREFUSED) at jump host 127.0.0.1:${deadPort}`);
      const badLogin = await via(bastion.port, 'wrong-jump-pw');
      expect(badLogin).toBeInstanceOf(AuthError);
      expect((badLogin as Error).message).toBe(
        `sw-test: authentication failed: auth: jump host 127.0.0.1:${bastion.port} refused the credentials of user "jump"`,
      );
      const refused = await via(noForwarding.port, 'jump-pw');
      expect(refused).toBeInstanceOf(UnreachableError);
      expect((refused as Error).message).toMatch(
        new RegExp(`^sw-test: unreachable: jump host 127\\.0\\.0\\.1:${noForwarding.port} could not open a connection to 127\\.0\\.0\\.1:${device.port}: .+`),
      );
    } finally {
      await noForwarding.close();
      await bastion.close();
      await device.close();
    }
  });

  it('notices a device that goes silent mid-command through keepalives, before the command timeout', async () => {
    const server = await startTinyServer({ startPrivileged: true, replies: { 'show license tech support': { hang: true } } });
    const relay = await startFreezableRelay(server.port);
    try {
      const d = await connectDevice(optionsFor(relay, { keepaliveIntervalMs: 100, commandTimeoutMs: 60_000 }));
      const running = d.run('show license tech support').catch((e: unknown) => e);
      relay.freeze();
      const err = await running;
      expect(err).toBeInstanceOf(DisconnectedError);
      expect(err).toMatchObject({ host: 'sw-test', during: 'show license tech support' });
      await d.close();
    } finally {
      await relay.close();
      await server.close();
    }
  });

  it('turns Nagle off on its TCP connection, as OpenSSH does for an interactive session', async () => {
    // With Nagle on, each typed command waited for the switch's delayed ACK (~40 ms on Linux).
    const server = await startTinyServer({ startPrivileged: true });
    const spy = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    try {
      const d = await connectDevice(optionsFor(server));
      const clientSide = spy.mock.contexts.filter((sock) => (sock as net.Socket).remotePort === server.port);
      expect(clientSide).toHaveLength(1);
      expect(spy.mock.calls[spy.mock.contexts.indexOf(clientSide[0])]).toEqual([true]);
      await d.close();
    } finally {
      spy.mockRestore();
      await server.close();
    }
  });

  it('sends each SSH packet in one write, not its length, ciphertext and tag apart', async () => {
    const server = await startTinyServer({ startPrivileged: true });
    const noDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const single = jest.spyOn(net.Socket.prototype, '_write');
    try {
      const d = await connectDevice(optionsFor(server));
      await d.run('show clock');
      await d.close();
      const [sock] = noDelay.mock.contexts;
      const sizes = single.mock.calls.filter((_, i) => single.mock.contexts[i] === sock).map(([chunk]) => (chunk as Buffer).length);
      // ssh2 without its native binding hands over the 4 bytes of a packet's length on their own.
      expect(sizes).not.toContain(4);
    } finally {
      single.mockRestore();
      noDelay.mockRestore();
      await server.close();
    }
  });

  it('goes through a jump host', async () => {
    const bastion = await startTinyServer({ allowForwarding: true, username: 'jump', password: 'jump-pw' });
    const device = await startTinyServer({ hostname: 'sw-behind', startPrivileged: true });
    try {
      const d = await connectDevice(
        optionsFor(device, { jumpHost: { host: '127.0.0.1', port: bastion.port, username: 'jump', password: 'jump-pw' } }),
      );
      expect(d.info.hostname).toBe('sw-behind');
      await d.close();
    } finally {
      await device.close();
      await bastion.close();
    }
  });

  it('needs legacy algorithms, opted in, for a device that offers only old ones', async () => {
    const algorithms = { kex: ['diffie-hellman-group14-sha1'], cipher: ['aes128-cbc'], hmac: ['hmac-sha1'] };
    const server = await startTinyServer({ algorithms, startPrivileged: true });
    try {
      const err = await connectDevice(optionsFor(server)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnreachableError);
      expect(err).toMatchObject({ phase: 'SSH handshake' });
      expect((err as Error).message).toMatch(
        /^sw-test: unreachable: SSH handshake: SSH negotiation with 127\.0\.0\.1:\d+ \(SSH-2\.0-[^)]+\) failed: no kex algorithm in common; the server offers diffie-hellman-group14-sha1 \(set slp_ssh_legacy: true for old images, or list slp_ssh_kex\)$/,
      );
      const d = await connectDevice(optionsFor(server, { algorithms: { legacy: true } }));
      expect(d.info.prompt).toBe('Switch#');
      await d.close();
      // An explicit list replaces the legacy set for its class, and the class is named.
      const strict = await connectDevice(optionsFor(server, { algorithms: { legacy: true, cipher: ['aes256-ctr'] } })).catch((e: unknown) => e);
      expect((strict as Error).message).toMatch(/failed: no cipher algorithm in common; the server offers aes128-cbc \(list what it offers in slp_ssh_ciphers\)$/);
    } finally {
      await server.close();
    }
  });
});

describe('old SSH servers', () => {
  const OLD = {
    kex: ['diffie-hellman-group1-sha1'],
    hostKey: ['ssh-rsa'],
    cipher: ['aes128-cbc', '3des-cbc'],
    mac: ['hmac-sha1'],
  };

  it('names the class and the offer when an SSH-1.99 server resets right after its KEXINIT', async () => {
    const server = await startKexInitThenResetServer('SSH-1.99-Cisco-1.25', OLD);
    try {
      const err = await connectDevice(optionsFor(server)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnreachableError);
      expect((err as Error).message).toBe(
        `sw-test: unreachable: SSH handshake: SSH negotiation with 127.0.0.1:${server.port} (SSH-1.99-Cisco-1.25) failed: ` +
          'no kex algorithm in common; the server offers diffie-hellman-group1-sha1 (set slp_ssh_legacy: true for old images, or list slp_ssh_kex)',
      );
    } finally {
      await server.close();
    }
  });

  it('accepts SSH-1.99 and gets past kex with the legacy set, naming the next class that fails', async () => {
    const server = await startKexInitThenResetServer('SSH-1.99-Cisco-1.25', { ...OLD, cipher: ['blowfish-cbc'] });
    try {
      const err = await connectDevice(optionsFor(server, { algorithms: { legacy: true } })).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/\(SSH-1\.99-Cisco-1\.25\) failed: no cipher algorithm in common; the server offers blowfish-cbc \(list what it offers in slp_ssh_ciphers\)$/);
    } finally {
      await server.close();
    }
  });
});

describe('host key checking', () => {
  it('accept-new records the key on first use in OpenSSH format, then accepts it again', async () => {
    const server = await startTinyServer({ startPrivileged: true });
    const knownHostsFile = path.join(tmpDir(), 'known_hosts');
    try {
      const opts = optionsFor(server, { hostKeyChecking: 'accept-new', knownHostsFile });
      await (await connectDevice(opts)).close();
      const line = `[127.0.0.1]:${server.port} ssh-ed25519 ${publicBlob(server.hostKey as string).toString('base64')}\n`;
      expect(fs.readFileSync(knownHostsFile, 'utf8')).toBe(line);
      await (await connectDevice({ ...opts, hostKeyChecking: 'strict' })).close();
      expect(fs.readFileSync(knownHostsFile, 'utf8')).toBe(line);
    } finally {
      await server.close();
    }
  });

  it('refuses a changed key, showing both fingerprints', async () => {
    const server = await startTinyServer({ startPrivileged: true });
    const knownHostsFile = path.join(tmpDir(), 'known_hosts');
    const oldKey = publicBlob(generateHostKey().private);
    fs.writeFileSync(knownHostsFile, `${formatKnownHostsLine('127.0.0.1', server.port, oldKey)}\n`);
    try {
      for (const mode of ['strict', 'accept-new'] as const) {
        const err = await connectDevice(optionsFor(server, { hostKeyChecking: mode, knownHostsFile })).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(HostKeyError);
        expect(err).toMatchObject({
          expected: `ssh-ed25519 ${fingerprintSha256(oldKey)}`,
          got: `ssh-ed25519 ${fingerprintSha256(publicBlob(server.hostKey as string))}`,
          via: undefined,
        });
        expect((err as Error).message).toBe(
          `sw-test: host key changed: known_hosts has ssh-ed25519 ${fingerprintSha256(oldKey)} (${knownHostsFile} line 1), ` +
            `the device offered ssh-ed25519 ${fingerprintSha256(publicBlob(server.hostKey as string))}; ` +
            `remove the old entry if the change is expected: ssh-keygen -R '[127.0.0.1]:${server.port}' -f ${knownHostsFile}`,
        );
      }
    } finally {
      await server.close();
    }
  });

  it('says so when the key that changed is the jump host\'s, and never reaches the device', async () => {
    const bastion = await startTinyServer({ allowForwarding: true, username: 'jump', password: 'jump-pw' });
    const device = await startTinyServer({ startPrivileged: true });
    const knownHostsFile = path.join(tmpDir(), 'known_hosts');
    const oldKey = publicBlob(generateHostKey().private);
    const known = `${formatKnownHostsLine('127.0.0.1', bastion.port, oldKey)}\n`;
    fs.writeFileSync(knownHostsFile, known);
    try {
      const jumpHost = { host: '127.0.0.1', port: bastion.port, username: 'jump', password: 'jump-pw' };
      const err = await connectDevice(optionsFor(device, { hostKeyChecking: 'accept-new', knownHostsFile, jumpHost })).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(HostKeyError);
      const expected = `ssh-ed25519 ${fingerprintSha256(oldKey)}`;
      const got = `ssh-ed25519 ${fingerprintSha256(publicBlob(bastion.hostKey as string))}`;
      expect(err).toMatchObject({ host: 'sw-test', via: `jump host 127.0.0.1:${bastion.port}`, expected, got });
      expect((err as Error).message).toBe(
        `sw-test: host key changed at jump host 127.0.0.1:${bastion.port}: known_hosts has ${expected} (${knownHostsFile} line 1), ` +
          `the jump host offered ${got}; remove the old entry if the change is expected: ssh-keygen -R '[127.0.0.1]:${bastion.port}' -f ${knownHostsFile}`,
      );
      // accept-new would have recorded the device's key had the connection got that far.
      expect(fs.readFileSync(knownHostsFile, 'utf8')).toBe(known);
    } finally {
      await device.close();
      await bastion.close();
    }
  });

  it('strict refuses a host that is not in known_hosts', async () => {
    const server = await startTinyServer({ startPrivileged: true });
    const knownHostsFile = path.join(tmpDir(), 'known_hosts');
    try {
      const err = await connectDevice(optionsFor(server, { hostKeyChecking: 'strict', knownHostsFile })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnreachableError);
      expect((err as Error).message).toBe(
        `sw-test: unreachable: SSH handshake: host key ${fingerprintSha256(publicBlob(server.hostKey as string))} is not in ${knownHostsFile} ` +
          `(host key checking is strict); check the fingerprint, then add it with: ssh-keyscan -p ${server.port} 127.0.0.1 >> ${knownHostsFile} ` +
          '(or set slp_host_key_checking: accept-new)',
      );
      expect(fs.existsSync(knownHostsFile)).toBe(false);
    } finally {
      await server.close();
    }
  });
});
