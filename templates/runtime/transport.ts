/**
 * One HTTP attempt, whatever sends it: the node:http transport (node-transport.ts, the default)
 * and a `fetch` implementation (the `fetch` option) share this frame. A timeout or a network
 * failure becomes a `TopTransportError` (retried by the client); the caller's `AbortSignal`
 * rejects with the signal's reason at once, whatever the sender does with signals; an answer
 * past `maxResponseBytes` is a `TopResponseError` (response-limit.ts).
 */
import { TopResponseError, TopTransportError } from './errors.js';
import { declaredTooLarge, readLimitedText } from './response-limit.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpAnswer {
  status: number;
  contentType: string | null;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpAttempt {
  fetch: FetchLike;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** API method, for error messages. */
  method: string;
  /** Largest answer read (response-limit.ts); undefined: no limit. */
  maxResponseBytes?: number | undefined;
  redact: (text: string) => string;
}

/** How a sender ends its attempt: with an error, or with the answer. */
export type Settle = (error: unknown, answer?: HttpAnswer) => void;

/** A failure below HTTP (refused, reset, cut mid-body, DNS): retried by the client. */
export function networkError(attempt: Pick<HttpAttempt, 'method' | 'redact'>, error: unknown): TopTransportError {
  const e = error as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  const detail = [e?.message, e?.cause?.message].filter((m) => typeof m === 'string' && m).join(': ');
  return new TopTransportError(
    attempt.method,
    `${attempt.method}: network error: ${attempt.redact(detail || String(error))}`,
    {
      kind: 'network',
      ...(typeof code === 'string' ? { errno: code } : {}),
    },
  );
}

/**
 * Runs one attempt: `start` sends it and calls `settle` once with the answer or the failure
 * (a `TopResponseError` is passed on as it is); the `cancel` it returns stops the exchange
 * (timeout, abort, an answer too large) and frees its connection.
 */
export function runAttempt(
  attempt: Omit<HttpAttempt, 'fetch'>,
  start: (settle: Settle) => () => void,
): Promise<HttpAnswer> {
  const { signal, timeoutMs } = attempt;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    let cancel: (() => void) | undefined;
    const settle: Settle = (error, answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (answer) return resolve(answer);
      cancel?.();
      if (signal?.aborted) reject(signal.reason);
      else if (error instanceof TopResponseError) reject(error);
      else if (timedOut)
        reject(
          new TopTransportError(attempt.method, `${attempt.method}: no answer within ${timeoutMs} ms`, {
            kind: 'timeout',
          }),
        );
      else reject(networkError(attempt, error));
    };
    const onAbort = (): void => settle(signal!.reason);
    const timer =
      timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            settle(new Error('timeout'));
          }, timeoutMs)
        : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      cancel = start(settle);
      if (settled) cancel();
    } catch (error) {
      settle(error);
    }
  });
}

/** Sends one request through a fetch implementation and reads the whole answer as text. */
export function sendHttp(attempt: HttpAttempt): Promise<HttpAnswer> {
  return runAttempt(attempt, (settle) => {
    const controller = new AbortController();
    attempt
      .fetch(attempt.url, { ...attempt.init, signal: controller.signal })
      .then(async (response) => {
        const declared = declaredTooLarge(attempt, response.status, response.headers.get('content-length'));
        if (declared) throw declared;
        const body = await readLimitedText(response, attempt);
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => (headers[name] = value));
        settle(undefined, {
          status: response.status,
          contentType: response.headers.get('content-type'),
          headers,
          body,
        });
      })
      .catch(settle);
    return () => controller.abort(new Error('attempt ended'));
  });
}
