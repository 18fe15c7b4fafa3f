/**
 * JSON parsing that never loses a number's digits. TOP ids (`tb_trade_parent_id`, item ids)
 * are Java longs: `JSON.parse` would round 1707359271433894971 to 1707359271433895000.
 *
 * `JSON.parse` reads the text first (so its checks and messages apply). When every number
 * literal reads back unchanged through `Number` (`String(Number(t)) === t`, false for 16+ digit
 * ids, `5.10`, `1e3`), that value is exact and is the result. Otherwise the text is read again
 * with each such literal turned into a marked string, which a reviver turns into a
 * `LosslessNumber` holding the literal: the engine's parser does the work either way.
 */

/** A JSON number literal kept as its source text because `number` would not round-trip it. */
export class LosslessNumber {
  // Declared, not a class field: the constructor creates it (no field code in the bundle).
  declare readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

export type JsonValue = null | boolean | number | string | LosslessNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True for a JSON object (not an array, not a lossless number): the JSON decoders share it. */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LosslessNumber);
}

/** Strings (unrolled, no catastrophic backtracking) or number literals. */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** A number literal outside strings that would change through `JSON.parse`. */
const isLossy = (token: string): boolean => token.charCodeAt(0) !== 34 /* " */ && String(Number(token)) !== token;

/**
 * Text that may hold a number literal `Number` would change: 16 digits in a row (a dot may sit
 * among them), an exponent, a fraction ending in 0 or starting with six 0s, or `-0`. Every
 * literal that is lossy matches; so does text inside strings (ids, dates), which then takes the
 * exact scan. One regex test over an answer without such text is a fraction of the exact scan,
 * which tokenises every string of the body.
 */
const MAYBE_LOSSY = /(?:\d\.?){16}|\d[eE]|\.\d*0(?!\d)|\.0{6}|-0(?![.\d])/;

/** True when some number literal outside strings would change through `JSON.parse`. */
export function needsLosslessParse(text: string): boolean {
  if (!MAYBE_LOSSY.test(text)) return false;
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(text); m !== null; m = TOKENS.exec(text)) if (isLossy(m[0])) return true;
  return false;
}

/**
 * The mark that prefixes a number turned string: U+0000 repeated once more than the longest run
 * of `\u0000` escapes in the text. A valid JSON string holds U+0000 only through that escape,
 * so no string of the document itself can start with the mark.
 */
function markFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/(?:\\u0000)+/gi) ?? []) longest = Math.max(longest, run.length / 6);
  return '\u0000'.repeat(longest + 1);
}

/**
 * `JSON.parse`, with a message that does not quote the text: V8 quotes ten characters from the
 * error on, which may be the start of a credential an answer echoes (too short to redact).
 */
function parseJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const message = (error as Error).message.replace(
      /, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/,
      ' in JSON',
    );
    throw new SyntaxError(message);
  }
}

/** Parses JSON text; numbers that a `number` cannot hold exactly become `LosslessNumber`. */
export function parseJsonLossless(text: string): JsonValue {
  const value = parseJson(text); // valid JSON from here on: TOKENS splits it exactly
  if (!needsLosslessParse(text)) return value;
  const mark = markFor(text);
  const escaped = JSON.stringify(mark).slice(1, -1);
  const marked = text.replace(TOKENS, (token) => (isLossy(token) ? `"${escaped}${token}"` : token));
  return JSON.parse(marked, (_key, v: unknown) =>
    typeof v === 'string' && v.startsWith(mark) ? new LosslessNumber(v.slice(mark.length)) : v,
  ) as JsonValue;
}

/** JSON text of a value; `bigint` and `LosslessNumber` are written as bare number literals. */
export function stringifyJson(value: unknown): string {
  // A replacer cannot emit raw text: mark such numbers as strings, then unmark. The mark is
  // framed by U+0000 (written escaped), which text data does not carry.
  const text = JSON.stringify(value, function replace(this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (typeof raw === 'bigint') return `\u0000#${raw.toString()}#\u0000`;
    if (raw instanceof LosslessNumber) return `\u0000#${raw.text}#\u0000`;
    return v;
  });
  return text === undefined ? 'null' : text.replace(NUMBER_MARK, (_m, digits: string) => digits);
}

const NUMBER_MARK = /"\\u0000#([-+.\deE]+)#\\u0000"/g;
