/**
 * `Long`: TOP's Number type is a Java long. JavaScript numbers hold integers exactly only up
 * to 2^53, so a decoded Number is a `number` while safe and a `bigint` beyond (never rounded).
 */

/** A decoded TOP Number: `number` when a safe integer, `bigint` beyond ±2^53. */
export type Long = number | bigint;

const INTEGER_TEXT = /^-?\d+$/;

/** True for an optionally negative run of decimal digits (no sign `+`, no spaces). */
export function isIntegerText(text: string): boolean {
  return INTEGER_TEXT.test(text);
}

/** Integer text → `number` when it is a safe integer, else an exact `bigint`. */
export function toLong(text: string): Long {
  const n = Number(text);
  if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
  return BigInt(text);
}
