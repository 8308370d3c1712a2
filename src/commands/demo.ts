import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRun, type RunPlay } from '../playbook/load-run';
import { Redactor } from '../redact';
import { startFleet, specsFromInventoryFile } from '../simulator';
import { defaultSteps } from '../runner/default-steps';
import { expectationFor, expectationMismatch } from './demo-expectations';
import { executeRun } from '../runner/execute-run';
import type { RunnerPlay } from '../runner/run-playbook';
import { runRedactor } from '../runner/run-secrets';
import { toolVersion } from './run';
import type { RegisterCommand } from './index';

/** Accepted by the simulated CSSM (docs/contracts.md §4); used only when SLP_IDTOKEN is unset. */
/** In CSSM's form (URL-encoded base64, reference §2.1), so the demo shows what a real token does. */
export const LAB_TOKEN = 'LabDemo%0AVG9rZW4tMDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6%0AST0%3D%0A';

const ROOT = path.resolve(__dirname, '..', '..');
/** Short waits: the demo lab answers trust and sync in DEMO_ASYNC_MS. */
const DEMO_ASYNC_MS = 150;
const DEMO_TIMING = { trustTimeoutMs: 8_000, syncTimeoutMs: 8_000, pollMs: 150 };

/** The plays with each host's port replaced by the one its simulated switch got. */
function onPorts(plays: RunPlay[], ports: Record<string, { port: number }>): RunnerPlay[] {
  return plays.map(({ play, hosts }) => ({
    play,
    hosts: hosts.map(({ host, desired }) => ({
      desired,
      host: { ...host, connection: { ...host.connection, address: '127.0.0.1', port: ports[host.name]?.port ?? host.connection.port } },
    })),
  }));
}

/**
 * `slp demo` (= `npm start`): the embedded lab from inventory.example.yaml on ephemeral ports,
 * playbooks/day0.yaml against it, the same again in --check on the switches that converged
 * (changed=0), then a check that every switch behaved as its fault says. Exit 0 when it did.
 */
export const registerDemo: RegisterCommand = (program, setExit) => {
  program
    .command('demo')
    .description('run playbooks/day0.yaml against the embedded simulated lab (inventory.example.yaml) and show the result')
    .option('-i, --inventory <file>', 'lab inventory', path.join(ROOT, 'inventory.example.yaml'))
    .option('--playbook <file>', 'playbook to run', path.join(ROOT, 'playbooks', 'day0.yaml'))
    .option('--json <file>', 'write the first run\'s JSON report here')
    .option('--junit <file>', 'write the first run\'s JUnit XML report here')
    .action(async (opts: { inventory: string; playbook: string; json?: string; junit?: string }) => {
      const env = { ...process.env, SLP_IDTOKEN: process.env.SLP_IDTOKEN || LAB_TOKEN };
      const loaded = loadRun({ inventoryFile: opts.inventory, playbookFile: opts.playbook, env });
      const specs = specsFromInventoryFile(opts.inventory).map((s) => ({ ...s, port: 0 }));
      const work = mkdtempSync(path.join(os.tmpdir(), 'slp-demo-'));
      const fleet = await startFleet(specs, { host: '127.0.0.1', asyncDelayMs: DEMO_ASYNC_MS });
      const out = process.stdout;
      try {
        process.stderr.write(`slp demo: ${specs.length} simulated Catalyst 9000 switches up on 127.0.0.1 (ephemeral ports)\n`);
        const plays = onPorts(loaded.plays, fleet.hosts);
        const playbookDir = path.dirname(path.resolve(opts.playbook));
        const redactor: Redactor = runRedactor(plays.flatMap((p) => p.hosts), playbookDir, [env.SLP_IDTOKEN]);
        const ctx = { mode: 'run' as const, check: false, diff: false, backupDir: path.join(work, 'backups'), playbookDir, redactor, timing: DEMO_TIMING };
        const steps = defaultSteps({ verifyPollMs: 300 });
        const meta = { command: 'demo' as const, playbook: opts.playbook, inventory: opts.inventory, toolVersion: toolVersion() };

        out.write(`\n== 1. ${path.basename(opts.playbook)} against the lab ==\n`);
        const first = await executeRun({ plays, steps, ctx, meta, ...(opts.json ? { json: opts.json } : {}), ...(opts.junit ? { junit: opts.junit } : {}) });

        const converged = new Set(first.run.plays.flatMap((p) => p.hosts).filter((h) => h.status === 'ok' || h.status === 'changed').map((h) => h.host));
        // A play none of the converged switches is in has nothing to show: left out, not "skipped".
        const again = plays.map((p) => ({ play: p.play, hosts: p.hosts.filter((h) => converged.has(h.host.name)) })).filter((p) => p.hosts.length > 0);
        out.write(`\n== 2. the same again in --check on the ${converged.size} switches that converged: nothing left to change ==\n`);
        const second = await executeRun({ plays: again, steps, ctx: { ...ctx, check: true }, meta });

        const problems: string[] = [];
        const lines: string[] = [];
        for (const p of plays) {
          const results = first.run.plays.find((r) => r.index === p.play.index)?.hosts ?? [];
          for (const { host, desired } of p.hosts) {
            const r = results.find((x) => x.host === host.name);
            if (!r || !desired) continue;
            const expected = expectationFor(host.vars.sim as never, desired);
            const miss = expectationMismatch(expected, r);
            const what = expected.outcome === 'diagnosed' ? `diagnosed ${expected.cause}` : expected.outcome;
            lines.push(`${miss ? '✗' : '✓'} ${host.name.padEnd(14)} ${what} (${expected.why})${miss ? `: ${miss}` : ''}`);
            if (miss) problems.push(`${host.name}: ${miss}`);
          }
        }
        for (const h of second.run.plays.flatMap((p) => p.hosts)) {
          if (h.changed || h.status !== 'ok') problems.push(`${h.host}: second run in --check reported ${h.status}${h.changed ? ' (changes pending)' : ''}`);
        }
        out.write(`\n== 3. did every switch behave as its fault says? ==\n${lines.join('\n')}\n`);
        out.write(problems.length ? `\nDEMO FAILED: ${problems.join('; ')}\n` : `\nDemo OK: healthy switches converged (second run changed=0), each faulty one diagnosed.\n`);
        out.write('Next: `npx slp sim -i inventory.example.yaml` in one terminal; in another, `export SLP_IDTOKEN=TGFiVG9rZW4tMDEyMzQ1Njc4OWFiY2RlZmdo%0AaWo%3D%0A` and `npx slp run -i inventory.example.yaml playbooks/day0.yaml` (README, Quick start).\n');
        setExit(problems.length ? 1 : 0);
      } finally {
        await fleet.stop();
        rmSync(work, { recursive: true, force: true });
      }
    });
};
