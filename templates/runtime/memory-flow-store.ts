/**
 * The in-memory `FlowControlStore`: the default of every client (one per client and the
 * clients `withOptions` derives from it); pass one instance to several clients of a process to
 * make them share it. For several processes, use the Redis store (`tbk-client/redis`).
 */
import { checkRateLimit, type FlowControlStore, type RateLimit } from './flow-store.js';
import { takeFromBucket } from './token-bucket.js';

export class MemoryFlowStore implements FlowControlStore {
  readonly #bans = new Map<string, number>();
  readonly #buckets = new Map<string, number>();
  readonly #now: () => number;

  /** `now`: the clock in epoch ms (tests). */
  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  getBanUntil(appKey: string): number | undefined {
    const until = this.#bans.get(appKey);
    if (until !== undefined && until <= this.#now()) this.#bans.delete(appKey);
    return this.#bans.get(appKey);
  }

  setBanUntil(appKey: string, untilMs: number): void {
    if (untilMs > (this.#bans.get(appKey) ?? 0)) this.#bans.set(appKey, untilMs);
  }

  takeToken(appKey: string, limit: RateLimit): number {
    const step = takeFromBucket(this.#buckets.get(appKey), this.#now(), checkRateLimit(limit, 'MemoryFlowStore'));
    this.#buckets.set(appKey, step.tat);
    return step.waitMs;
  }
}
