/**
 * A simulated fleet plus the real runner, in-process: start switches on ephemeral ports, write an
 * inventory that points at them, run a playbook through executeRun (the code `slp run` calls),
 * capture what the terminal would show, and leave the switches up for inspection.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stringify } from 'yaml';
import { loadRun } from '../../src/playbook/load-run';
import { defaultSteps } from '../../src/runner/default-steps';
import type { HostSteps } from '../../src/runner/host-steps';
import { executeRun, type Executed } from '../../src/runner/execute-run';
import { runRedactor } from '../../src/runner/run-secrets';
import { startFleet, type Fleet, type SimDeviceSpec, type SimBlock } from '../../src/simulator';
import { closedPort } from './tcp-fakes';
import { waitFor } from './wait-for';

export const CREDENTIALS = { username: 'admin', password: 'Rel-Passw0rd', enableSecret: 'Rel-Enable-S3cret' } as const;
/**
 * A trust token in the form CSSM issues it (reference §2.1, the seed guide's example): URL-encoded
 * base64 lines joined by %0A, `=` as %3D. Not a real token.
 */
export const TOKEN = 'UmVsVG9rZW4tZmFrZS0wMTIzNDU2Nzg5YWJjZGVmLXRlc3Qtb25seS0x%0AMjM0NTZ8UmVsYXhlZFRva2VuRm9yVGVzdHNPbmx5Tm90UmVhbFh5%0AWjAxST0%3D%0A';

/** Every form TOKEN may take in text (as sent, URL-decoded lines, a cut-off start): none may leak. */
export const TOKEN_FORMS: readonly string[] = [
  TOKEN,
  ...decodeURIComponent(TOKEN).split('\n').filter((l) => l.length >= 8),
  TOKEN.slice(0, 16),
];

/** Day-0 as shipped, with short `within:` waits so faulty hosts fail in seconds, not minutes. */
export const DAY0_FAST = [
  {
    name: 'Day-0 (reliability)',
    hosts: 'all',
    save: true,
    slp: {
      state: 'replaced', transport: 'smart', url: 'default', http_client_source_interface: 'Vlan10',
      dns: { lookup: true, servers: ['10.31.104.74'], domain: 'example.com', source_interface: 'Vlan10' },
      trust: { token: '{{ env.SLP_IDTOKEN }}', scope: 'all', force: false },
      sync: true,
    },
    verify: [
      { settings_as_declared: true },
      { trust_installed: true, within: '3s' },
      { history_has_response: true, within: '3s' },
    ],
  },
];

export interface LabHost {
  name: string;
  sim?: SimBlock;
  /** Not served: the inventory points at a closed port. */
  down?: boolean;
  vars?: Record<string, unknown>;
}

export interface Lab {
  fleet: Fleet;
  dir: string;
  inventory: string;
  playbook: string;
  /** Running-config of each served host before anything ran. */
  initialConfig: Map<string, string>;
  run(options?: RunOptions): Promise<Captured>;
  close(): Promise<void>;
}

export interface RunOptions {
  forks?: number;
  logDir?: boolean;
  extraEnv?: Record<string, string>;
  /** Wraps the real steps (a test delays or stalls one, as a slow switch or network would). */
  wrapSteps?: (steps: HostSteps) => HostSteps;
}

export interface Captured extends Executed {
  stdout: string;
  stderr: string;
  jsonFile: string;
  junitFile: string;
  htmlFile: string;
  backupDir: string;
  logDir?: string;
}

export async function startLab(
  hosts: readonly LabHost[],
  playbook: unknown = DAY0_FAST,
  inventoryVars: Record<string, unknown> = {},
  credentials: { username: string; password: string; enableSecret: string } = CREDENTIALS,
): Promise<Lab> {
  const dir = mkdtempSync(join(tmpdir(), 'slp-lab-'));
  const specs: SimDeviceSpec[] = hosts.filter((h) => !h.down).map((h) => ({ name: h.name, port: 0, credentials: { ...credentials }, ...(h.sim ? { sim: h.sim } : {}) }));
  const fleet = await startFleet(specs, { asyncDelayMs: 50 });
  const invHosts: Record<string, Record<string, unknown>> = {};
  for (const h of hosts) invHosts[h.name] = { ansible_port: h.down ? await closedPort() : fleet.hosts[h.name]!.port, ...h.vars };
  const inventory = join(dir, 'inventory.yaml');
  const playbookFile = join(dir, 'playbook.yaml');
  writeFileSync(inventory, stringify({
    all: {
      vars: {
        ansible_host: '127.0.0.1', ansible_user: credentials.username, ansible_password: credentials.password,
        ansible_become_password: credentials.enableSecret, slp_host_key_checking: 'off', slp_connect_timeout: 5, slp_command_timeout: 5,
        ...inventoryVars,
      },
      hosts: invHosts,
    },
  }));
  writeFileSync(playbookFile, stringify(playbook));
  const initialConfig = new Map(specs.map((s) => [s.name, fleet.device(s.name).runningConfig()]));
  let runs = 0;
  return {
    fleet, dir, inventory, playbook: playbookFile, initialConfig,
    async run(options = {}) {
      const n = ++runs;
      const env = { SLP_IDTOKEN: TOKEN, ...options.extraEnv };
      const loaded = loadRun({ inventoryFile: inventory, playbookFile, env });
      const redactor = runRedactor(loaded.plays.flatMap((p) => p.hosts), dir);
      const out = capture();
      const err = capture();
      const jsonFile = join(dir, `report-${n}.json`);
      const junitFile = join(dir, `report-${n}.xml`);
      const htmlFile = join(dir, `report-${n}.html`);
      const backupDir = join(dir, 'backups');
      const logDir = options.logDir ? join(dir, 'logs') : undefined;
      const executed = await executeRun({
        plays: loaded.plays,
        steps: (options.wrapSteps ?? ((st: HostSteps) => st))(defaultSteps({ verifyPollMs: 100 })),
        ctx: {
          mode: 'run', check: false, diff: true, backupDir, playbookDir: dir, redactor,
          timing: { trustTimeoutMs: 3000, syncTimeoutMs: 2000, pollMs: 100 },
          ...(logDir ? { logDir } : {}),
        },
        forks: options.forks ?? 20,
        json: jsonFile,
        junit: junitFile,
        html: htmlFile,
        verbosity: 2,
        meta: { command: 'run', playbook: playbookFile, inventory, toolVersion: 'test', diff: true },
        env: {},
        stdout: out.stream,
        stderr: err.stream,
      });
      return { ...executed, stdout: out.text(), stderr: err.text(), jsonFile, junitFile, htmlFile, backupDir, ...(logDir ? { logDir } : {}) };
    },
    async close() {
      await fleet.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (d: Buffer) => chunks.push(d));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Sessions end on the switch a moment after the runner hangs up; waits (bounded, 5 s) for every
 * host's sessions to close, then returns the hosts whose CLI was left in a config mode by the client.
 */
export async function sessionsLeftInConfig(fleet: Fleet, names: readonly string[]): Promise<{ open: string[]; leftInConfig: string[] }> {
  const open = (): string[] => names.filter((n) => fleet.device(n).openSessionModes().length > 0);
  // Past the bound, the hosts still open are returned for the caller's assertion to name.
  await waitFor(() => open().length === 0, 'every session to close', { timeoutMs: 5000 }).catch(() => undefined);
  return {
    open: open(),
    leftInConfig: names.filter((n) => fleet.device(n).state.closedSessions.some((s) => s.by === 'client' && s.mode.startsWith('config'))),
  };
}
