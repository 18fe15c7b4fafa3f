/**
 * A time range cut into query windows for the order APIs: contiguous `[start, end)` windows,
 * each at most `windowMs` long, the last one shorter. Bounds are whole seconds (the gateway
 * reads `yyyy-MM-dd HH:mm:ss`): the start is floored and the end ceiled to a second, and
 * `windowMs` must be a whole number of seconds, so a window on the wire is never longer than
 * `windowMs` and the next window starts exactly where the previous one ended.
 */

/** TOP's limit for the order APIs outside big promotions (20 minutes during them). */
export const DEFAULT_WINDOW_MS: number = 3 * 60 * 60 * 1000;

export interface TimeWindow {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** Epoch ms of a `Date` or a number; a `TypeError` names the option when it is not a valid instant. */
export function toEpochMs(value: Date | number, name: string): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    throw new TypeError(`syncOrders: ${name} must be a Date or epoch ms, got ${String(value)}`);
  return ms;
}

/** `[start, end)` with whole-second bounds that cover the range asked. */
export function wholeSeconds(start: number, end: number): TimeWindow {
  return { start: Math.floor(start / 1000) * 1000, end: Math.ceil(end / 1000) * 1000 };
}

export function checkWindowMs(windowMs: number): number {
  if (!Number.isInteger(windowMs) || windowMs < 1000 || windowMs % 1000 !== 0)
    throw new TypeError(`syncOrders: windowMs must be a whole number of seconds ≥ 1000, got ${String(windowMs)}`);
  return windowMs;
}

/** The window starting at `start` (undefined when `start` reached the range's end). */
export function windowAt(start: number, rangeEnd: number, windowMs: number): TimeWindow | undefined {
  return start < rangeEnd ? { start, end: Math.min(start + windowMs, rangeEnd) } : undefined;
}
