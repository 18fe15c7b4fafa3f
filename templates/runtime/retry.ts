/**
 * When to try a failed call again (docs/design.md "Client behaviour"):
 * - transport failures (network error, reset connection, timeout, HTTP 5xx) and `isp.*`
 *   sub-codes (TOP's own side failed): exponential backoff with full jitter;
 * - code 7 (App Call Limited): wait the ban announced in `sub_msg` ("This ban will last for
 *   N more seconds") when it is at most `maxBanWaitMs`, give up at once when it is longer;
 * - never `isv.*` sub-codes or other codes (the request or the account must change first).
 * Every retry counts against `maxRetries`.
 */
import { TopError, TopTransportError } from './errors.js';

export interface RetryPolicy {
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxBanWaitMs: number;
  /** Uniform in [0, 1): `Math.random` unless a test injects one. */
  random: () => number;
}

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

/** Full jitter: uniform in [0, min(retryMaxMs, retryBaseMs · 2^(retry-1))). */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const cap = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(policy.random() * cap);
}

function transportReason(error: TopTransportError): string {
  if (error.kind === 'http') return `HTTP ${error.status ?? '?'}`;
  if (error.kind === 'timeout') return 'timeout';
  return `network error${error.errno ? ` (${error.errno})` : ''}`;
}

/** Decides whether the call that failed with `error` after `attempts` attempts goes on. */
export function decideRetry(error: unknown, attempts: number, policy: RetryPolicy): RetryDecision {
  let reason: string;
  let delayMs: number | undefined;
  if (error instanceof TopTransportError) reason = transportReason(error);
  else if (error instanceof TopError) {
    const sub = error.subCode ?? '';
    reason = `code ${error.code}${sub ? ` ${sub}` : ''}`;
    if (sub.startsWith('isv.')) return { retry: false, reason: `${reason}: isv.* errors are not retried` };
    if (error.code === 7) {
      const ban = error.retryAfterMs;
      if (ban !== undefined && ban > policy.maxBanWaitMs) {
        return { retry: false, reason: `${reason}: ban of ${ban} ms exceeds maxBanWaitMs ${policy.maxBanWaitMs}` };
      }
      delayMs = ban;
    } else if (!sub.startsWith('isp.')) return { retry: false, reason: `${reason}: not a transient error` };
  } else return { retry: false, reason: 'not a transient error' };
  if (attempts > policy.maxRetries) return { retry: false, reason: `${reason}: gave up after ${attempts} attempts` };
  return { retry: true, delayMs: delayMs ?? backoffDelay(attempts, policy), reason };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
