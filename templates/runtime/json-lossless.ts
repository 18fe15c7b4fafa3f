/**
 * JSON parsing that never loses a number's digits. TOP ids (`tb_trade_parent_id`, item ids)
 * are Java longs: `JSON.parse` would round 1707359271433894971 to 1707359271433895000.
 *
 * Fast path: when every number literal outside strings reads back unchanged through
 * `Number` (`String(Number(t)) === t`, false for 16+ digit ids, `5.10`, `1e3`), `JSON.parse`
 * is exact. Otherwise a small parser keeps such literals as `LosslessNumber` (the source text).
 */

/** A JSON number literal kept as its source text because `number` would not round-trip it. */
export class LosslessNumber {
  readonly text: string;
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

/** Strings (unrolled, no catastrophic backtracking) or number literals. */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** True when some number literal outside strings would change through `JSON.parse`. */
export function needsLosslessParse(text: string): boolean {
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(text); m !== null; m = TOKENS.exec(text)) {
    const token = m[0];
    if (token.charCodeAt(0) !== 34 /* " */ && String(Number(token)) !== token) return true;
  }
  return false;
}

/**
 * Parses JSON text; numbers that a `number` cannot hold exactly become `LosslessNumber`.
 * `fastPath: false` forces the lossless parser (tests compare both paths).
 */
export function parseJsonLossless(text: string, options: { fastPath?: boolean } = {}): JsonValue {
  if (options.fastPath !== false && !needsLosslessParse(text)) return JSON.parse(text) as JsonValue;
  return new LosslessParser(text).parseDocument();
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

const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_AT = /"[^"\\\u0000-\u001f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\u0000-\u001f]*)*"/y;
const SPACE_AT = /[ \t\n\r]*/y;

class LosslessParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseDocument(): JsonValue {
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private parseValue(): JsonValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.parseNumber();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail(c === undefined ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(c)}`);
  }

  private parseObject(): JsonObject {
    const out: JsonObject = {};
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a property name');
      const key = this.parseString();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('expected ":"');
      this.pos++;
      const value = this.parseValue();
      // A "__proto__" key must stay an own property, as with JSON.parse.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.fail('expected "," or "}"', -1);
    }
  }

  private parseArray(): JsonValue[] {
    const out: JsonValue[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.parseValue());
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail('expected "," or "]"', -1);
    }
  }

  private parseString(): string {
    STRING_AT.lastIndex = this.pos;
    const m = STRING_AT.exec(this.text);
    if (m === null) return this.fail('invalid string');
    this.pos += m[0].length;
    return JSON.parse(m[0]) as string;
  }

  private parseNumber(): number | LosslessNumber {
    NUMBER_AT.lastIndex = this.pos;
    const m = NUMBER_AT.exec(this.text);
    if (m === null) return this.fail('invalid number');
    this.pos += m[0].length;
    const n = Number(m[0]);
    return String(n) === m[0] ? n : new LosslessNumber(m[0]);
  }

  private skipSpace(): void {
    SPACE_AT.lastIndex = this.pos;
    SPACE_AT.exec(this.text);
    this.pos = SPACE_AT.lastIndex;
  }

  private fail(message: string, offset = 0): never {
    throw new SyntaxError(`${message} in JSON at position ${this.pos + offset}`);
  }
}

const LITERALS: ReadonlyArray<readonly [string, JsonValue]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
