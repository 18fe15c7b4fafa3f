/**
 * The `timestamp` system param: `yyyy-MM-dd HH:mm:ss` in GMT+8 (Beijing time), whatever the
 * host's time zone. The gateway rejects a timestamp more than 10 minutes off (code 31).
 * China has had no daylight saving time since 1991, so a fixed +8 h offset is exact.
 */

const GMT8_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The last second formatted and its text: every call of a busy client within one second sends
 * the same timestamp, so formatting (about 5 µs) happens once a second, not once a call.
 */
let cachedSecond = NaN;
let cachedText = '';

/** Formats an instant (a `Date` or epoch milliseconds) as GMT+8 `yyyy-MM-dd HH:mm:ss`. */
export function formatTopTimestamp(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('cannot format an invalid date as a TOP timestamp');
  const second = Math.floor(ms / 1000);
  if (second === cachedSecond) return cachedText;
  // Shift the instant by +8 h and read it with the UTC getters: no host time zone involved.
  const d = new Date(second * 1000 + GMT8_OFFSET_MS);
  cachedText =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  cachedSecond = second;
  return cachedText;
}
