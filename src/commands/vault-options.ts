/**
 * Vault passwords as ansible-playbook takes them: --vault-id [LABEL@]SOURCE (repeatable),
 * --vault-password-file FILE (repeatable, label "default"), --ask-vault-pass, and the
 * ANSIBLE_VAULT_IDENTITY_LIST / ANSIBLE_VAULT_PASSWORD_FILE variables. A SOURCE is `prompt`, an
 * executable (run; its stdout is the password; a `*-client` script gets `--vault-id LABEL`) or a
 * file (its first line). Passwords are never printed; messages name only the source.
 */
import { execFileSync } from 'child_process';
import { accessSync, constants, readFileSync } from 'fs';
import { basename } from 'path';
import type { Command } from 'commander';
import { ConfigError } from '../errors';
import type { VaultSecret } from '../inventory/vault';
import { collectOption } from './inventory-option';

export interface VaultFlags {
  vaultId: string[];
  vaultPasswordFile: string[];
  askVaultPass?: boolean;
}


export function addVaultOptions(cmd: Command): Command {
  return cmd
    .option('--vault-id <id>', 'the vault identity to use: [label@]file, script or prompt (repeatable)', collectOption)
    .option('--vault-password-file <file>', 'vault password file or executable script (repeatable)', collectOption)
    .option('-J, --ask-vault-pass', 'ask for vault password');
}

export async function vaultSecrets(flags: Partial<VaultFlags>, env: NodeJS.ProcessEnv = process.env, ask: (prompt: string) => Promise<string> = askHidden): Promise<VaultSecret[]> {
  const ids: string[] = [];
  for (const id of (env.ANSIBLE_VAULT_IDENTITY_LIST ?? '').split(',').map((s) => s.trim()).filter(Boolean)) ids.push(id);
  if (env.ANSIBLE_VAULT_PASSWORD_FILE) ids.push(`default@${env.ANSIBLE_VAULT_PASSWORD_FILE}`);
  ids.push(...(flags.vaultId ?? []));
  ids.push(...(flags.vaultPasswordFile ?? []).map((f) => `default@${f}`));
  if (flags.askVaultPass) ids.push('default@prompt');
  const out: VaultSecret[] = [];
  for (const id of ids) {
    const at = id.indexOf('@');
    const label = at > 0 ? id.slice(0, at) : 'default';
    const source = at > 0 ? id.slice(at + 1) : id;
    const password = source === 'prompt' ? await ask(`Vault password${label === 'default' ? '' : ` (${label})`}: `) : passwordFrom(source, label);
    if (password === '') throw bad(source, 'the vault password is empty');
    out.push({ label, password, from: source });
  }
  return out;
}

function bad(source: string, message: string): ConfigError {
  return new ConfigError([{ file: source, line: 1, column: 1, path: '', message }]);
}

function passwordFrom(file: string, label: string): string {
  let executable = false;
  try {
    accessSync(file, constants.X_OK);
    executable = true;
  } catch {
    // Not executable: read as a password file.
  }
  if (executable) {
    const args = /-client(\.[^.]+)?$/.test(basename(file)) ? ['--vault-id', label] : [];
    try {
      return execFileSync(file, args, { encoding: 'utf8', timeout: 60_000, stdio: ['inherit', 'pipe', 'pipe'] }).trim();
    } catch (error) {
      const status = (error as { status?: number }).status;
      throw bad(file, `vault password script failed${status !== undefined ? ` (exit ${status})` : ''}`);
    }
  }
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw bad(file, `cannot read vault password file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.reject(bad('--ask-vault-pass', 'needs a terminal to ask on; use --vault-password-file instead'));
  // Echo off before the prompt shows, as getpass does: what is typed (or pasted) the moment the
  // prompt appears would otherwise be echoed by the terminal before raw mode is on.
  input.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let text = '';
    input.resume();
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(text);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f') text = text.slice(0, -1);
        else text += ch;
      }
    };
    input.on('data', onData);
  });
}
