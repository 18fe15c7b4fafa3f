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

function takeToken(gate: FlowGate, signal: AbortSignal | undefined): Promise<void> | undefined {
  if (!gate.rateLimit) return undefined;
  const wait = gate.store.takeToken(gate.appKey, gate.rateLimit);
  if (isThenable(wait)) return wait.then((ms) => (ms > 0 ? sleep(ms, signal) : undefined));
  return wait > 0 ? sleep(wait, signal) : undefined;
}

function afterBanCheck(
  gate: FlowGate,
  method: string,
  until: number | undefined,
  signal: AbortSignal | undefined,
): Promise<void> | undefined {
  const left = until === undefined ? 0 : until - Date.now();
  if (left <= 0) return takeToken(gate, signal);
  if (left > gate.maxBanWaitMs) throw recordedBanError(method, left);
  // The ban may have been extended meanwhile: look again after the wait.
  return sleep(left, signal).then(() => enterFlowGate(gate, method, signal));
}

/**
 * Resolves when an attempt may be sent (undefined: at once); throws `TopFlowControlError` for a
 * recorded ban longer than `maxBanWaitMs`.
 */
export function enterFlowGate(gate: FlowGate, method: string, signal?: AbortSignal): Promise<void> | undefined {
  const until = gate.store.getBanUntil(gate.appKey);
  if (isThenable(until)) return until.then((u) => afterBanCheck(gate, method, u, signal));
  return afterBanCheck(gate, method, until, signal);
}

/** Records the ban a code-7 error announces (other errors: nothing). */
export function recordBan(gate: FlowGate, error: unknown): Promise<void> | undefined {
  if (!(error instanceof TopError) || error.code !== 7 || error.retryAfterMs === undefined) return undefined;
  if (error.attempts === 0) return undefined; // refused locally: the ban is already recorded
  const done = gate.store.setBanUntil(gate.appKey, Date.now() + error.retryAfterMs);
  return isThenable(done) ? done : undefined;
}
