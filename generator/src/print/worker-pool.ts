/**
 * CPU-heavy, self-contained jobs spread over worker threads (one per spare core) and the main
 * thread, fed one job at a time from a shared queue: the isolated declarations of the copied
 * templates that the declaration cache does not hold yet (pipeline/declaration-cache.ts), and
 * prettier on a file (the prettier-oracle test formats every generated file this way; the
 * generator itself prints final form and formats nothing).
 *  - workers load the compiler or prettier on their first job of that kind, on a core that would
 *    otherwise wait (`gen` starts them before scraping when declarations are missing);
 *  - `drain()` makes the main thread take jobs from the same queue until it is empty.
 * Options are fixed (format.ts, dist-options.ts), so output never depends on a user's config.
 * The jobs themselves are pool-worker.js, one typed module for both kinds of thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DECLARATION_OPTIONS } from '../dist/dist-options.js';
import { PRETTIER_OPTIONS } from './format.js';
import {
  createJobRunner,
  POOL_WORKER,
  type DeclareOutcome,
  type FormatOutcome,
  type JobMessage,
  type JobSettings,
} from './pool-worker.js';

export type { DeclareOutcome, FormatOutcome };

interface Job {
  message: JobMessage;
  resolve: (outcome: never) => void;
}

const SETTINGS: JobSettings = { prettierOptions: PRETTIER_OPTIONS, declarationOptions: DECLARATION_OPTIONS };

/**
 * The worker module's URL. `../print/` rather than `./`: bundled, this code runs from a chunk in
 * generator/src/.build/, a folder at the depth of the stage folders.
 */
const WORKER_URL = new URL('../print/pool-worker.js', import.meta.url);

/** Worker threads for a machine: one per spare core, at most 3. */
export function defaultWorkers(): number {
  return Math.max(0, Math.min(availableParallelism(), 4) - 1);
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkerPool {
  readonly #queue: Job[] = [];
  readonly #workers: { worker: Worker; busy: Map<number, Job> }[] = [];
  #nextId = 0;
  #closed = false;
  #runOnMain: ((job: JobMessage) => Promise<FormatOutcome | DeclareOutcome>) | undefined;
  /** Wakes `drain` when a worker finishes a job or dies. */
  #wake: (() => void) | undefined;
  /**
   * Jobs each worker holds at once: enough that it never waits for the main thread to feed it,
   * few enough to share the tail of the queue.
   */
  static readonly BACKLOG = 8;
  /** Declarations by file and text: `gen` asks for the templates' before scraping, generate again later. */
  readonly #declared = new Map<string, Promise<DeclareOutcome>>();

  constructor(workers: number = defaultWorkers()) {
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(WORKER_URL, { workerData: { ...SETTINGS, marker: POOL_WORKER } });
      const slot = { worker, busy: new Map<number, Job>() };
      worker.on('message', (m: { id: number; outcome: never }) => {
        const job = slot.busy.get(m.id)!;
        slot.busy.delete(m.id);
        job.resolve(m.outcome);
        this.#feed();
        this.#wake?.();
      });
      worker.on('error', () => {
        // A worker that dies hands its jobs back to the queue; the main thread finishes them.
        for (const job of slot.busy.values()) this.#queue.unshift(job);
        slot.busy.clear();
        this.#workers.splice(this.#workers.indexOf(slot), 1);
        this.#wake?.();
      });
      this.#workers.push(slot);
    }
  }

  /** Queues one file for prettier; resolves when some thread has formatted it. */
  format(text: string, parser: string): Promise<FormatOutcome> {
    return this.#submit({ kind: 'format', text, parser });
  }

  /** Queues the isolated declarations of one module (once per file name and text). */
  declare(fileName: string, text: string): Promise<DeclareOutcome> {
    const key = `${fileName}\0${text}`;
    let outcome = this.#declared.get(key);
    if (!outcome) this.#declared.set(key, (outcome = this.#submit({ kind: 'declare', text, fileName })));
    return outcome;
  }

  #submit<T>(message: JobMessage): Promise<T> {
    if (this.#closed) throw new Error('worker pool is closed');
    return new Promise<T>((resolve) => {
      this.#queue.push({ message, resolve: resolve });
      this.#feed();
    });
  }

  #feed(): void {
    for (const slot of this.#workers) {
      while (slot.busy.size < WorkerPool.BACKLOG && this.#queue.length) {
        const job = this.#queue.shift()!;
        const id = this.#nextId++;
        slot.busy.set(id, job);
        slot.worker.postMessage({ id, job: job.message });
      }
    }
  }

  /** The main thread runs jobs from the queue until it is empty and every job has finished. */
  async drain(): Promise<void> {
    for (;;) {
      const job = this.#queue.pop();
      if (job) {
        this.#runOnMain ??= createJobRunner(SETTINGS);
        job.resolve((await this.#runOnMain(job.message)) as never);
        await yieldToEvents(); // lets worker results in, so the workers are fed again
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
