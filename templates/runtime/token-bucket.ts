/**
 * A token bucket kept as one number, the theoretical arrival time (the generic cell rate
 * algorithm): a call at `now` may go at `max(tat, now) - (burst - 1) · interval`; each call
 * moves `tat` on by one interval. Calls that find no token reserve one and wait for it, so a
 * queue of callers drains at exactly `perSecond` and no window of a second holds more than
 * `perSecond + burst - 1` calls. The Redis store runs the same arithmetic in a script.
 */
import type { RateLimit } from './flow-store.js';

export interface BucketStep {
  /** The new theoretical arrival time (epoch ms). */
  tat: number;
  /** How long the caller waits for its token (0: go now). */
  waitMs: number;
}

export function takeFromBucket(tat: number | undefined, nowMs: number, limit: Required<RateLimit>): BucketStep {
  const interval = 1000 / limit.perSecond;
  const base = Math.max(tat ?? nowMs, nowMs);
  const allowedAt = base - (limit.burst - 1) * interval;
  return { tat: base + interval, waitMs: Math.max(0, Math.ceil(allowedAt - nowMs)) };
}
