/**
 * The client's side of flow control (docs/runtime.md "Flow control"), over a
 * `FlowControlStore` shared by every call of the app:
 * - before an attempt, a ban recorded by any call is waited out when it ends within
 *   `maxBanWaitMs`, else the call fails at once with a `TopFlowControlError` (nothing sent,
 *   `retryAfterMs` the time left);
 * - with a `rateLimit`, each attempt then takes a token, waiting its turn when there is none;
 * - a code-7 answer announcing a ban records it for all.
 * No ban and no limit costs no promise: the checks answer synchronously with the memory store.
 */
import { TopError } from './errors.js';
import type { FlowControlStore, RateLimit } from './flow-store.js';
import { sleep } from './retry.js';
import { TopFlowControlError } from './top-error-kinds.js';

export interface FlowGate {
  appKey: string;
  store: FlowControlStore;
  rateLimit: Required<RateLimit> | undefined;
  maxBanWaitMs: number;
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** The error of a call refused because of a ban another call met; nothing was sent. */
export function recordedBanError(method: string, leftMs: number): TopFlowControlError {
  const seconds = Math.ceil(leftMs / 1000);
  const fields = {
    code: 7,
    msg: 'App Call Limited',
    subCode: 'accesscontrol.limited-by-app-access-count',
    subMsg: `This ban will last for ${seconds} more seconds (recorded by an earlier call; this call was not sent)`,
  };
  return new TopFlowControlError(method, fields, undefined, leftMs);
}

/** Waits out a ban that ends within `maxBanWaitMs` (looking again after each wait: it may have been extended), then takes a token. */
async function waitTurn(
  gate: FlowGate,
  method: string,
  signal: AbortSignal | undefined,
  until: number | undefined | Promise<number | undefined>,
): Promise<void> {
  for (let end = await until; ; end = await gate.store.getBanUntil(gate.appKey)) {
    const left = (end ?? 0) - Date.now();
    if (left <= 0) break;
    if (left > gate.maxBanWaitMs) throw recordedBanError(method, left);
    await sleep(left, signal);
  }
  if (gate.rateLimit) {
    const wait = await gate.store.takeToken(gate.appKey, gate.rateLimit);
    if (wait > 0) await sleep(wait, signal);
  }
}

/**
 * Resolves when an attempt may be sent (undefined: at once, no promise, for a store that answers
 * synchronously, no ban and no rate limit); rejects with a `TopFlowControlError` for a recorded
 * ban longer than `maxBanWaitMs`.
 */
export function enterFlowGate(gate: FlowGate, method: string, signal?: AbortSignal): Promise<void> | undefined {
  const until = gate.store.getBanUntil(gate.appKey);
  if (!isThenable(until) && !((until ?? 0) > Date.now()) && !gate.rateLimit) return undefined;
  return waitTurn(gate, method, signal, until);
}

/** Records the ban a code-7 error announces (other errors: nothing). */
export function recordBan(gate: FlowGate, error: unknown): Promise<void> | undefined {
  if (!(error instanceof TopError) || error.code !== 7 || error.retryAfterMs === undefined) return undefined;
  if (error.attempts === 0) return undefined; // refused locally: the ban is already recorded
  const done = gate.store.setBanUntil(gate.appKey, Date.now() + error.retryAfterMs);
  return isThenable(done) ? done : undefined;
}
