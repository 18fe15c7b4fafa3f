/**
 * The largest answer a client reads (`maxResponseBytes`, docs/runtime.md "Client options").
 * A TOP answer is a few KB (the largest list pages a few hundred KB); without a limit a broken
 * proxy or a wrong gateway URL streaming 50 MB grew the process by 221 MB. Both transports
 * count the bytes as they arrive, stop reading past the limit and close the connection.
 */
import { TopResponseError } from './errors.js';

/** 16 MiB: far above any TOP answer, far below what hurts a process. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 16 * 1024 * 1024;

/** What the error keeps of an answer cut short: its first characters, for the message. */
const KEPT_BYTES = 1024;

/** What the limit needs of an attempt: its limit, and its method and redaction for the error. */
export interface LimitedAttempt {
  method: string;
  /** Undefined: no limit. */
  maxResponseBytes?: number | undefined;
  redact: (text: string) => string;
}

/**
 * The error of an answer past the limit (never retried: the same call gives the same answer):
 * declared past it by `contentLength`, or read past it, `head` holding its first bytes.
 */
export function responseTooLarge(
  attempt: LimitedAttempt,
  status: number,
  head: Uint8Array | undefined,
  contentLength?: number,
): TopResponseError {
  const limit = attempt.maxResponseBytes ?? Infinity;
  const what =
    contentLength !== undefined
      ? `Content-Length ${contentLength} is larger than maxResponseBytes (${limit} bytes); not read`
      : `answer larger than maxResponseBytes (${limit} bytes); reading stopped`;
  const body = head ? attempt.redact(new TextDecoder().decode(head.subarray(0, KEPT_BYTES))) : '';
  return new TopResponseError(attempt.method, what, body, status);
}

/** The error of an answer whose Content-Length header is past the limit, or undefined. */
export function declaredTooLarge(
  attempt: LimitedAttempt,
  status: number,
  header: string | null | undefined,
): TopResponseError | undefined {
  if (header === null || header === undefined || !/^\d+$/.test(header.trim())) return undefined;
  const length = Number(header.trim());
  return length > (attempt.maxResponseBytes ?? Infinity)
    ? responseTooLarge(attempt, status, undefined, length)
    : undefined;
}

/** Reads a fetch Response's body up to the attempt's limit; past it cancels the stream and throws. */
export async function readLimitedText(response: Response, attempt: LimitedAttempt): Promise<string> {
  if (!response.body) return '';
  const limit = attempt.maxResponseBytes ?? Infinity;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw responseTooLarge(attempt, response.status, chunks[0] ?? value);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
