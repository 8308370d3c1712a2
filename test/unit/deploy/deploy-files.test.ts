/**
 * The deployment examples (Dockerfile, deploy/) are parsed and checked: the Kubernetes manifest
 * against the Kubernetes schema (kubernetes-models), and every shard variable each file sets is fed
 * to the CLI's own reader (resolveShard), which must see shards 1..N of N, each once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { PersistentVolumeClaim } from 'kubernetes-models/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { parseAllDocuments, parse } from 'yaml';
import { resolveShard, SHARD_ENV } from '../../../src/inventory/shard';

const ROOT = join(__dirname, '../../..');
const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');
type Env = { name: string; value?: string; valueFrom?: { secretKeyRef?: unknown; fieldRef?: { fieldPath: string } } };
type Container = { args?: string[]; command?: string[]; env?: Env[]; securityContext?: { readOnlyRootFilesystem?: boolean } };

/** The shards the CLI reads from each environment: must be exactly 1..total. */
function shardsSeen(envs: NodeJS.ProcessEnv[]): string[] {
  return envs.map((env) => {
    const s = resolveShard(undefined, undefined, env);
    return s ? `${s.index}/${s.total}` : 'none';
  });
}
const oneToN = (n: number): string[] => Array.from({ length: n }, (_, i) => `${i + 1}/${n}`);

describe('Dockerfile', () => {
  const df = DockerfileParser.parse(read('Dockerfile'));
  const ins = df.getInstructions().map((i) => ({ kw: i.getKeyword(), args: i.getTextContent().slice(i.getKeyword().length).trim() }));
  const stages = df.getFROMs();

  it('is multi-stage: the final image copies the build output and production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const finalStart = ins.map((i) => i.kw).lastIndexOf('FROM');
    const final = ins.slice(finalStart);
    expect(final.filter((i) => i.kw === 'COPY' && i.args.includes('--from=')).map((i) => i.args)).toEqual(
      expect.arrayContaining([expect.stringContaining('/dist'), expect.stringContaining('node_modules')]),
    );
    expect(final.some((i) => i.kw === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
    expect(ins.some((i) => i.kw === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args))).toBe(true);
    expect(final.some((i) => i.kw === 'COPY' && /^src\b/.test(i.args))).toBe(false);
  });

  it('runs as a non-root user, and every COPY source exists in the repository', () => {
    const users = ins.filter((i) => i.kw === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)!.args).not.toMatch(/^(root|0)(:|$)/);
    for (const c of ins.filter((i) => i.kw === 'COPY' && !i.args.includes('--from='))) {
      const sources = c.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1);
      expect(sources.filter((src) => !existsSync(join(ROOT, src)))).toEqual([]);
    }
  });
});

describe('deploy/k8s/indexed-job.yaml', () => {
  const docs = parseAllDocuments(read('deploy/k8s/indexed-job.yaml')).map((d) => d.toJS());
  const jobs = docs.filter((d) => d.kind === 'Job');

  it('is valid against the Kubernetes schema', () => {
    expect(docs.map((d) => d.kind)).toEqual(['PersistentVolumeClaim', 'Job', 'Job']);
    for (const d of docs) {
      const model = d.kind === 'Job' ? new Job(d) : new PersistentVolumeClaim(d);
      expect(() => model.validate()).not.toThrow();
    }
    // The validator does reject a wrong manifest (not a check that cannot fail).
    expect(() => new Job({ ...jobs[0], spec: { ...jobs[0].spec, completions: 'four' } }).validate()).toThrow();
  });

  it('the Indexed Job sets what the CLI reads: shards 1..completions, each once', () => {
    const job = jobs.find((j) => j.spec.completionMode === 'Indexed');
    const c: Container = job.spec.template.spec.containers[0];
    const env = new Map(c.env!.map((e) => [e.name, e]));
    expect(env.get(SHARD_ENV.k8sIndex)!.valueFrom!.fieldRef!.fieldPath).toBe("metadata.annotations['batch.kubernetes.io/job-completion-index']");
    const total = env.get(SHARD_ENV.k8sTotal)!.value!;
    expect(Number(total)).toBe(job.spec.completions);
    expect(c.args).not.toContain('--shard');
    const indexes = Array.from({ length: job.spec.completions }, (_, i) => String(i));
    expect(shardsSeen(indexes.map((i) => ({ JOB_COMPLETION_INDEX: i, SLP_SHARD_TOTAL: total })))).toEqual(oneToN(job.spec.completions));
  });

  it('takes credentials from a Secret, writes reports to a volume, and merges them last', () => {
    const [shards, merge] = [jobs.find((j) => j.metadata.name === 'slp-shards'), jobs.find((j) => j.metadata.name === 'slp-merge')];
    const c: Container = shards.spec.template.spec.containers[0];
    for (const secret of ['SWITCH_PASSWORD', 'SWITCH_ENABLE', 'SLP_IDTOKEN']) {
      const e = c.env!.find((x) => x.name === secret)!;
      expect(e.value).toBeUndefined();
      expect(e.valueFrom!.secretKeyRef).toBeDefined();
    }
    const reportArg = c.args![c.args!.indexOf('--json') + 1]!;
    expect(reportArg).toBe('/reports/shard-$(JOB_COMPLETION_INDEX).json');
    expect(shards.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'reports').persistentVolumeClaim.claimName).toBe('slp-reports');
    const m: Container = merge.spec.template.spec.containers[0];
    const script = m.args!.join('\n');
    expect(script).toContain('slp report merge /reports/shard-*.json');
    expect(script).toMatch(/--junit \S+ --html \S+/);
    expect(m.env!.find((e) => e.name === 'SLP_SHARD_TOTAL')!.value).toBe(String(shards.spec.completions));
    expect(merge.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe('slp-reports');
  });
});

describe('deploy/gitlab-ci.yml', () => {
  const ci = parse(read('deploy/gitlab-ci.yml'));

  it('runs parallel shards that the CLI tells apart through CI_NODE_INDEX/CI_NODE_TOTAL', () => {
    const shard = ci['slp-shard'];
    const n: number = shard.parallel;
    expect(n).toBeGreaterThan(1);
    const run = shard.script.find((l: string) => l.startsWith('slp run'));
    expect(run).not.toContain('--shard');
    expect(shardsSeen(Array.from({ length: n }, (_, i) => ({ CI_NODE_INDEX: String(i + 1), CI_NODE_TOTAL: String(n) })))).toEqual(oneToN(n));
    expect(run).toContain('--json "reports/shard-$CI_NODE_INDEX.json"');
  });

  it('merges every shard\'s report in a job that runs even when a shard failed', () => {
    const merge = ci['slp-merge'];
    expect(merge.needs).toEqual([{ job: 'slp-shard', artifacts: true }]);
    expect(merge.when).toBe('always');
    expect(merge.script[0]).toMatch(/^slp report merge reports\/shard-\*\.json .*--junit reports\/fleet\.xml .*--html/);
    expect(merge.artifacts.reports.junit).toBe('reports/fleet.xml');
  });
});

describe('deploy/github-actions.yml', () => {
  const wf = parse(read('deploy/github-actions.yml'));

  it('gives each matrix job a SLP_SHARD the CLI reads as shard I of N', () => {
    const job = wf.jobs.shard;
    const values: number[] = job.strategy.matrix.shard;
    const envs = values.map((v) => ({
      SLP_SHARD: String(job.env.SLP_SHARD).replace('${{ matrix.shard }}', String(v)).replace('${{ strategy.job-total }}', String(values.length)),
    }));
    expect(shardsSeen(envs)).toEqual(oneToN(values.length));
    expect(job.strategy['fail-fast']).toBe(false);
  });

  it('merges the shards\' reports after all of them, even when one failed', () => {
    const merge = wf.jobs.merge;
    expect(merge.needs).toBe('shard');
    expect(merge.if).toBe('always()');
    const dl = merge.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/download-artifact'));
    expect(dl.with.pattern).toBe('slp-shard-*');
    expect(merge.steps.some((s: { run?: string }) => s.run?.startsWith('slp report merge reports/shard-*.json'))).toBe(true);
  });
});
