/**
 * One HTTP attempt with a timeout. A timeout or a network failure becomes a
 * `TopTransportError` (retried by the client); the caller's `AbortSignal` rejects with the
 * signal's reason at once, whatever the fetch implementation does with signals.
 */
import { TopResponseError, TopTransportError } from './errors.js';
import { declaredTooLarge, readLimitedText, responseTooLarge } from './response-limit.js';

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

/** A failure below HTTP (refused, reset, cut mid-body, DNS): retried by the client. */
export function networkError(attempt: Pick<HttpAttempt, 'method' | 'redact'>, error: unknown): TopTransportError {
  const e = error as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  const errno = typeof code === 'string' ? code : undefined;
  const detail = [e?.message, e?.cause?.message].filter((m) => typeof m === 'string' && m).join(': ');
  const message = `${attempt.method}: network error: ${attempt.redact(detail || String(error))}`;
  return new TopTransportError(
    attempt.method,
    message,
    errno !== undefined ? { kind: 'network', errno } : { kind: 'network' },
  );
}

/** No whole answer within the attempt's time limit: retried by the client. */
export function timeoutError(attempt: Pick<HttpAttempt, 'method' | 'timeoutMs'>): TopTransportError {
  return new TopTransportError(attempt.method, `${attempt.method}: no answer within ${attempt.timeoutMs} ms`, {
    kind: 'timeout',
  });
}

/** Sends one request through a fetch implementation and reads the whole answer as text. */
export async function sendHttp(attempt: HttpAttempt): Promise<HttpAnswer> {
  const timeout = new AbortController();
  let timedOut = false;
  const limited = attempt.timeoutMs > 0 && Number.isFinite(attempt.timeoutMs);
  const timer = limited
    ? setTimeout(() => {
        timedOut = true;
        timeout.abort(new Error('timeout'));
      }, attempt.timeoutMs)
    : undefined;
  const signal = attempt.signal ? AbortSignal.any([attempt.signal, timeout.signal]) : timeout.signal;
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {}); // settled by the race below, or never observed
  try {
    const response = await Promise.race([attempt.fetch(attempt.url, { ...attempt.init, signal }), aborted]);
    const limit = attempt.maxResponseBytes;
    const tooLarge = (head?: Uint8Array, length?: number) =>
      responseTooLarge(attempt.method, limit!, response.status, head, attempt.redact, length);
    const declared = limit === undefined ? undefined : declaredTooLarge(response.headers.get('content-length'), limit);
    if (declared !== undefined) {
      await response.body?.cancel().catch(() => {});
      timeout.abort(new Error('answer too large')); // frees the connection
      throw tooLarge(undefined, declared);
    }
    const text = limit === undefined ? response.text() : readLimitedText(response, limit, (head) => tooLarge(head));
    const body = await Promise.race([text, aborted]).catch((error: unknown) => {
      if (error instanceof TopResponseError) timeout.abort(new Error('answer too large'));
      throw error;
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, contentType: response.headers.get('content-type'), headers, body };
  } catch (error) {
    if (error instanceof TopResponseError) throw error;
    if (attempt.signal?.aborted) throw attempt.signal.reason;
    if (timedOut) throw timeoutError(attempt);
    throw networkError(attempt, error);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
