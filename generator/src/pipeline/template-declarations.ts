/**
 * Declarations of the template copies for one run: from the declaration cache when it holds
 * the module's content, else computed on a worker thread (started on the first miss, so a run
 * whose cache is warm never loads the compiler) and recorded for later runs. `gen` starts the
 * lookups before scraping; `generate` asks again and gets the same promises.
 */
import { WorkerPool, type DeclareOutcome } from '../print/worker-pool.js';
import { openDeclarationCache, type DeclarationCache } from './declaration-cache.js';

export interface TemplateDeclarationOptions {
  /** Read the cache (default true); `--force` and a truly cold run pass false. */
  useCache?: boolean;
  /** Worker threads for cache misses (default: spare cores). */
  workers?: number;
  cache?: DeclarationCache;
}

export class TemplateDeclarations {
  readonly #cache: DeclarationCache;
  readonly #workers: number | undefined;
  readonly #outcomes = new Map<string, Promise<DeclareOutcome>>();
  #pool: WorkerPool | undefined;
  #closed = false;
  /** Lookups not yet found in the cache or queued on the pool. */
  readonly #probing = new Set<Promise<unknown>>();
  /** Modules declared by the compiler in this run (cache misses). */
  computed = 0;

  constructor(options: TemplateDeclarationOptions = {}) {
    this.#cache = options.cache ?? openDeclarationCache(undefined, { read: options.useCache ?? true });
    this.#workers = options.workers;
  }

  /** The declarations of one module (once per path and text). */
  declare(path: string, source: string): Promise<DeclareOutcome> {
    if (this.#closed) throw new Error('template declarations are closed');
    const key = `${path}\0${source}`;
    let outcome = this.#outcomes.get(key);
    if (!outcome) this.#outcomes.set(key, (outcome = this.#lookUp(path, source)));
    return outcome;
  }

  async #lookUp(path: string, source: string): Promise<DeclareOutcome> {
    // Resolves once the module is either found or queued on the pool, so `drain` sees every job.
    const queued = (async (): Promise<{ found: string } | { job: Promise<DeclareOutcome> }> => {
      const cached = await this.#cache.get(path, source);
      if (cached !== undefined) return { found: cached };
      if (this.#closed) throw new Error('template declarations are closed');
      this.computed++;
      this.#pool ??= new WorkerPool(this.#workers);
      return { job: this.#pool.declare(path, source) };
    })();
    this.#probing.add(queued);
    const step = await queued.finally(() => this.#probing.delete(queued));
    if ('found' in step) return { text: step.found };
    const outcome = await step.job;
    if ('text' in outcome) await this.#cache.set(path, source, outcome.text);
    return outcome;
  }

  /** Lends the main thread to the queued declarations until none is left. */
  async drain(): Promise<void> {
    while (this.#probing.size) await Promise.all(this.#probing);
    await this.#pool?.drain();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#pool?.close();
  }
}
