/**
 * Live progress with listr2, fed by the runner's events (the runner schedules hosts itself; the
 * display only follows). One Listr per play: a first line with the live done/failed count, then
 * one task per host whose title shows the step it is in and whose output shows the last step's
 * result. Everything goes to stderr; stdout is kept for the recap and `--json -`.
 */
import { Listr, ListrLogger, ProcessOutput, type ListrTaskWrapper } from 'listr2';
import type { ProgressRenderer } from './select-renderer';
import type { RunEvent, RunObserver } from '../results/run-events';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

type Task = ListrTaskWrapper<unknown, any, any>;

/**
 * What the display knows of a host. listr2 starts a task a few ticks after the play starts, and a
 * host may already be connecting (or done) by then: the last title and every step line received
 * before are kept here and handed to the task when it starts, so no step is lost from the display.
 */
interface HostView {
  done: Deferred;
  task?: Task;
  skipped?: string;
  title?: string;
  pending: string[];
}

function countText(s: { play: string; finished: number; total: number; failed: number }): string {
  return `${s.play}: ${s.finished}/${s.total} hosts done, ${s.failed} failed`;
}

export class Progress {
  private hosts = new Map<string, HostView>();
  private summary?: { task?: Task; done: Deferred; total: number; finished: number; failed: number; play: string };
  private running: Promise<unknown> = Promise.resolve();
  private readonly stream: NodeJS.WriteStream;

  constructor(private readonly renderer: ProgressRenderer, stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
  }

  readonly observe: RunObserver = (event: RunEvent) => {
    if (this.renderer === 'silent') return;
    switch (event.type) {
      case 'play-start':
        this.startPlay(event.play, event.hosts);
        break;
      case 'host-start':
        this.title(event.host, `${event.host} (batch ${event.batch})`);
        break;
      case 'step-start':
        this.title(event.host, `${event.host} … ${event.step}`);
        break;
      case 'step-end':
        this.output(event.host, `${event.host} ${event.step}: ${event.status}${event.detail ? ` — ${event.detail}` : ''}`);
        break;
      case 'host-end': {
        const view = this.hosts.get(event.host);
        this.count(event.status === 'failed' || event.status === 'unreachable');
        this.title(event.host, `${event.host}: ${event.status}`);
        if (event.status === 'failed' || event.status === 'unreachable') view?.done.reject(new Error(`${event.host}: ${event.status}`));
        else view?.done.resolve();
        break;
      }
      case 'host-skipped': {
        const view = this.hosts.get(event.host);
        if (view) {
          view.skipped = event.reason;
          view.task?.skip(`${event.host}: skipped — ${event.reason}`);
          view.done.resolve();
        }
        this.count(false);
        break;
      }
      case 'play-end':
        this.summary?.done.resolve();
        break;
      default:
        break;
    }
  };

  /** Resolves once the display of every play has finished. */
  async finish(): Promise<void> {
    await this.running.catch(() => undefined);
  }

  private startPlay(play: string, hosts: string[]): void {
    this.hosts = new Map(hosts.map((h) => [h, { done: deferred(), pending: [] }]));
    if (hosts.length === 0) {
      // No selected host is in the play: as Ansible ("skipping: no hosts matched"), one skipped
      // line rather than a "0/0 hosts done" count, in the user's words whatever selected them.
      // The JSON report still lists the play, hostless.
      this.summary = undefined;
      this.enqueue(new Listr([{ title: play, task: (_ctx, task) => task.skip(`${play}: skipping: none of the selected hosts is in this play`) }], this.listrOptions()));
      return;
    }
    const summary = { done: deferred(), total: hosts.length, finished: 0, failed: 0, play } as NonNullable<Progress['summary']>;
    this.summary = summary;
    const list = new Listr(
      [
        {
          title: this.countTitle(),
          task: async (_ctx, task) => {
            summary.task = task;
            // Only when a host finished meanwhile: the same title again would be shown twice.
            if (task.title !== this.countTitle()) task.title = this.countTitle();
            await summary.done.promise;
            // A play where hosts failed ends with ✖ and the failed count, never a green ✔.
            if (summary.failed > 0) throw new Error(countText(summary));
          },
        },
        ...hosts.map((host) => ({
          title: host,
          task: async (_ctx: unknown, task: Task) => {
            const view = this.hosts.get(host)!;
            view.task = task;
            if (view.title) task.title = view.title;
            for (const line of view.pending.splice(0)) task.output = line;
            if (view.skipped) task.skip(`${host}: skipped — ${view.skipped}`);
            await view.done.promise;
          },
        })),
      ],
      this.listrOptions(),
    );
    this.enqueue(list);
  }

  private listrOptions(): ConstructorParameters<typeof Listr>[1] {
    return {
      concurrent: true,
      exitOnError: false,
      registerSignalListeners: false,
      collectErrors: false,
      renderer: this.renderer,
      rendererOptions: { logger: new ListrLogger({ processOutput: new ProcessOutput(this.stream, this.stream) }) } as never,
    };
  }

  /** Plays are shown one after the other, as they run. */
  private enqueue(list: Listr<unknown, any, any>): void {
    const previous = this.running;
    this.running = previous.then(() => list.run().catch(() => undefined));
  }

  private countTitle(): string {
    return this.summary ? countText(this.summary) : '';
  }

  private count(failed: boolean): void {
    if (!this.summary) return;
    this.summary.finished += 1;
    if (failed) this.summary.failed += 1;
    if (this.summary.task) this.summary.task.title = this.countTitle();
  }

  private title(host: string, text: string): void {
    const view = this.hosts.get(host);
    if (!view) return;
    view.title = text;
    if (view.task) view.task.title = text;
  }

  private output(host: string, text: string): void {
    const view = this.hosts.get(host);
    if (!view) return;
    if (view.task) view.task.output = text;
    else view.pending.push(text);
  }
}
