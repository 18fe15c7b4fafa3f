/**
 * Retries for the doc site: network errors and HTTP 5xx are retried with the client runtime's
 * exponential backoff with full jitter (templates/runtime/retry.ts); everything else (a `success: false` envelope, a malformed body, a 4xx) is a
 * failure of that one request, reported at once.
 */
import { backoffDelay, sleep } from '../../../templates/runtime/retry.js';

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

export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = {
    maxRetries: options.retries,
    retryBaseMs: options.baseMs,
    retryMaxMs: options.maxMs ?? 30_000,
    maxBanWaitMs: 0,
    random: Math.random,
  };
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof FetchFailure ? error.retryable : true;
      if (!retryable || n >= options.retries) throw error;
      await sleep(backoffDelay(n + 1, policy));
    }
  }
}
