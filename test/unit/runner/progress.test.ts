/**
 * Progress is asserted as events (STYLE.md §7): listr2's test renderer prints one JSON line per
 * state, title and output change, and the tests read those instead of terminal frames.
 */
import { PassThrough } from 'node:stream';
import { Progress } from '../../../src/runner/progress';
import { runPlaybook } from '../../../src/runner/run-playbook';
import { ctx, fakeSteps, play, type Script } from './fake-steps';

interface Shown {
  event: string;
  data: unknown;
  title: string;
}

/** Runs the plays with the test renderer on a captured stream; calls `onLine` for each event. */
async function showRun(plays: Parameters<typeof runPlaybook>[0], scripts: Record<string, Script>, onLine: (e: Shown) => void = () => undefined): Promise<Shown[]> {
  const shown: Shown[] = [];
  const stream = new PassThrough();
  let rest = '';
  stream.on('data', (d: Buffer) => {
    const lines = (rest + d.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      const e = JSON.parse(line) as { event: string; data: unknown; task: { title: string } };
      const s = { event: e.event, data: e.data, title: e.task.title };
      shown.push(s);
      onLine(s);
    }
  });
  const progress = new Progress('test', stream as unknown as NodeJS.WriteStream);
  await runPlaybook(plays, { steps: fakeSteps(scripts), ctx: ctx(), observer: progress.observe });
  await progress.finish();
  return shown;
}

const about = (shown: Shown[], prefix: string): string[] =>
  shown.filter((s) => s.title.startsWith(prefix)).map((s) => `${s.event} ${typeof s.data === 'string' ? s.data : JSON.stringify(s.data)}`);

describe('progress display (listr2 test renderer)', () => {
  it('shows one task per host with each of its steps, and a live done/failed count', async () => {
    let release!: () => void;
    const block = new Promise<void>((r) => (release = r));
    let startA!: () => void;
    const aBlock = new Promise<void>((r) => (startA = r));
    // a is held until its task is on screen, so each of its steps is seen live (not only the
    // last title); b is held until the display has counted a as done, so the count is seen moving.
    const shown = await showRun([play('p', ['a', 'b'])], { a: { block: aBlock, then: 'changed' }, b: { block, then: 'unreachable' } }, (s) => {
      if (s.event === 'STATE' && s.data === 'STARTED' && s.title.startsWith('a')) startA();
      if (s.event === 'TITLE' && s.data === 'p: 1/2 hosts done, 0 failed') release();
    });
    expect(shown.filter((s) => s.title.startsWith('p:') && s.event === 'TITLE').map((s) => s.data)).toEqual([
      'p: 1/2 hosts done, 0 failed',
      'p: 2/2 hosts done, 1 failed',
    ]);
    // A play with a failed host ends failed (✖ and the count), not completed (a green ✔).
    expect(about(shown, 'p:').slice(-2)).toEqual(['STATE FAILED', 'MESSAGE {"error":"p: 2/2 hosts done, 1 failed"}']);
    expect(about(shown, 'a')).toEqual([
      'STATE STARTED',
      'TITLE a … connect',
      'OUTPUT a connect: ok',
      'TITLE a … facts',
      'OUTPUT a facts: ok — C9300-48P IOS XE 17.09.04',
      'OUTPUT a plan: ok — 1 line to change',
      'OUTPUT a apply: changed — pushed 1 line',
      'OUTPUT a trust: skipped — not declared',
      'OUTPUT a sync: skipped — not needed',
      'TITLE a … verify',
      'OUTPUT a verify: ok — 1 passed',
      'TITLE a: changed',
      'STATE COMPLETED',
    ]);
    expect(about(shown, 'b')).toEqual([
      'STATE STARTED',
      'TITLE b … connect',
      'OUTPUT b connect: unreachable — b: unreachable: connection refused',
      'TITLE b: unreachable',
      'STATE FAILED',
      'MESSAGE {"error":"b: unreachable"}',
    ]);
  });

  it('shows a host left out of a later play as skipped, with the reason', async () => {
    const shown = await showRun([play('one', ['a', 'b']), play('two', ['a', 'b'], {}, 1)], { b: 'trust-fails' });
    const two = shown.slice(shown.findIndex((s) => s.title.startsWith('two:')));
    expect(about(two, 'b')).toEqual([
      'STATE STARTED',
      'STATE SKIPPED',
      'MESSAGE {"skip":"b: skipped — not run: failed in play \\"one\\""}',
    ]);
    expect(two.filter((s) => s.title.startsWith('two:')).at(-1)).toEqual({ event: 'STATE', data: 'COMPLETED', title: 'two: 2/2 hosts done, 0 failed' });
  });

  it('shows a play that the selection left without hosts as one skipped line, not a 0/0 count', async () => {
    const shown = await showRun([play('direct', ['a']), play('proxied', [], {}, 1)], {});
    expect(shown.filter((s) => s.title.startsWith('proxied')).map((s) => `${s.event} ${JSON.stringify(s.data)}`)).toEqual([
      'STATE "STARTED"',
      'STATE "SKIPPED"',
      'MESSAGE {"skip":"proxied: skipping: none of the selected hosts is in this play"}',
    ]);
    expect(shown.map((s) => s.title)).not.toContainEqual(expect.stringContaining('0/0'));
  });
});
