/**
 * `npm run bench -- --vs-ansible`: the same job, two tools, one machine, one run. 100 simulated
 * switches; Ansible's cisco.ios collection through ../shared/tools/realclients/ansible-scale.sh
 * (forks 20: one show, one 4-line config task per host), then slp's day-0 converge + verify on
 * a fresh lab of 100 (the whole play: reads, plan, push, trust, sync, save, every assertion).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runOnce, settledStats, SimChild } from './children';
import { LAB_CREDENTIALS, writeBenchLab } from './lab';

export const VS_ANSIBLE = { n: 100, ansibleForks: 20, slpForks: 100 } as const;

/** What ansible-scale.sh prints, read off its summary lines (null when a line is missing). */
export interface AnsibleScaleSummary {
  hosts: number | null;
  failed: number | null;
  wallSeconds: number | null;
  machineBusyCpuSeconds: number | null;
  serverCpuSeconds: number | null;
}

export function parseAnsibleScale(out: string): AnsibleScaleSummary {
  const num = (re: RegExp): number | null => {
    const m = re.exec(out);
    return m ? Number(m[1]) : null;
  };
  return {
    hosts: num(/^hosts=(\d+)/m),
    failed: num(/ failed=(\d+)/),
    wallSeconds: num(/^wall ([\d.]+)s/m),
    machineBusyCpuSeconds: num(/machine busy ([\d.]+) of/),
    serverCpuSeconds: num(/servers \(SERVER_PIDS\) ([\d.]+) cpu-s/),
  };
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

export async function runVsAnsible(o: { root: string; latencyMs: number }): Promise<Record<string, unknown> & { problem?: string }> {
  const script = path.join(o.root, '..', 'shared', 'tools', 'realclients', 'ansible-scale.sh');
  if (!existsSync(script)) throw new Error(`${script} not found: --vs-ansible needs ../shared/tools/realclients`);
  const { n, ansibleForks, slpForks } = VS_ANSIBLE;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slp-bench-vs-ansible-'));
  try {
    // Ansible first, on its own fresh lab; the simulator's CPU is the SERVER_PIDS share.
    let ansible: AnsibleScaleSummary & { exitCode: number | null };
    {
      const { sim, ports } = await SimChild.start(n, o.latencyMs);
      try {
        const hostFile = path.join(dir, 'hosts.txt');
        writeFileSync(hostFile, ports.map((p) => `127.0.0.1:${p}\n`).join(''));
        const { code, out } = await runScript(script, [hostFile, String(ansibleForks), LAB_CREDENTIALS.username, LAB_CREDENTIALS.password, LAB_CREDENTIALS.enableSecret], { ...process.env, SERVER_PIDS: String(sim.pid) });
        ansible = { ...parseAnsibleScale(out), exitCode: code };
        if (ansible.wallSeconds === null) throw new Error(`ansible-scale.sh printed no wall time (exit ${code}):\n${out.slice(-3000)}`);
      } finally {
        await sim.stop();
      }
    }
    // slp on a fresh lab of the same size: converge + verify, the shipped day-0 play.
    const { sim, ports } = await SimChild.start(n, o.latencyMs);
    let slp: Record<string, unknown>;
    let slpWall: number;
    let exitCode: number;
    try {
      const lab = writeBenchLab(dir, ports, path.join(o.root, 'playbooks', 'day0.yaml'));
      const simCpuBefore = (await sim.stats()).cpuMicros;
      const { metrics, wallMs, report } = await runOnce(dir, lab, slpForks, 'slp');
      const stats = await settledStats(sim);
      slpWall = wallMs / 1000;
      exitCode = metrics.exitCode;
      const recap: Record<string, number> = {};
      for (const h of report.plays.flatMap((p) => p.hosts)) recap[h.status] = (recap[h.status] ?? 0) + 1;
      slp = {
        forks: slpForks, wallSeconds: round(slpWall), exitCode, recap,
        runnerCpuSeconds: round(metrics.cpuMicros / 1e6), simulatorCpuSeconds: round((stats.cpuMicros - simCpuBefore) / 1e6),
        commandsPerHost: Math.max(...stats.linesEntered),
      };
    } finally {
      await sim.stop();
    }
    const ansibleOwnCpu = ansible.machineBusyCpuSeconds !== null && ansible.serverCpuSeconds !== null
      ? round(ansible.machineBusyCpuSeconds - ansible.serverCpuSeconds, 1) : null;
    const problem = ansible.exitCode !== 0 ? `ansible-scale.sh exited ${ansible.exitCode}`
      : exitCode !== 0 ? `slp run exited ${exitCode}` : undefined;
    return {
      vsAnsible: true, n, latencyMs: o.latencyMs,
      ansible: { forks: ansibleForks, tasks: 'ios_command show license status + ios_config (4 lines)', ...ansible, ansibleAndOsCpuSeconds: ansibleOwnCpu },
      slp: { job: 'day-0 converge + verify', ...slp },
      wallRatio: round(ansible.wallSeconds! / slpWall, 1),
      ...(problem ? { problem } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
