/**
 * Retries for the doc site: network errors and HTTP 5xx are retried with exponential backoff
 * and full jitter; everything else (a `success: false` envelope, a malformed body, a 4xx) is a
 * failure of that one request, reported at once. The rule is the fetcher's own: the shipped
 * client's retry policy (templates/runtime/retry.ts) answers TOP's error codes and bans, which
 * the doc site does not have.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export class FetchFailure extends Error {
  constructor(
    message: string,
    /** True for failures worth another attempt (network, 5xx, timeout). */
    readonly retryable: boolean,
    /** A hint for the user, e.g. to pass a logged-in cookie. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}

export interface RetryOptions {
  retries: number;
  baseMs: number;
  /** Cap of one delay (default 30 s). */
  maxMs?: number;
}

/** Full jitter: the wait after the `failures`-th failure, uniform in [0, min(maxMs, baseMs · 2^(failures-1))). */
function backoffMs(failures: number, options: RetryOptions): number {
  const cap = Math.min(options.maxMs ?? 30_000, options.baseMs * 2 ** (failures - 1));
  return Math.floor(Math.random() * cap);
}

export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof FetchFailure ? error.retryable : true;
      if (!retryable || n >= options.retries) throw error;
      await sleep(backoffMs(n + 1, options));
    }
  }
}
