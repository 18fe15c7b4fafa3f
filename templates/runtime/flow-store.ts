/**
 * Where the flow-control state of an app lives (docs/runtime.md "Flow control"): the end of a
 * running code-7 ban and the client-side token bucket, keyed by app key. The client's default
 * is an in-memory store of its own (memory-flow-store.ts); a store shared by several clients,
 * or by several processes (`tbk-client/redis`), makes them honour one ban and one limit.
 * Methods may answer at once or with a promise.
 */

/** A client-side limit: `perSecond` calls a second on average, `burst` at once (default 1). */
export interface RateLimit {
  perSecond: number;
  burst?: number;
}

export interface FlowControlStore {
  /** The end of the app's running ban in epoch ms, or undefined (a past end is as good as none). */
  getBanUntil(appKey: string): number | undefined | Promise<number | undefined>;
  /** Records a ban of the app until `untilMs`; a later end already recorded stays. */
  setBanUntil(appKey: string, untilMs: number): void | Promise<void>;
  /**
   * Takes a token of the app's bucket, reserving it if none is left: 0 when the call may go now,
   * else the ms to wait before it may (the token is the caller's after that wait).
   */
  takeToken(appKey: string, limit: RateLimit): number | Promise<number>;
}

/** Checks a limit and fills in its default; a `TypeError` names the bad value. */
export function checkRateLimit(limit: RateLimit, where: string): Required<RateLimit> {
  const { perSecond, burst = 1 } = limit ?? {};
  if (typeof perSecond !== 'number' || !(perSecond > 0) || !Number.isFinite(perSecond))
    throw new TypeError(`${where}: rateLimit.perSecond must be a number > 0, got ${String(perSecond)}`);
  if (!Number.isInteger(burst) || burst < 1)
    throw new TypeError(`${where}: rateLimit.burst must be an integer ≥ 1, got ${String(burst)}`);
  return { perSecond, burst };
}
