/**
 * Retries for the doc site: network errors and HTTP 5xx are retried with exponential backoff
 * and full jitter; everything else (a `success: false` envelope, a malformed body, a 4xx) is a
 * failure of that one request, reported at once.
 */
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
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof FetchFailure ? error.retryable : true;
      if (!retryable || n >= options.retries) throw error;
      await sleep(Math.random() * options.baseMs * 2 ** n);
    }
  }
}
