/**
 * Prettier as a pool: worker threads (one per spare core) plus the main thread, fed one file
 * at a time from a shared queue as the emitters produce them. Formatting is most of the CPU
 * time of a full `gen`, so it must overlap everything else:
 *  - the workers start early (`gen` starts them before scraping): loading prettier and warming
 *    it up happens on a core that would otherwise wait;
 *  - while the main thread emits, the workers format what is already emitted;
 *  - `drain()` makes the main thread format from the same queue until it is empty.
 * Each job's result is the formatted text or prettier's first error line. The options are
 * fixed in format.ts, so output never depends on a user's prettier config.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PRETTIER_OPTIONS } from './format.js';

export type FormatOutcome = { text: string } | { error: string };

interface Job {
  text: string;
  parser: string;
  resolve: (outcome: FormatOutcome) => void;
}

/** Formats the jobs main posts, one message per job, in a worker thread. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.prettierUrl).then(async (prettier) => {
  // Warm-up while main is busy elsewhere: the first formats of a fresh V8 run several times slower.
  for (let i = 0; i < 3; i++) await prettier.format(workerData.warmUp, { ...workerData.options, parser: 'babel-ts' });
  return prettier;
});
parentPort.on('message', async (job) => {
  const prettier = await ready;
  try { parentPort.postMessage({ id: job.id, text: await prettier.format(job.text, { ...workerData.options, parser: job.parser }) }); }
  catch (e) { parentPort.postMessage({ id: job.id, error: String((e && e.message) || e).split('\\n')[0] }); }
});
`;

/** A small module in the generator's own style, formatted to warm the workers up. */
const WARM_UP = `/** Warm-up. */
import type { A, B } from './a.js';
export interface Shape { /** One. */ one?: string; two: number | bigint; three: { four: boolean[] }[] }
export class Thing implements A<B> {
  static readonly meta = { method: 'x', request: [{ name: 'a', kind: 'string', required: true }], types: {} };
  constructor(readonly params: Shape) {}
  async run(x: number): Promise<string> { return x > 1 ? \`\${x}\` : await Promise.resolve('none'); }
}
`;

/** Worker threads for a machine: one per spare core, at most 3. */
export function defaultWorkers(): number {
  return Math.max(0, Math.min(availableParallelism(), 4) - 1);
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FormatPool {
  readonly #queue: Job[] = [];
  readonly #workers: { worker: Worker; busy: Map<number, Job> }[] = [];
  #nextId = 0;
  #closed = false;
  /** Wakes `drain` when a worker finishes a job or dies. */
  #wake: (() => void) | undefined;
  /** Jobs each worker holds at once: enough to never wait for main, few enough to share. */
  static readonly BACKLOG = 2;

  constructor(workers: number = defaultWorkers()) {
    const prettierUrl = import.meta.resolve('prettier');
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { options: PRETTIER_OPTIONS, prettierUrl, warmUp: WARM_UP } });
      const slot = { worker, busy: new Map<number, Job>() };
      worker.on('message', (m: { id: number; text?: string; error?: string }) => {
        const job = slot.busy.get(m.id)!;
        slot.busy.delete(m.id);
        job.resolve(m.error !== undefined ? { error: m.error } : { text: m.text! });
        this.#feed();
        this.#wake?.();
      });
      worker.on('error', (e) => {
        // A worker that dies hands its jobs back to the queue; the main thread finishes them.
        for (const job of slot.busy.values()) this.#queue.unshift(job);
        slot.busy.clear();
        this.#workers.splice(this.#workers.indexOf(slot), 1);
        this.#wake?.();
        void e;
      });
      this.#workers.push(slot);
    }
  }

  /** Queues one file; resolves when some thread has formatted it. */
  format(text: string, parser: string): Promise<FormatOutcome> {
    if (this.#closed) throw new Error('format pool is closed');
    return new Promise((resolve) => {
      this.#queue.push({ text, parser, resolve });
      this.#feed();
    });
  }

  #feed(): void {
    for (const slot of this.#workers) {
      while (slot.busy.size < FormatPool.BACKLOG && this.#queue.length) {
        const job = this.#queue.shift()!;
        const id = this.#nextId++;
        slot.busy.set(id, job);
        slot.worker.postMessage({ id, text: job.text, parser: job.parser });
      }
    }
  }

  /** The main thread formats from the queue until it is empty and every job has finished. */
  async drain(): Promise<void> {
    const prettier = await import('prettier');
    for (;;) {
      const job = this.#queue.pop();
      if (job) {
        try {
          job.resolve({ text: await prettier.format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser }) });
        } catch (e) {
          job.resolve({ error: String((e as Error).message ?? e).split('\n')[0]! });
        }
        await yieldToEvents(); // lets worker results in, so they are fed again
        continue;
      }
      if (this.#workers.every((w) => w.busy.size === 0)) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}
